package org.deephem.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Layout;
import org.deephem.features.Mature;
import org.deephem.features.MtiPca;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.deephem.train.Trainer;
import org.deephem.zoo.EnsembleZip;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.TrainedModel;
import org.deephem.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check: explaining 100 precursors of 60–180 nt with one model of the
 * default size (maxLength 180, width 32, one encoder block, MTI branch), trained one epoch on the
 * demo data. Run it on purpose: {@code mvn test -Dtest=ExplainTimingTest -Ddeephem.timing=true}.
 */
@EnabledIfSystemProperty(named = "deephem.timing", matches = "true")
class ExplainTimingTest {
    @Test
    void explainOneHundredRealSizePrecursors() {
        DeepHemDataset demo = DatasetReader.read(TestData.demo());
        ModelConfig cfg = ModelConfig.defaults().withTraining(1, 32, 32, 1e-3, 3).withMtiDim(demo.pcaNames().size());
        Trainer.Result r = Trainer.train(cfg, demo, null);
        TrainedModel m = new TrainedModel(r.graph(), cfg, r.inherentScaler(), r.mtiScaler(), MtiPca.read(TestData.demo().resolve(Layout.PCA_MODEL)),
                demo.inherentNames(), Map.of());
        ZooModel zm = new ZooModel(TestData.demo().resolve("timing.zip"), List.of(new EnsembleZip.Member("m", m)), false, Map.of());
        Random rnd = new Random(1);
        List<String> ids = new ArrayList<>(), seqs = new ArrayList<>();
        List<List<Mature>> mats = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            StringBuilder s = new StringBuilder();
            int len = 60 + rnd.nextInt(121);
            for (int j = 0; j < len; j++) s.append("ACGU".charAt(rnd.nextInt(4)));
            ids.add("p" + i);
            seqs.add(s.toString());
            mats.add(List.of());
        }
        Map<String, java.util.Set<String>> tg = demo.humanTargets();
        // warm-up (JIT, first graph copy) on 3 precursors
        Explainer.explain(zm, ids.subList(0, 3), seqs.subList(0, 3), mats.subList(0, 3), tg, Explainer.DEFAULT_STEPS);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        long w0 = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
        new Scorer(m).inherentOf(seqs, mats);
        long foldWall = System.nanoTime() - w0;

        w0 = System.nanoTime();
        new Scorer(m).logitsOfSequences(ids, seqs, mats, tg);
        long scoreWall = System.nanoTime() - w0;

        w0 = System.nanoTime();
        c0 = cpu.getCurrentThreadCpuTime();
        List<Explanation> ex = Explainer.explain(zm, ids, seqs, mats, tg, Explainer.DEFAULT_STEPS);
        long wall = System.nanoTime() - w0, thread = cpu.getCurrentThreadCpuTime() - c0;
        assertEquals(100, ex.size());
        double[] res = ex.stream().mapToDouble(e -> Math.abs(e.residual())).sorted().toArray();
        int[] steps = ex.stream().mapToInt(Explanation::steps).toArray();
        System.out.printf(Locale.ROOT, "explain 100 precursors (60-180 nt), one default-size model, %d initial steps: %.1f s wall, %.1f s this thread's CPU"
                        + " (folding alone %.1f s wall; scoring the same 100: %.2f s); load average %.1f%n",
                Explainer.DEFAULT_STEPS, wall / 1e9, thread / 1e9, foldWall / 1e9, scoreWall / 1e9,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "|residual|: median %.2e, 95th %.2e, max %.2e; within tolerance %d/100; steps used %s%n",
                res[50], res[94], res[99], ex.stream().filter(Explanation::withinTolerance).count(),
                Arrays.stream(steps).boxed().collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }
}
