package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.deephem.eval.Metrics;
import org.deephem.io.Json;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.Fusion;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.zoo.ConfigCodec;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/** --length-balance: the weights by hand, the weighted losses in closed form, and nothing changes while it is off. */
class LengthBalanceTest {
    // Worked by hand (E = essential, N = non-essential; bins of 10 nt, ⌊length / 10⌋):
    //   bin 7  (70–79):   E71                  → min(1, 0) = 0: E71 weighs 0
    //   bin 8  (80–89):   E80 E85 E89, N88     → min(3, 1) = 1: each E 1/3, N88 1/1
    //   bin 9  (90–99):   E95, N90             → min(1, 1) = 1: each 1
    //   bin 12 (120–129): N120 N125            → min(0, 2) = 0: both 0
    // Raw sum 3·1/3 + 1 + 1 + 1 = 4 over 9 rows: scaled by 9/4, E in bin 8 weigh 0.75, N88, E95, N90 2.25.
    // Weighted, each class has 2.25 in bin 8 and 2.25 in bin 9: the same length distribution.
    static final int[] Y = {1, 1, 1, 1, 0, 1, 0, 0, 0};
    static final int[] LEN = {71, 80, 85, 89, 88, 95, 90, 120, 125};
    static final double[] W = {0, 0.75, 0.75, 0.75, 2.25, 2.25, 2.25, 0, 0};

    @Test
    void weightsOfAHandWorkedExample() {
        assertArrayEquals(W, LengthBalance.weights(Y, LEN), 1e-15);
        assertEquals(9, java.util.Arrays.stream(LengthBalance.weights(Y, LEN)).sum(), 1e-12, "they sum to the number of rows");
        assertArrayEquals(new double[] {1, 1, 1, 1}, LengthBalance.weights(new int[] {1, 0, 0, 1}, new int[] {50, 51, 59, 58}), 0,
                "one bin, equal classes: every row weighs 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LengthBalance.weights(new int[] {1, 0}, new int[] {50, 60}));
        assertTrue(e.getMessage().startsWith("--length-balance:"), e.getMessage());
        // by labelled row index, over the usable rows only: the others weigh 0
        List<String> seqs = java.util.Arrays.stream(LEN).mapToObj("A"::repeat).toList();
        double[] byRow = LengthBalance.rowWeights(true, seqs, Y, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        assertArrayEquals(W, byRow, 1e-15);
        assertEquals(null, LengthBalance.rowWeights(false, seqs, Y, new int[] {0, 1}));
        assertEquals(null, LengthBalance.rowWeights(true, seqs, Y, new int[] {0, 7}), "no bin with both classes: undefined, every row weighs 1");
        double[] part = LengthBalance.rowWeights(true, seqs, Y, new int[] {5, 6});
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1, 1, 0, 0}, part, 0);
    }

    @Test
    void weightedSelectionLogLossByHand() {
        double[] p = {0.9, 0.2, 0.6};
        int[] y = {1, 0, 0};
        double want = (2 * -Math.log(0.9) + 1 * -Math.log(0.8) + 0 * -Math.log(0.4)) / 3;
        assertEquals(want, LengthBalance.logLoss(p, y, new double[] {2, 1, 0}), 1e-15);
        assertEquals(Metrics.logLoss(p, y), LengthBalance.logLoss(p, y, null), 0, "off: today's figure");
        assertEquals(Metrics.logLoss(p, y), LengthBalance.logLoss(p, y, new double[] {1, 1, 1}), 1e-15);
    }

    static final int[] LABELS = {1, 0, 1, 0, 1, 0, 1, 0};
    static final int[] SRC = {0, 1, 2, 3}, TGT = {0, 1, 2, 3};

