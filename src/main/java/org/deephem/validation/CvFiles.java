package org.deephem.validation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Delimited;
import org.deephem.io.InputError;
import org.deephem.io.Table;
import org.deephem.io.Json;
import org.deephem.zoo.Provenance;

/**
 * Writes a cross-validation result: {@code cv_folds.csv} (one row per method × repeat × fold),
 * {@code cv_summary.csv} (mean, sd, n per method and figure), {@code cv_curves.csv} (pooled ROC
 * and PR points), {@code cv_predictions.csv} (every outer-fold score) and
 * {@code cv_provenance.json}. Each file is written atomically, and only once every fold is done.
 */
public final class CvFiles {
    private CvFiles() {}

    public static final List<String> NAMES = List.of("cv_folds.csv", "cv_summary.csv", "cv_curves.csv",
            "cv_predictions.csv", "cv_provenance.json");

    /**
     * @param methodSettings method name → what defines it (e.g. the network's config), for the provenance
     */
    public static void write(Path dir, CrossValidation.Result r, Path dataset, Map<String, Object> methodSettings) {
        StringBuilder f = new StringBuilder(Delimited.csvLine(List.of("method", "repeat", "fold", "n_train", "n_test",
                "n_test_essential", "auroc", "auprc", "logloss", "accuracy", "f1", "mcc", "threshold", "threshold_rule",
                "detail", "seconds")));
        for (var x : r.folds()) {
            f.append(Delimited.csvLine(List.of(x.method(), x.repeat(), x.fold(), x.nTrain(), x.nTest(), x.nTestEssential(),
                    num(x.auroc()), num(x.auprc()), num(x.logLoss()), num(x.accuracy()), num(x.f1()), num(x.mcc()),
                    num(x.threshold()), x.thresholdRule(), x.detail(), String.format(Locale.ROOT, "%.2f", x.seconds()))));
        }
        StringBuilder s = new StringBuilder(Delimited.csvLine(List.of("method", "figure", "mean", "sd", "n", "lm_auroc", "lm_auroc_lo", "lm_auroc_hi")));
        Map<String, LengthMatchedAuroc.Result> lm = LengthMatchedAuroc.byMethod(r.predictions());
        for (var x : CvSummary.rows(r.folds())) {
            LengthMatchedAuroc.Result m = lm.getOrDefault(x.method(), LengthMatchedAuroc.Result.NONE);
            s.append(Delimited.csvLine(List.of(x.method(), x.figure(), num(x.mean()), num(x.sd()), x.n(), num(m.value()), num(m.lo()), num(m.hi()))));
        }
        StringBuilder c = new StringBuilder(Delimited.csvLine(List.of("method", "curve", "x", "y")));
        for (var cv : CvSummary.pooledCurves(r.predictions())) {
            for (double[] p : cv.points()) c.append(Delimited.csvLine(List.of(cv.method(), cv.kind(), num(p[0]), num(p[1]))));
        }
        StringBuilder p = new StringBuilder(Delimited.csvLine(List.of("method", "repeat", "fold", "id", "label", "score", "annotated_length")));
        for (var x : r.predictions()) {
            p.append(Delimited.csvLine(List.of(x.method(), x.repeat(), x.fold(), x.id(), x.label(), num(x.score()),
                    x.annotatedLength() < 0 ? "NA" : Integer.toString(x.annotatedLength()))));
        }

        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("created", Instant.now().toString());
        prov.put("what", "nested mouse cross-validation: stratified k-fold x repeats of the labelled mouse rows; "
                + "each method fitted on the training folds only and scored on the outer fold");
        prov.put("folds", r.options().folds());
        prov.put("repeats", r.options().repeats());
        prov.put("seed", r.options().seed());
        prov.put("dataset", dataset == null ? null : org.deephem.io.RecordedPath.of(dataset, dir));
        prov.put("dataset_sha256", dataset == null ? Map.of() : Provenance.datasetHashes(dataset));
        prov.put("methods", methodSettings);
        prov.put("thresholds", "probabilities at 0.5; unbounded scores at the median of the method's training-fold scores");
        prov.put("summary_sd", "sd over folds x repeats (folds share training rows: a spread, not a standard error)");
        prov.put("pooled_curves", "all outer-fold predictions of a method pooled over folds and repeats");
        prov.put("lm_auroc", "length-matched AUROC (docs/SELECTION-PROTOCOL.md amendment 3 item 2): essential / non-essential pairs whose annotated "
                + "precursor lengths differ by at most " + LengthMatchedAuroc.K + " nt, directions balanced at each difference; on each repeat's pooled "
                + "outer-fold predictions, with a 95 % bootstrap interval (" + LengthMatchedAuroc.RESAMPLES + " resamples stratified by class, seed "
                + LengthMatchedAuroc.SEED + "); with several repeats the mean over repeats of the estimate and of each bound. "
                + "In cv_summary.csv the method's values stand on each of its rows");
        prov.put("environment", Provenance.environment());
        prov.put("total_seconds", r.seconds());

        AtomicFiles.writeString(dir.resolve("cv_folds.csv"), f.toString());
        AtomicFiles.writeString(dir.resolve("cv_summary.csv"), s.toString());
        AtomicFiles.writeString(dir.resolve("cv_curves.csv"), c.toString());
        AtomicFiles.writeString(dir.resolve("cv_predictions.csv"), p.toString());
        Json.writeFile(dir.resolve("cv_provenance.json"), prov);
    }

