package org.deephem.experiment;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.deephem.analysis.TableFiles;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.io.Progress;
import org.deephem.zoo.BuildInfo;

/**
 * Runs a {@link Grid}, resumably: each cell runs in its own JVM ({@link CellWorker}, started by a
 * {@link CellRunner}: local child JVMs or Spark tasks) and writes {@code <out>/cells/<id>.json} atomically. A cell whose file exists
 * with the same spec hash is reused, never recomputed; a file made for another spec (other
 * settings, {@code --quick}, CV or data) stops the run before anything starts, with one line
 * naming it. The runner decides where and how many at once (local: up to {@code jobs} children,
 * each with {@code threads} ND4J/OpenMP threads). Finished cells are merged ({@link Merge}) into tables under {@code <out>}.
 */
public final class Harness {
    private Harness() {}

    /** How a grid ran: every cell's result by id (grid order), the merged tables, counts and wall time, and the files written. */
    public record Outcome(Map<String, CellResult> results, Merge.Merged merged, int ran, int reused, double wallSeconds, List<Path> files) {}

    /** {@link #run(Grid, Path, Path, CellRunner)} on local child JVMs, {@code jobs} at once with {@code threads} threads each. */
    public static Outcome run(Grid grid, Path data, Path out, int jobs, int threads) {
        return run(grid, data, out, new LocalCellRunner(jobs, threads));
    }

    /** As {@link #run(Grid, Path, Path, CellRunner)}, on a runner made for this grid and closed after it. */
    public static Outcome run(Grid grid, Path data, Path out, RunnerChoice runner) {
        try (CellRunner r = runner.create()) {
            return run(grid, data, out, r);
        }
    }

    /** Runs the cells not finished yet with {@code runner}, then merges every cell into the grid's tables. */
    public static Outcome run(Grid grid, Path data, Path out, CellRunner runner) {
        long t0 = System.nanoTime();
        String dataSha = CellSpec.datasetSha256(data);
        Map<Path, String> rowShas = rowDataSha256(grid);
        List<CellSpec> cells = grid.cells(dataSha, rowShas);
        Path cellDir = out.resolve("cells"), specDir = out.resolve("specs"), logDir = out.resolve("logs");
        Map<String, CellResult> done = new ConcurrentHashMap<>();
        List<CellSpec> todo = new ArrayList<>();
        for (CellSpec spec : cells) {
            CellResult r = finished(spec, cellDir);
            if (r == null) {
                todo.add(spec);
                continue;
            }
            done.put(spec.id(), r);
            Progress.say("cell %s: done earlier (%.1f s then), reused", spec.id(), r.wallSeconds());
        }
        Progress.say("%s: %d cells, %d done earlier, %d to run, %s", grid.name(), cells.size(),
                done.size(), todo.size(), runner.describe());
        Json.writeFile(out.resolve(GRID_FILE), grid.saved()); // what `report --experiments` collects later
        runCells(todo, grid.cellData(data), cellDir, specDir, logDir, runner, done);
        Map<String, CellResult> ordered = new LinkedHashMap<>();
        for (CellSpec s : cells) ordered.put(s.id(), done.get(s.id()));
        Merge.Merged merged = Merge.merge(grid, ordered);
        Map<String, Object> prov = provenance(grid, data, dataSha);
        if (!rowShas.isEmpty()) prov.put("row_datasets", rowDatasets(grid, rowShas));
        List<Path> files = new ArrayList<>(TableFiles.write(merged.cells(), out, grid.name() + "_cells", prov));
        files.addAll(TableFiles.write(merged.summary(), out, grid.name() + "_summary", prov));
        Path txt = out.resolve(grid.name() + "_summary.txt");
        AtomicFiles.writeString(txt, merged.text());
        files.add(txt);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cellSum = ordered.values().stream().mapToDouble(CellResult::wallSeconds).sum();
        Progress.say("%s: %d cells (%d run now, %d reused) in %.1f s wall; the cells' own times sum to %.1f s",
                grid.name(), cells.size(), todo.size(), cells.size() - todo.size(), wall, cellSum);
        return new Outcome(ordered, merged, todo.size(), cells.size() - todo.size(), wall, files);
    }

    /**
     * The merged tables of the cells of {@code grid} already finished under {@code out}, without
     * running anything (for the report); cells not yet run are left out, a stale one is refused.
     */
    public static Merge.Merged collect(Grid grid, Path data, Path out) {
        return Merge.merge(grid, results(grid, data, out));
    }

    /** The grid a folder was run with, written by {@link #run} before its first cell. */
    public static final String GRID_FILE = "grid.json";

