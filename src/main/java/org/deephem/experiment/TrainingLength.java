package org.deephem.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.deephem.analysis.CorrelationAnalysis;
import org.deephem.analysis.TableFiles;
import org.deephem.figures.FigureFiles;
import org.deephem.figures.HumanByEpoch;
import org.deephem.io.AtomicFiles;
import org.deephem.model.ModelConfig;
import org.deephem.train.KeptEpochs;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Training length and epoch selection as an experiment: every seed trains the full epochs with
 * early stopping off, and its per-epoch trace ({@link CellResult.Trace}) gives the epoch each
 * selection rule keeps (one training per seed serves every rule). The human correlations by
 * epoch are written and drawn to be <em>seen</em>; no rule and no default reads them.
 */
public final class TrainingLength {
    private TrainingLength() {}

    public static final String NAME = "training-length";
    public static final String KEY = "full-run";
    public static final String CAPTION = "Human Spearman correlation of the network's scores by epoch, one line per seed,"
            + " with the epoch each selection rule keeps marked. The curve is shown, never used: every rule reads"
            + " held-out labelled mouse only.";

    /** The grid: the network with early stopping off (patience 0), one cell per seed. */
    public static Grid grid(ModelConfig network, List<Long> seeds, int cvFolds, int cvRepeats) {
        ModelConfig full = network.withPatience(0);
        return new Grid(NAME, List.of(new Grid.Row("network", "full run, no early stopping", KEY, "deephem", full)), KEY,
                seeds, cvFolds, cvRepeats);
    }

    /** What a training-length run did: its written tables and figures, and how many cells ran and were reused. */
    public record Outcome(Written written, int ran, int reused) {}

    /** The whole stage: runs (or reuses) the grid's cells on {@code runner}, then writes the tables, figures and text to {@code out}. */
    public static Outcome run(Grid grid, Path data, Path out, RunnerChoice runner) {
        Harness.Outcome o = Harness.run(grid, data, out, runner);
        Written w = write(o.results(), out, Harness.provenance(grid, data, CellSpec.datasetSha256(data)));
        return new Outcome(w, o.ran(), o.reused());
    }

    /**
     * Whether early stopping changes the kept model more than the seed does: the seeds whose
     * patience-10 epoch equals the full run's VAL_LOGLOSS epoch, the mean Spearman between those
     * two kept models' human scores within a seed, and the mean Spearman between the VAL_LOGLOSS
     * models of two different seeds (NaN with one seed).
     */
    public record Agreement(int seeds, int sameEpoch, double withinSeed, double betweenSeeds) {
        public String sentence() {
            String verdict = Double.isNaN(betweenSeeds) ? "needs two seeds to be judged against seed noise"
                    : withinSeed >= betweenSeeds ? "changes the kept model less than seed noise does"
                    : "changes the kept model MORE than seed noise does";
            return String.format(Locale.ROOT, "early stopping (patience %d, log-loss) kept the full run's VAL_LOGLOSS epoch in %d of %d seeds;"
                            + " Spearman between the two kept models' human scores: mean %.4f within a seed, against %.4f between seeds: it %s.",
                    KeptEpochs.EARLY_STOP_PATIENCE, sameEpoch, seeds, withinSeed, betweenSeeds, verdict);
        }
    }

    /** The written tables, figures and text. */
    public record Written(Table curves, Table picks, Agreement agreement, String text, List<Path> files) {}

