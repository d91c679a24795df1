package org.deephem.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.Metrics;
import org.deephem.method.FitReport;
import org.deephem.method.Method;

/**
 * Nested cross-validation on the labelled mouse rows, for any {@link Method}: each method is
 * fitted on the training folds only (the network then holds out part of them to choose its
 * epoch: the inner level) and scores the outer fold, which it has never seen.
 *
 * <p>Thresholded figures (accuracy, F1, MCC): probabilistic methods at 0.5; methods with
 * unbounded scores at the median of their own scores on the training rows, which needs no
 * outer label and, with classes this balanced (85/88), is the natural "half called essential"
 * cut. Log-loss only for probabilistic methods.
 */
public final class CrossValidation {
    private CrossValidation() {}

    public record Options(int folds, int repeats, long seed) {
        public static Options defaults() {
            return new Options(5, 2, 42);
        }
    }

    /** One method's figures on one outer fold. */
    public record FoldResult(String method, int repeat, int fold, int nTrain, int nTest, int nTestEssential,
                             double auroc, double auprc, double logLoss, double accuracy, double f1, double mcc,
                             double threshold, String thresholdRule, String detail, double seconds) {}

    /**
     * A score of one outer-fold row, with the row's annotated precursor length (for the
     * length-matched AUROC; −1 when unknown, e.g. read from a file written before it).
     */
    public record Prediction(String method, int repeat, int fold, String id, int label, double score, int annotatedLength) {
        public Prediction(String method, int repeat, int fold, String id, int label, double score) {
            this(method, repeat, fold, id, label, score, -1);
        }
    }

    public record Result(Options options, List<FoldResult> folds, List<Prediction> predictions, double seconds) {}

    /** Runs every method on every fold; {@code progress} (may be null) hears each fold as it ends. */
    public static Result run(DeepHemDataset ds, List<Method> methods, Options o, Consumer<FoldResult> progress) {
        long t0 = System.nanoTime();
        int[] labels = ds.labels();
        int[] lengths = LengthMatchedAuroc.annotatedLengths(ds);
        List<Folds.Fold> folds = Folds.stratified(labels, o.folds(), o.repeats(), o.seed());
        List<FoldResult> results = new ArrayList<>();
        List<Prediction> preds = new ArrayList<>();
        for (Method m : methods) {
            for (Folds.Fold f : folds) {
                long f0 = System.nanoTime();
                Method.Fitted fitted = m.fit(ds, f.train(), f.fitSeed());
                double[] all = fitted.score(ds.source());
                if (all.length != labels.length) throw new IllegalStateException(m.name() + " returned " + all.length + " scores for " + labels.length + " rows");
                double[] test = pick(all, f.test());
                int[] y = pick(labels, f.test());
                for (double v : test) if (!Double.isFinite(v)) throw new IllegalStateException(m.name() + " returned a non-finite score");
                boolean prob = m.scoresAreProbabilities();
                double threshold = prob ? 0.5 : median(pick(all, f.train()));
                BinaryMetrics.Confusion c = BinaryMetrics.Confusion.at(test, y, threshold);
                int nEss = (int) java.util.Arrays.stream(y).filter(v -> v == 1).count();
                FoldResult r = new FoldResult(m.name(), f.repeat(), f.fold(), f.train().length, f.test().length, nEss,
                        BinaryMetrics.auroc(test, y), BinaryMetrics.averagePrecision(test, y),
                        prob ? Metrics.logLoss(test, y) : Double.NaN, c.accuracy(), c.f1(), c.mcc(), threshold,
                        prob ? "0.5 (probability)" : "median of training-fold scores", detail(fitted),
                        (System.nanoTime() - f0) / 1e9);
                results.add(r);
                for (int i = 0; i < f.test().length; i++) {
                    preds.add(new Prediction(m.name(), f.repeat(), f.fold(), ds.source().ids().get(f.test()[i]), y[i], test[i],
                            lengths[f.test()[i]]));
                }
                if (progress != null) progress.accept(r);
            }
        }
        return new Result(o, results, preds, (System.nanoTime() - t0) / 1e9);
    }

    /** What the network chose inside the fold (epoch), empty for other methods. */
    private static String detail(Method.Fitted f) {
        return f.fitReport().kept().map(FitReport.Kept::describe).orElse("");
    }

    static double median(double[] x) {
        return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(x);
    }

    private static double[] pick(double[] a, int[] idx) {
        double[] r = new double[idx.length];
        for (int i = 0; i < idx.length; i++) r[i] = a[idx[i]];
        return r;
    }

    private static int[] pick(int[] a, int[] idx) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) r[i] = a[idx[i]];
        return r;
    }
}