    /** The grid saved in an experiment folder by {@link #run}; refused with one line when absent or unreadable. */
    public static Grid savedGrid(Path out) {
        Path f = out.resolve(GRID_FILE);
        if (!Files.isRegularFile(f)) throw InputError.at(out, "is not an experiment folder (no " + GRID_FILE + "; run ablate, compare or training-length with -o there)");
        try {
            return Json.mapper().readValue(f.toFile(), Grid.Saved.class).toGrid();
        } catch (IOException | RuntimeException e) {
            throw InputError.at(f, "is not a readable grid (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")");
        }
    }

    /** The finished cells of {@code grid} under {@code out} by cell id, in grid order; a stale one is refused. */
    public static Map<String, CellResult> results(Grid grid, Path data, Path out) {
        Map<String, CellResult> found = new LinkedHashMap<>();
        for (CellSpec spec : grid.cells(CellSpec.datasetSha256(data), rowDataSha256(grid))) {
            CellResult r = finished(spec, out.resolve("cells"));
            if (r != null) found.put(spec.id(), r);
        }
        return found;
    }

    /** The hash of each dataset folder that rows name for themselves ({@link Grid.Row#data}). */
    public static Map<Path, String> rowDataSha256(Grid grid) {
        Map<Path, String> out = new LinkedHashMap<>();
        for (Path p : grid.rowData()) out.put(p, CellSpec.datasetSha256(p));
        return out;
    }

    /** Row key → its own dataset folder and that folder's hash, for the provenance. */
    private static Map<String, Object> rowDatasets(Grid grid, Map<Path, String> shas) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Grid.Row r : grid.methods()) {
            if (r.data() != null) out.put(r.key(), Map.of("dataset", org.deephem.io.RecordedPath.of(r.data(), null), "dataset_sha256", shas.get(r.data())));
        }
        return out;
    }

    /** What the grid's tables record about how they were made. */
    public static Map<String, Object> provenance(Grid grid, Path data, String dataSha) {
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("experiment", grid.name());
        prov.put("seeds", grid.seeds());
        prov.put("reference", grid.reference());
        prov.put("cv", grid.cvFolds() == 0 ? "off" : grid.cvFolds() + " folds x " + grid.cvRepeats() + " repeats");
        prov.put("cells", grid.cellData(data).keySet().stream().toList());
        prov.put("dataset", org.deephem.io.RecordedPath.of(data, null));
        prov.put("dataset_sha256", dataSha);
        prov.put("deephem_j", BuildInfo.current().version());
        prov.put("git_commit", BuildInfo.current().gitCommit());
        return prov;
    }

    /** The cell's finished result, null if it has none yet; a result of another spec is refused (never silently reused or overwritten). */
    private static CellResult finished(CellSpec spec, Path cellDir) {
        Path f = cellDir.resolve(spec.id() + ".json");
        if (!Files.exists(f)) return null;
        CellResult r = read(f);
        if (!spec.sha256().equals(r.specSha256()) || !spec.sha256().equals(r.spec().sha256())) {
            throw InputError.at(f, "was made for another spec of this cell (other settings, --quick, --cv or data);"
                    + " delete it or choose another --out");
        }
        return r;
    }

    /** A cell file as written by {@link CellRun} (NaN correlations are written as NaN tokens). */
    public static CellResult read(Path f) {
        try {
            return Json.mapper().readerFor(CellResult.class).with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).readValue(f.toFile());
        } catch (IOException e) {
            throw InputError.at(f, "is not a readable cell result ("
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
                    + "); delete it to recompute the cell");
        }
    }

    private static void runCells(List<CellSpec> todo, Map<String, Path> dataOf, Path cellDir, Path specDir, Path logDir, CellRunner runner,
                                 Map<String, CellResult> done) {
        if (todo.isEmpty()) return;
        try {
            Files.createDirectories(cellDir);
            Files.createDirectories(specDir);
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw org.deephem.io.WriteError.of(cellDir, e);
        }
        List<CellRunner.Job> jobs = new ArrayList<>();
        for (CellSpec spec : todo) {
            Path specFile = specDir.resolve(spec.id() + ".json"), result = cellDir.resolve(spec.id() + ".json");
            Json.writeFile(specFile, spec);
            jobs.add(new CellRunner.Job(spec.id(), CellWorker.class.getName(), CellWorker.args(specFile, dataOf.get(spec.id()), result),
                    logDir.resolve(spec.id() + ".log"), result));
        }
        AtomicInteger finished = new AtomicInteger();
        try {
            runner.run(jobs, (t, secs) -> {
                done.put(t.id(), read(t.result()));
                Progress.say("cell %s: %.1f s (%d/%d)", t.id(), secs, finished.incrementAndGet(), todo.size());
            });
        } catch (InputError e) {
            throw new InputError("cell " + e.getMessage() + "; finished cells are kept, run again to resume");
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cell " + e.getMessage() + "; finished cells are kept, run again to resume", e);
        }
    }
}
