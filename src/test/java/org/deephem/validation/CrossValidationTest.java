package org.deephem.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.method.Method;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidationTest {
    static DeepHemDataset demo;

    @BeforeAll
    static void load() {
        demo = DatasetReader.read(TestData.demo());
    }

    /**
     * A single inherent feature, its sign learned from the training rows (mean of essential vs
     * non-essential); it remembers every row set it was fitted on.
     */
    static final class OneFeature implements Method {
        final int column;
        final List<int[]> seen = new ArrayList<>();

        OneFeature(int column) {
            this.column = column;
        }

        @Override
        public String name() {
            return "feature" + column;
        }

        @Override
        public Fitted fit(DeepHemDataset ds, int[] trainRows, long seed) {
            seen.add(trainRows.clone());
            double d = 0;
            for (int i : trainRows) d += (ds.labels()[i] == 1 ? 1 : -1) * ds.source().inherent()[i][column];
            double sign = d >= 0 ? 1 : -1;
            return (Domain dom) -> Arrays.stream(dom.inherent()).mapToDouble(r -> sign * r[column]).toArray();
        }
    }

    @Test
    void foldsAreStratifiedDisjointAndCoverEveryRowOncePerRepeat() {
        int[] labels = new int[23];
        for (int i = 0; i < 11; i++) labels[i * 2] = 1;
        List<Folds.Fold> f = Folds.stratified(labels, 5, 3, 9);
        assertEquals(15, f.size());
        for (int r = 1; r <= 3; r++) {
            int rr = r;
            int[] count = new int[labels.length];
            List<Folds.Fold> rep = f.stream().filter(x -> x.repeat() == rr).toList();
            int[] pos = rep.stream().mapToInt(x -> (int) Arrays.stream(x.test()).filter(i -> labels[i] == 1).count()).toArray();
            int[] size = rep.stream().mapToInt(x -> x.test().length).toArray();
            assertTrue(Arrays.stream(pos).max().getAsInt() - Arrays.stream(pos).min().getAsInt() <= 1, Arrays.toString(pos));
            assertTrue(Arrays.stream(size).max().getAsInt() - Arrays.stream(size).min().getAsInt() <= 1, Arrays.toString(size));
            for (Folds.Fold x : rep) {
                for (int i : x.test()) count[i]++;
                Set<Integer> tr = new HashSet<>();
                for (int i : x.train()) tr.add(i);
                for (int i : x.test()) assertFalse(tr.contains(i));
                assertEquals(labels.length, x.train().length + x.test().length);
            }
            for (int c : count) assertEquals(1, c);
        }
        assertFalse(Arrays.equals(f.get(0).test(), f.get(5).test()), "repeats reshuffle");
        assertEquals(f.get(7).fitSeed(), Folds.stratified(labels, 5, 3, 9).get(7).fitSeed());
        assertTrue(Arrays.equals(f.get(7).test(), Folds.stratified(labels, 5, 3, 9).get(7).test()), "seeded");
        assertThrows(IllegalArgumentException.class, () -> Folds.stratified(new int[] {1, 1, 0, 0, 0, 0}, 3, 1, 1),
                "3 folds need 3 rows of each class");
    }

    @Test
    void everyMethodIsFittedWithoutItsOuterFoldAndFiguresMatchItsPredictions(@TempDir Path tmp) throws java.io.IOException {
        OneFeature a = new OneFeature(0), b = new OneFeature(3);
        CrossValidation.Result r = CrossValidation.run(demo, List.of(a, b), new CrossValidation.Options(4, 2, 5), null);
        assertEquals(16, r.folds().size());
        List<Folds.Fold> folds = Folds.stratified(demo.labels(), 4, 2, 5);
        for (int k = 0; k < 8; k++) {
            assertTrue(Arrays.equals(folds.get(k).train(), a.seen.get(k)), "fitted on exactly the training folds");
            assertTrue(Arrays.equals(folds.get(k).train(), b.seen.get(k)), "same folds for every method");
        }
        // each row scored once per repeat and method
        Map<String, Integer> times = new HashMap<>();
        for (var p : r.predictions()) times.merge(p.method() + "/" + p.repeat() + "/" + p.id(), 1, Integer::sum);
        assertEquals(2 * 2 * demo.labels().length, times.size());
        assertTrue(times.values().stream().allMatch(v -> v == 1));
        // fold figures are those of the fold's predictions; the threshold is the training-fold median
        for (var f : r.folds()) {
            var ps = r.predictions().stream().filter(p -> p.method().equals(f.method()) && p.repeat() == f.repeat() && p.fold() == f.fold()).toList();
            double[] s = ps.stream().mapToDouble(CrossValidation.Prediction::score).toArray();
            int[] y = ps.stream().mapToInt(CrossValidation.Prediction::label).toArray();
            assertEquals(BinaryMetrics.auroc(s, y), f.auroc(), 1e-15);
            assertEquals(BinaryMetrics.averagePrecision(s, y), f.auprc(), 1e-15);
            assertEquals(BinaryMetrics.Confusion.at(s, y, f.threshold()).mcc(), f.mcc(), 1e-15);
            assertTrue(Double.isNaN(f.logLoss()), "no log-loss for unbounded scores");
            assertEquals("median of training-fold scores", f.thresholdRule());
        }
        List<CvSummary.Row> rows = CvSummary.rows(r.folds());
        CvSummary.Row auc = rows.stream().filter(x -> x.method().equals("feature0") && x.figure().equals("auroc")).findFirst().orElseThrow();
        double[] v = r.folds().stream().filter(x -> x.method().equals("feature0")).mapToDouble(CrossValidation.FoldResult::auroc).toArray();
        double mean = Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        assertEquals(8, auc.n());
        assertEquals(mean, auc.mean(), 1e-12);
        assertEquals(Math.sqrt(ss / 7), auc.sd(), 1e-12);
        assertEquals(0, rows.stream().filter(x -> x.figure().equals("logloss")).findFirst().orElseThrow().n());

        CvFiles.write(tmp, r, TestData.demo(), Map.of());
        for (String name : CvFiles.NAMES) assertTrue(Files.exists(tmp.resolve(name)), name);
        try (var s = Files.list(tmp)) {
            assertEquals(CvFiles.NAMES.size(), s.count(), "no temporary files left");
        }

        // read back: same options, folds and predictions (figures to the 6 decimals written)
        CrossValidation.Result back = CvFiles.read(tmp);
        assertEquals(r.options(), back.options());
        assertEquals(r.folds().size(), back.folds().size());
        for (int i = 0; i < r.folds().size(); i++) {
            var was = r.folds().get(i);
            var now = back.folds().get(i);
            assertEquals(was.method(), now.method());
            assertEquals(was.repeat() * 100 + was.fold(), now.repeat() * 100 + now.fold());
            assertEquals(was.nTest(), now.nTest());
            assertEquals(was.auroc(), now.auroc(), 1e-6);
            assertEquals(Double.isNaN(was.logLoss()), Double.isNaN(now.logLoss()), "NA stays undefined");
            assertEquals(was.mcc(), now.mcc(), 1e-6);
        }
        assertEquals(r.predictions().size(), back.predictions().size());
        assertEquals(r.predictions().get(3).id(), back.predictions().get(3).id());
        assertEquals(r.predictions().get(3).score(), back.predictions().get(3).score(), 1e-6);
        assertEquals(null, CvFiles.read(tmp.resolve("nowhere")), "no cross-validation there");
    }
}