    /**
     * Reads back what {@link #write} wrote in {@code dir} (so that {@code report} can redraw the
     * cross-validation of an earlier {@code all}); null when {@code dir} holds no cv_folds.csv.
     * Pooled curves and the summary are recomputed from the folds and predictions.
     */
    public static CrossValidation.Result read(Path dir) {
        Path folds = dir.resolve("cv_folds.csv"), preds = dir.resolve("cv_predictions.csv"), prov = dir.resolve("cv_provenance.json");
        if (!java.nio.file.Files.exists(folds)) return null;
        for (Path p : List.of(preds, prov)) {
            if (!java.nio.file.Files.exists(p)) throw InputError.at(p, "missing, but " + folds.getFileName() + " is there: rerun cv or all");
        }
        Map<?, ?> meta = Json.readFile(prov, Map.class);
        CrossValidation.Options o = new CrossValidation.Options(intOf(meta, "folds", prov), intOf(meta, "repeats", prov),
                longOf(meta, "seed", prov));
        Table f = Delimited.read(folds);
        List<CrossValidation.FoldResult> fr = new java.util.ArrayList<>();
        for (int r = 0; r < f.rowCount(); r++) {
            fr.add(new CrossValidation.FoldResult(f.text(r, f.column("method")), (int) f.number(r, f.column("repeat")),
                    (int) f.number(r, f.column("fold")), (int) f.number(r, f.column("n_train")), (int) f.number(r, f.column("n_test")),
                    (int) f.number(r, f.column("n_test_essential")), na(f, r, "auroc"), na(f, r, "auprc"), na(f, r, "logloss"),
                    na(f, r, "accuracy"), na(f, r, "f1"), na(f, r, "mcc"), na(f, r, "threshold"), f.text(r, f.column("threshold_rule")),
                    f.text(r, f.column("detail")), f.number(r, f.column("seconds"))));
        }
        Table p = Delimited.read(preds);
        List<CrossValidation.Prediction> pr = new java.util.ArrayList<>();
        boolean lengths = p.header().contains("annotated_length"); // files written before the length-matched AUROC have none
        for (int r = 0; r < p.rowCount(); r++) {
            double len = lengths ? na(p, r, "annotated_length") : Double.NaN;
            pr.add(new CrossValidation.Prediction(p.text(r, p.column("method")), (int) p.number(r, p.column("repeat")),
                    (int) p.number(r, p.column("fold")), p.text(r, p.column("id")), (int) p.number(r, p.column("label")),
                    p.number(r, p.column("score")), Double.isNaN(len) ? -1 : (int) len));
        }
        double seconds = meta.get("total_seconds") instanceof Number n ? n.doubleValue() : Double.NaN;
        return new CrossValidation.Result(o, fr, pr, seconds);
    }

    /** "NA" is how {@link #num} writes an undefined figure (e.g. AUROC of a one-class fold). */
    private static double na(Table t, int r, String column) {
        int c = t.column(column);
        return t.text(r, c).equals("NA") ? Double.NaN : t.number(r, c);
    }

    private static int intOf(Map<?, ?> m, String key, Path file) {
        return (int) longOf(m, key, file);
    }

    private static long longOf(Map<?, ?> m, String key, Path file) {
        if (m.get(key) instanceof Number n) return n.longValue();
        throw InputError.at(file, "no number '" + key + "'");
    }

    /** Exactly (shortest round-trip decimal): report re-reads these files and must redraw the same tables. */
    private static String num(double v) {
        return Double.isNaN(v) ? "NA" : org.deephem.zoo.ScoresCsv.decimal(v);
    }
}