    @Test
    void weightsOfOneGiveTodaysLossBitForBit() {
        ModelConfig cfg = GradientCheckTest.tiny(Fusion.CONCAT);
        ModelInputs in = GradientCheckTest.randomInputs(cfg, 5);
        SameDiff sd = DeepHemGraph.build(cfg);
        Map<String, INDArray> today = Trainer.batch(cfg, in, LABELS, SRC, TGT, 4, 0.3, 0.3);
        Map<String, INDArray> ones = Trainer.batch(cfg, in, LABELS, SRC, TGT, 4, 0.3, 0.3, new double[] {1, 1, 1, 1, 1, 1, 1, 1});
        assertEquals(today.get(DeepHemGraph.CLS_WEIGHT), ones.get(DeepHemGraph.CLS_WEIGHT));
        double a = sd.output(today, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
        double b = sd.output(ones, DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0);
        assertEquals(a, b, 0.0);
        // the same in float, the precision training runs in
        ModelConfig f = cfg.withDoublePrecision(false);
        ModelInputs fin = GradientCheckTest.randomInputs(f, 5);
        SameDiff fsd = DeepHemGraph.build(f);
        assertEquals(fsd.output(Trainer.batch(f, fin, LABELS, SRC, TGT, 4, 0.3, 0.3), DeepHemGraph.LOSS).get(DeepHemGraph.LOSS).getDouble(0),
                fsd.output(Trainer.batch(f, fin, LABELS, SRC, TGT, 4, 0.3, 0.3, new double[] {1, 1, 1, 1, 1, 1, 1, 1}), DeepHemGraph.LOSS)
                        .get(DeepHemGraph.LOSS).getDouble(0), 0.0);
    }

    @Test
    void weightedClassLossEqualsItsClosedForm() {
        ModelConfig cfg = GradientCheckTest.tiny(Fusion.CONCAT);
        ModelInputs in = GradientCheckTest.randomInputs(cfg, 5);
        SameDiff sd = DeepHemGraph.build(cfg);
        double[] w = {0.5, 2.0, 0.0, 1.25, 9, 9, 9, 9}; // rows 4..7 are not in the batch's source rows
        Map<String, INDArray> m = Trainer.batch(cfg, in, LABELS, SRC, TGT, 4, 0.3, 0.3, w);
        Map<String, INDArray> o = sd.output(m, DeepHemGraph.CLS_LOSS, DeepHemGraph.LOGIT);
        double num = 0, den = 0;
        for (int i = 0; i < SRC.length; i++) {
            double z = o.get(DeepHemGraph.LOGIT).getDouble(i, 0), p = 1 / (1 + Math.exp(-z));
            double bce = LABELS[SRC[i]] == 1 ? -Math.log(p) : -Math.log(1 - p); // cross-entropy by its definition
            num += w[SRC[i]] * bce;
            den += w[SRC[i]];
        }
        assertEquals(num / den, o.get(DeepHemGraph.CLS_LOSS).getDouble(0), 1e-12);
        double unweighted = sd.output(Trainer.batch(cfg, in, LABELS, SRC, TGT, 4, 0.3, 0.3), DeepHemGraph.CLS_LOSS)
                .get(DeepHemGraph.CLS_LOSS).getDouble(0);
        assertNotEquals(unweighted, o.get(DeepHemGraph.CLS_LOSS).getDouble(0), "the weights matter");
        // a batch whose rows all weigh 0 has no classification loss
        Map<String, INDArray> zero = Trainer.batch(cfg, in, LABELS, SRC, TGT, 4, 0.3, 0.3, new double[8]);
        assertEquals(0.0, sd.output(zero, DeepHemGraph.CLS_LOSS).get(DeepHemGraph.CLS_LOSS).getDouble(0), 0.0);
    }

    @Test
    void offIsLeftOutOfTheConfigMapSoHashesAndShippedConfigsDoNotChange() throws Exception {
        ModelConfig d = ModelConfig.defaults();
        assertFalse(d.lengthBalance());
        assertFalse(ConfigCodec.toMap(d).containsKey("lengthBalance"));
        assertEquals(true, ConfigCodec.toMap(d.withLengthBalance(true)).get("lengthBalance"));
        assertEquals(d.withLengthBalance(true), ConfigCodec.fromMap(ConfigCodec.toMap(d.withLengthBalance(true))));
        assertEquals(d, ConfigCodec.fromMap(ConfigCodec.toMap(d)));
        // shipped members' config.json read and write back byte for byte: the MTI default's (trained
        // before the option existed, so without it) and the no-MTI default's (round 2: with it on)
        String off = config("deephem-human.zip", "members/deephem-human-seed1.zip"), on = config("deephem-human-nomti.zip", "members/deephem-human-nomti-r2-seed1.zip");
        assertFalse(off.contains("lengthBalance"));
        assertTrue(on.contains("\"lengthBalance\" : true"), on);
        for (String json : List.of(off, on)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.mapper().readValue(json, Map.class);
            assertEquals(json, Json.write(ConfigCodec.toMap(ConfigCodec.fromMap(map))));
        }
        assertTrue(d.withLengthBalance(true).summary().contains("length-balanced"));
        assertFalse(d.summary().contains("length-balanced"));
    }

    private static String config(String shipped, String member) throws Exception {
        byte[] m = entry(Files.readAllBytes(Path.of("model-zoo", shipped)), member);
        return new String(entry(m, "config.json"), StandardCharsets.UTF_8);
    }

    private static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) if (e.getName().equals(name)) return z.readAllBytes();
        }
        throw new AssertionError(name + " not in the zip");
    }
}