    /** Tables, figures and the text for the finished cells of the grid (in seed order), each with a trace. */
    public static Written write(Map<String, CellResult> cells, Path out, Map<String, Object> provenance) {
        List<String> measures = new ArrayList<>();
        for (CellResult c : cells.values()) {
            if (c.trace() == null) throw new IllegalArgumentException("cell " + c.spec().id() + " has no per-epoch trace");
            for (CellResult.Epoch e : c.trace().epochs()) for (String m : e.human().keySet()) if (!measures.contains(m)) measures.add(m);
        }
        Table curves = Table.create(NAME + "_curves", IntColumn.create("seed"), IntColumn.create("epoch"), DoubleColumn.create("lambda"),
                DoubleColumn.create("alpha"), DoubleColumn.create("selection_logloss"), DoubleColumn.create("selection_auc"),
                DoubleColumn.create("human_score_sd"), StringColumn.create("kept_by"));
        Table picks = Table.create(NAME + "_picks", IntColumn.create("seed"), StringColumn.create("rule"), IntColumn.create("kept_epoch"),
                DoubleColumn.create("lambda"), DoubleColumn.create("alpha"), DoubleColumn.create("selection_logloss"),
                DoubleColumn.create("selection_auc"));
        for (String m : measures) {
            curves.addColumns(DoubleColumn.create("human_" + m));
            picks.addColumns(DoubleColumn.create("human_" + m));
        }
        for (CellResult c : cells.values()) {
            int seed = (int) c.spec().seed();
            for (CellResult.Epoch e : c.trace().epochs()) {
                List<String> by = new ArrayList<>();
                for (CellResult.Pick p : c.trace().picks()) if (p.epoch() == e.epoch()) by.add(p.rule());
                curves.intColumn("seed").append(seed);
                curves.intColumn("epoch").append(e.epoch());
                curves.doubleColumn("human_score_sd").append(e.targetStd());
                curves.stringColumn("kept_by").append(String.join(" ", by));
                appendEpoch(curves, e, measures);
            }
            for (CellResult.Pick p : c.trace().picks()) {
                CellResult.Epoch e = c.trace().epochs().get(p.epoch() - 1);
                picks.intColumn("seed").append(seed);
                picks.stringColumn("rule").append(p.rule());
                picks.intColumn("kept_epoch").append(p.epoch());
                appendEpoch(picks, e, measures);
            }
        }
        Agreement a = agreement(new ArrayList<>(cells.values()));
        List<Path> files = new ArrayList<>(TableFiles.write(curves, out, NAME + "_curves", provenance));
        files.addAll(TableFiles.write(picks, out, NAME + "_picks", provenance));
        for (String indicator : List.of(CorrelationAnalysis.CONSERVATION, CorrelationAnalysis.DSW)) {
            String m = indicator + "_spearman";
            if (!measures.contains(m)) continue;
            files.addAll(FigureFiles.save(chart(cells, m), out, NAME + "_" + indicator));
        }
        StringBuilder text = new StringBuilder();
        text.append(CAPTION).append(System.lineSeparator());
        for (CellResult c : cells.values()) {
            text.append("seed ").append(c.spec().seed()).append(":");
            for (CellResult.Pick p : c.trace().picks()) {
                CellResult.Epoch e = c.trace().epochs().get(p.epoch() - 1);
                text.append(String.format(Locale.ROOT, " %s epoch %d (λ %.3f, conservation ρ %.3f, DSW ρ %.3f);", p.rule(), p.epoch(),
                        e.lambda(), e.human().getOrDefault(CorrelationAnalysis.CONSERVATION + "_spearman", Double.NaN),
                        e.human().getOrDefault(CorrelationAnalysis.DSW + "_spearman", Double.NaN)));
            }
            text.append(System.lineSeparator());
        }
        text.append(a.sentence()).append(System.lineSeparator());
        Path txt = out.resolve(NAME + "_summary.txt");
        AtomicFiles.writeString(txt, text.toString());
        files.add(txt);
        return new Written(curves, picks, a, text.toString(), files);
    }

    /** The columns both tables share: λ, α, the selection figures and the human correlations of one epoch. */
    private static void appendEpoch(Table t, CellResult.Epoch e, List<String> measures) {
        t.doubleColumn("lambda").append(e.lambda());
        t.doubleColumn("alpha").append(e.alpha());
        t.doubleColumn("selection_logloss").append(e.selectionLogLoss());
        t.doubleColumn("selection_auc").append(e.selectionAuc());
        for (String m : measures) t.doubleColumn("human_" + m).append(e.human().getOrDefault(m, Double.NaN));
    }

    /** See {@link Agreement}; cells in seed order, each with a trace. */
    public static Agreement agreement(List<CellResult> cells) {
        SpearmansCorrelation rho = new SpearmansCorrelation();
        int same = 0;
        double within = 0;
        List<double[]> kept = new ArrayList<>();
        for (CellResult c : cells) {
            CellResult.Pick full = pick(c, "VAL_LOGLOSS"), early = pick(c, KeptEpochs.EARLY_STOP);
            if (full.epoch() == early.epoch()) same++;
            within += rho.correlation(full.humanScores(), early.humanScores());
            kept.add(full.humanScores());
        }
        double between = 0;
        int pairs = 0;
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                between += rho.correlation(kept.get(i), kept.get(j));
                pairs++;
            }
        }
        return new Agreement(cells.size(), same, within / cells.size(), pairs == 0 ? Double.NaN : between / pairs);
    }

    private static CellResult.Pick pick(CellResult c, String rule) {
        return c.trace().picks().stream().filter(p -> p.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cell " + c.spec().id() + " has no pick of " + rule));
    }

    private static org.knowm.xchart.XYChart chart(Map<String, CellResult> cells, String measure) {
        Map<String, HumanByEpoch.Points> lines = new LinkedHashMap<>();
        Map<String, List<Double>> kx = new LinkedHashMap<>(), ky = new LinkedHashMap<>();
        for (CellResult c : cells.values()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (CellResult.Epoch e : c.trace().epochs()) {
                x.add((double) e.epoch());
                y.add(e.human().getOrDefault(measure, Double.NaN));
            }
            lines.put(Long.toString(c.spec().seed()), HumanByEpoch.finite(x, y));
            for (CellResult.Pick p : c.trace().picks()) {
                kx.computeIfAbsent(p.rule(), k -> new ArrayList<>()).add((double) p.epoch());
                ky.computeIfAbsent(p.rule(), k -> new ArrayList<>()).add(c.trace().epochs().get(p.epoch() - 1).human().getOrDefault(measure, Double.NaN));
            }
        }
        Map<String, HumanByEpoch.Points> kept = new LinkedHashMap<>();
        for (String r : kx.keySet()) kept.put(r, HumanByEpoch.finite(kx.get(r), ky.get(r)));
        return HumanByEpoch.chart(measure.replace('_', ' '), lines, kept);
    }
}
