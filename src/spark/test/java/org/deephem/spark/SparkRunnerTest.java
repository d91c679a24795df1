package org.deephem.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deephem.cli.Main;
import org.deephem.experiment.CellResult;
import org.deephem.experiment.CellRunner;
import org.deephem.experiment.CellWorker;
import org.deephem.experiment.Grid;
import org.deephem.experiment.Harness;
import org.deephem.io.InputError;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same small grid under the local runner and under Spark {@code local[2]} (a network of the
 * --quick size and a baseline, two seeds each: four cells) gives the same merged tables, cell for
 * cell and column for column, the cells' own wall times aside; a rerun under Spark reuses every
 * cell; and the ablate --quick grid gives the same tables under both. Runs only with -Pspark
 * (README's test command runs it in a second Maven call).
 */
class SparkRunnerTest {
    @TempDir
    Path tmp;

    private static final List<String> GRID = List.of("compare", "--quick", "--methods", "deephem,logistic", "--seeds", "1,2", "--cv", "0",
            "--threads", "1");

    private static int run(Path out, String... runner) {
        List<String> a = new ArrayList<>(GRID);
        a.addAll(List.of("--data", TestData.demo().toString(), "-o", out.toString()));
        a.addAll(List.of(runner));
        return Main.run(a.toArray(String[]::new));
    }

    @Test
    void aGridUnderSparkLocal2GivesTheLocalRunnersTablesCellForCell() throws IOException {
        Path local = tmp.resolve("local"), spark = tmp.resolve("spark");
        assertEquals(0, run(local, "--jobs", "2"), "local runner");
        assertEquals(0, run(spark, "--runner", "spark", "--master", "local[2]"), "Spark runner");

        for (String table : List.of("compare_cells.csv", "compare_summary.csv")) {
            List<String> l = withoutWallSeconds(local.resolve(table)), s = withoutWallSeconds(spark.resolve(table));
            assertEquals(l.size(), s.size(), table + ": rows");
            assertTrue(l.size() > 1, table + ": has rows");
            for (int i = 0; i < l.size(); i++) assertEquals(l.get(i), s.get(i), table + " row " + i);
        }
        List<String> ids = cellIds(local);
        assertEquals(List.of("deephem-s1", "deephem-s2", "logistic-s1", "logistic-s2"), ids);
        assertEquals(ids, cellIds(spark));
        for (String id : ids) {
            CellResult l = Harness.read(local.resolve("cells").resolve(id + ".json")), s = Harness.read(spark.resolve("cells").resolve(id + ".json"));
            assertEquals(l.specSha256(), s.specSha256(), id);
            assertArrayEquals(l.humanScores(), s.humanScores(), 0.0, id + ": human scores");
            assertEquals(l.correlations(), s.correlations(), id + ": correlations");
            assertEquals(l.selectedEpoch(), s.selectedEpoch(), id);
            assertTrue(Files.size(spark.resolve("logs").resolve(id + ".log")) >= 0, id + ": its log is written by the driver");
        }

        // a rerun under Spark reuses every finished cell (content hashes, as for the local runner)
        Grid g = Harness.savedGrid(spark);
        try (SparkCellRunner r = new SparkCellRunner("local[2]", 1)) {
            Harness.Outcome again = Harness.run(g, TestData.demo(), spark, r);
            assertEquals(0, again.ran(), "nothing run again");
            assertEquals(4, again.reused());
        }
    }

    /**
     * The check: the {@code ablate --quick} grid (every group: features, fusion, kernel,
     * loss; one seed and no CV inside the cells, to keep the test short) gives the same merged
     * tables under Spark {@code local[2]} as under the local runner, row for row.
     */
    @Test
    void theAblateQuickGridGivesTheLocalRunnersTables() throws IOException {
        Path local = tmp.resolve("ablate-local"), spark = tmp.resolve("ablate-spark");
        List<String> grid = List.of("ablate", "--quick", "--seeds", "1", "--cv", "0", "--threads", "1", "--data", TestData.demo().toString());
        List<String> l = new ArrayList<>(grid), s = new ArrayList<>(grid);
        l.addAll(List.of("-o", local.toString(), "--jobs", "2"));
        s.addAll(List.of("-o", spark.toString(), "--runner", "spark", "--master", "local[2]"));
        assertEquals(0, Main.run(l.toArray(String[]::new)), "local runner");
        assertEquals(0, Main.run(s.toArray(String[]::new)), "Spark runner");
        for (String table : List.of("ablate_cells.csv", "ablate_summary.csv")) {
            List<String> a = withoutWallSeconds(local.resolve(table)), b = withoutWallSeconds(spark.resolve(table));
            assertTrue(a.size() > 8, table + ": a row per variant of the four groups");
            assertEquals(a, b, table);
        }
        assertEquals(cellIds(local), cellIds(spark));
    }

    /** A failing job stops the run with one line (its exit code and last log line), exit 2 as bad input; its log comes back to the driver. */
    @Test
    void aFailingCellIsOneLineWithItsLogAsLocally() {
        Path log = tmp.resolve("logs").resolve("bad.log");
        CellRunner.Job bad = new CellRunner.Job("bad", CellWorker.class.getName(),
                CellWorker.args(tmp.resolve("no-such-spec.json"), TestData.demo(), tmp.resolve("cells").resolve("bad.json")), log, tmp.resolve("cells").resolve("bad.json"));
        try (SparkCellRunner r = new SparkCellRunner("local[1]", 1)) {
            InputError e = assertThrows(InputError.class, () -> r.run(List.of(bad), (j, s) -> { }));
            assertTrue(e.getMessage().startsWith("bad failed (exit 2): error: ") && e.getMessage().contains("no-such-spec.json"), e.getMessage());
        }
        assertTrue(Files.isRegularFile(log), "the log is written on the driver");
    }

    /** A merged table's lines without its wall_seconds column (the only one that differs between two runs). */
    private static List<String> withoutWallSeconds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int w = header.indexOf("wall_seconds");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            List<String> f = new ArrayList<>(List.of(line.split(",", -1)));
            if (w >= 0) f.remove(w);
            out.add(String.join(",", f));
        }
        return out;
    }

    private static List<String> cellIds(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("cells"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
    }
}
