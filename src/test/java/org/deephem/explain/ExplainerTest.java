package org.deephem.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.data.Layout;
import org.deephem.features.InherentFeatures;
import org.deephem.features.Kmers;
import org.deephem.features.Mature;
import org.deephem.features.MtiPca;
import org.deephem.io.Delimited;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.io.Table;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.deephem.testutil.TestData;
import org.deephem.train.Trainer;
import org.deephem.train.TrainingRun;
import org.deephem.zoo.EnsembleZip;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.Scorer;
import org.deephem.zoo.TrainedModel;
import org.deephem.zoo.ZooModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Explanations of small networks trained for two epochs on the demo data: completeness within
 * the stated tolerance (with and without the MTI branch, from sequences and from a dataset
 * folder), features the model cannot read get exactly 0, the same inputs give the same numbers,
 * an ensemble's mean and range are its members', and the files say what the records say.
 */
class ExplainerTest {
    @TempDir
    static Path tmp;
    static DeepHemDataset demo;
    static TrainedModel withMti, withMti2, noMti;
    static ZooModel mtiZoo, noMtiZoo, ensembleZoo;
    static List<String> ids, seqs;
    static List<List<Mature>> matures;

    @BeforeAll
    static void trainSmallModels() {
        demo = DatasetReader.read(TestData.demo());
        MtiPca pca = MtiPca.read(TestData.demo().resolve(Layout.PCA_MODEL));
        ModelConfig sized = TrainingRun.sizedFor(ModelConfig.defaults().withTraining(2, 32, 32, 1e-3, 3), demo);
        ModelConfig small = sized.withSize(sized.maxLength(), 3, 16, 2, 1, 16);
        withMti = train(small, pca);
        withMti2 = train(small.withSeed(4), pca);
        noMti = train(small.withBranches(true, true, false), pca);
        mtiZoo = save("mti.zip", withMti);
        noMtiZoo = save("nomti.zip", noMti);
        Path ens = tmp.resolve("ens.zip");
        EnsembleZip.save(ens, List.of(new EnsembleZip.Member("a", withMti), new EnsembleZip.Member("b", withMti2)), Map.of());
        ensembleZoo = ZooModel.load(ens);
        // six human precursors, two with a mature inside (features 15-18 non-zero)
        ids = demo.target().ids().subList(0, 6);
        seqs = demo.target().sequences().subList(0, 6);
        matures = new ArrayList<>();
        for (int i = 0; i < 6; i++) matures.add(i < 2 ? List.of(new Mature("m" + i, seqs.get(i).substring(4, 26))) : List.of());
    }

    private static TrainedModel train(ModelConfig cfg, MtiPca pca) {
        Trainer.Result r = Trainer.train(cfg, demo, null);
        return new TrainedModel(r.graph(), cfg, r.inherentScaler(), r.mtiScaler(), pca, demo.inherentNames(), Map.of());
    }

    private static ZooModel save(String name, TrainedModel m) {
        Path zip = tmp.resolve(name);
        ModelZip.save(zip, m);
        return ZooModel.load(zip);
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    /** Completeness: Σ attributions = logit − baseline logit − residual, |residual| within the tolerance. */
    private static void assertComplete(List<Explanation> ex, String what) {
        double worst = 0, worstShare = 0;
        for (Explanation e : ex) {
            double gap = e.sequenceTotal() + e.featureTotal() - (e.logit() - e.baselineLogit());
            assertEquals(gap, e.residual(), 1e-9, "the residual is the gap of the numbers reported");
            double tol = IntegratedGradients.tolerance(e.logit() - e.baselineLogit());
            assertTrue(Math.abs(e.residual()) <= tol, what + " " + e.id() + ": residual " + e.residual() + " > " + tol);
            assertTrue(e.withinTolerance());
            worst = Math.max(worst, Math.abs(e.residual()));
            worstShare = Math.max(worstShare, Math.abs(e.residual()) / Math.abs(e.logit() - e.baselineLogit()));
        }
        System.out.printf(Locale.ROOT, "%s: %d precursors, worst |residual| %.3g (%.3g of |logit - baseline|)%n", what, ex.size(), worst, worstShare);
    }

    @Test
    void sequencesWithMtiAreExplainedWithinTheTolerance() {
        Map<String, Set<String>> targets = demo.humanTargets();
        List<Explanation> ex = Explainer.explain(mtiZoo, ids, seqs, matures, targets, Explainer.DEFAULT_STEPS);
        assertComplete(ex, "MTI model, sequences");
        double[] scored = new Scorer(mtiZoo.models().get(0)).logitsOfSequences(ids, seqs, matures, targets);
        List<String> names = new ArrayList<>(InherentFeatures.NAMES);
        for (int i = 1; i <= withMti.config().mtiDim(); i++) names.add("mti_pc" + i);
        boolean mtiMatters = false;
        for (int r = 0; r < ex.size(); r++) {
            Explanation e = ex.get(r);
            assertEquals(ids.get(r), e.id());
            assertEquals(scored[r], e.logit(), 1e-5, "the explained logit is the scored one");
            assertEquals(seqs.get(r).length(), e.nucleotide().length);
            assertEquals(names, e.features().stream().map(Explanation.Feature::name).toList());
            assertArrayEquals(e.nucleotide(), e.nucleotideLow(), 0.0, "one model: the range is the value");
            assertArrayEquals(e.nucleotide(), e.nucleotideHigh(), 0.0);
            for (Explanation.Feature f : e.features()) {
                assertEquals(f.attribution(), f.low(), 0.0);
                assertEquals(f.attribution(), f.high(), 0.0);
                if (f.name().startsWith("mti_") && f.attribution() != 0) mtiMatters = true;
            }
            assertEquals(1, e.members());
            // a sequence branch that reads something: not every nucleotide gets 0
            assertTrue(Arrays.stream(e.nucleotide()).anyMatch(v -> Math.abs(v) > 1e-6));
        }
        assertTrue(mtiMatters, "MTI components are attributed");
        // values are the features as computed, before standardisation: the length is the length
        assertEquals(seqs.get(0).length(), ex.get(0).features().get(0).value(), 0.0);
        assertEquals(1.0, ex.get(0).features().get(InherentFeatures.NAMES.indexOf("mature_count")).value(), 0.0);
    }

    @Test
    void sequencesWithoutMtiAreExplainedWithinTheTolerance() {
        List<Explanation> ex = Explainer.explain(noMtiZoo, ids, seqs, matures, null, 16);
        assertComplete(ex, "no-MTI model, sequences, 16 initial steps");
        assertEquals(InherentFeatures.NAMES, ex.get(0).features().stream().map(Explanation.Feature::name).toList());
        double[] scored = new Scorer(noMtiZoo.models().get(0)).logitsOfSequences(ids, seqs, matures, null);
        for (int r = 0; r < ex.size(); r++) assertEquals(scored[r], ex.get(r).logit(), 1e-5);
    }

    /** The --data path: a dataset folder's domain (here its first five human rows), as score --data reads it. */
    @Test
    void aDatasetDomainIsExplainedAsItIsScored() {
        Domain t = demo.target();
        int n = 5;
        Domain few = new Domain(t.name(), t.ids().subList(0, n), t.sequences().subList(0, n),
                Arrays.copyOf(t.inherent(), n), Arrays.copyOf(t.mtiPca(), n));
        DeepHemDataset ds = new DeepHemDataset(demo.folder(), demo.source(), demo.labels(), demo.unlabelledMouse(), few,
                demo.inherentNames(), demo.pcaNames(), demo.mouseTargets(), demo.humanTargets(), demo.conservation(), demo.dsw());
        List<Explanation> ex = Explainer.explain(mtiZoo, ds, "human", Explainer.DEFAULT_STEPS);
        assertComplete(ex, "MTI model, dataset folder");
        double[][] scored = mtiZoo.logitsOfFolder(ds, "human");
        for (int r = 0; r < n; r++) {
            assertEquals(scored[0][r], ex.get(r).logit(), 1e-5);
            for (int j = 0; j < InherentFeatures.COUNT; j++) assertEquals(few.inherent()[r][j], ex.get(r).features().get(j).value(), 0.0);
        }
        // only the rows asked for, in the order asked, each as the whole domain's explanation of it
        List<Explanation> some = Explainer.explain(mtiZoo, ds, "human", Explainer.DEFAULT_STEPS, new int[] {3, 1});
        assertEquals(List.of(few.ids().get(3), few.ids().get(1)), some.stream().map(Explanation::id).toList());
        for (int i = 0; i < 2; i++) {
            Explanation all = ex.get(new int[] {3, 1}[i]), one = some.get(i);
            assertArrayEquals(all.nucleotide(), one.nucleotide(), 0.0);
            assertEquals(all.features(), one.features());
        }
    }

    /**
     * A feature the model cannot read: with the first-layer weights of inherent feature c_fraction
     * and the embedding row of the 3-mer GGG set to 0, ∂logit/∂(that input) is exactly 0 on the
     * whole path, so its attribution must be exactly 0, while the others are not.
     */
    @Test
    void whatTheModelDoesNotReadGetsZero() {
        TrainedModel m = noMti;
        org.nd4j.autodiff.samediff.SameDiff g = m.graph().dup();
        int j = InherentFeatures.NAMES.indexOf("c_fraction");
        g.getVariable("inh_1_w").getArr().getRow(j).assign(0);
        int ggg = Kmers.words().indexOf("GGG") + 2;
        g.getVariable("embedding").getArr().getRow(ggg).assign(0);
        assertTrue(m.graph().getVariable("inh_1_w").getArr().getRow(j).norm1Number().doubleValue() > 0, "the copy's weights are its own");
        assertTrue(m.graph().getVariable("embedding").getArr().getRow(ggg).norm1Number().doubleValue() > 0);
        TrainedModel blind = new TrainedModel(g, m.config(), m.inherentScaler(), m.mtiScaler(), m.pca(), m.inherentNames(), m.provenance());

        Scorer.Prepared p = new Scorer(blind).prepareSequences(ids, seqs, matures, null);
        IntegratedGradients ig = new IntegratedGradients(g, m.config(), Quadrature.Rule.GAUSS_LEGENDRE);
        int withGgg = 0;
        for (int r = 0; r < ids.size(); r++) {
            IntegratedGradients.Attribution a = ig.explain(p.inputs(), r, 32);
            assertEquals(0.0, a.inherent()[j], 0.0, "c_fraction is not read");
            assertTrue(Arrays.stream(a.inherent()).filter(v -> Math.abs(v) > 1e-6).count() > 5, "other features are");
            boolean seen = false;
            for (int c = ggg; c < a.tokenCells().length; c += Kmers.VOCABULARY) {
                assertEquals(0.0, a.tokenCells()[c], 0.0, "GGG is not read");
                seen |= a.tokenCells()[c] == 0.0 && seqs.get(r).contains("GGG");
            }
            if (seen) withGgg++;
        }
        assertTrue(withGgg > 0, "some precursor holds a GGG, so the check could fail");
        // through the public API: the feature's row says 0 too
        ZooModel z = new ZooModel(tmp.resolve("blind.zip"), List.of(new EnsembleZip.Member("blind", blind)), false, Map.of());
        for (Explanation e : Explainer.explain(z, ids, seqs, matures, null, 32)) assertEquals(0.0, e.features().get(j).attribution(), 0.0);
    }

    /** A feature exactly at its baseline (the training mean) moves nothing along the path: attribution 0. */
    @Test
    void aFeatureAtItsBaselineGetsZero() {
        TrainedModel m = noMti;
        Scorer.Prepared p = new Scorer(m).prepareSequences(ids, seqs, matures, null);
        double[][] inh = new double[p.inherent().length][];
        int j = InherentFeatures.NAMES.indexOf("mfe");
        for (int r = 0; r < inh.length; r++) {
            inh[r] = p.inherent()[r].clone();
            inh[r][j] = m.inherentScaler().mean()[j];
        }
        ModelInputs in = new Scorer(m).inputs(seqs, inh, null);
        IntegratedGradients.Attribution a = new IntegratedGradients(m.graph(), m.config(), Quadrature.Rule.GAUSS_LEGENDRE).explain(in, 0, 16);
        assertEquals(0.0, a.inherent()[j], 0.0);
        assertTrue(Math.abs(a.inherent()[j == 0 ? 1 : 0]) > 0);
    }

    @Test
    void theSameInputsGiveTheSameNumbersAndScoringIsUnchanged() {
        double[] before = new Scorer(mtiZoo.models().get(0)).logitsOfSequences(ids, seqs, matures, demo.humanTargets());
        List<Explanation> a = Explainer.explain(mtiZoo, ids.subList(0, 3), seqs.subList(0, 3), matures.subList(0, 3), demo.humanTargets(), 32);
        List<Explanation> b = Explainer.explain(mtiZoo, ids.subList(0, 3), seqs.subList(0, 3), matures.subList(0, 3), demo.humanTargets(), 32);
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(a.get(r).nucleotide(), b.get(r).nucleotide(), 0.0);
            assertEquals(a.get(r).features(), b.get(r).features());
            assertEquals(a.get(r).residual(), b.get(r).residual(), 0.0);
            assertEquals(a.get(r).logit(), b.get(r).logit(), 0.0);
        }
        assertArrayEquals(before, new Scorer(mtiZoo.models().get(0)).logitsOfSequences(ids, seqs, matures, demo.humanTargets()), 0.0,
                "explaining leaves the model's scores as they were");
    }

    /** An ensemble's numbers are its members' mean, minimum and maximum; its residual is the mean of theirs. */
    @Test
    void anEnsembleGivesItsMembersMeanAndRange() {
        List<String> i3 = ids.subList(0, 3), s3 = seqs.subList(0, 3);
        List<List<Mature>> m3 = matures.subList(0, 3);
        Map<String, Set<String>> tg = demo.humanTargets();
        List<Explanation> ens = Explainer.explain(ensembleZoo, i3, s3, m3, tg, 32);
        List<Explanation> a = Explainer.explain(new ZooModel(tmp.resolve("a"), List.of(ensembleZoo.members().get(0)), false, Map.of()), i3, s3, m3, tg, 32);
        List<Explanation> b = Explainer.explain(new ZooModel(tmp.resolve("b"), List.of(ensembleZoo.members().get(1)), false, Map.of()), i3, s3, m3, tg, 32);
        assertComplete(ens, "ensemble of 2");
        boolean spread = false;
        for (int r = 0; r < 3; r++) {
            Explanation e = ens.get(r), x = a.get(r), y = b.get(r);
            assertEquals(2, e.members());
            assertEquals((x.logit() + y.logit()) / 2, e.logit(), 1e-12);
            assertEquals((x.residual() + y.residual()) / 2, e.residual(), 1e-12);
            for (int i = 0; i < e.nucleotide().length; i++) {
                assertEquals((x.nucleotide()[i] + y.nucleotide()[i]) / 2, e.nucleotide()[i], 1e-12);
                assertEquals(Math.min(x.nucleotide()[i], y.nucleotide()[i]), e.nucleotideLow()[i], 0.0);
                assertEquals(Math.max(x.nucleotide()[i], y.nucleotide()[i]), e.nucleotideHigh()[i], 0.0);
                spread |= e.nucleotideHigh()[i] > e.nucleotideLow()[i];
            }
            for (int j = 0; j < e.features().size(); j++) {
                Explanation.Feature f = e.features().get(j);
                double fx = x.features().get(j).attribution(), fy = y.features().get(j).attribution();
                assertEquals((fx + fy) / 2, f.attribution(), 1e-12);
                assertEquals(Math.min(fx, fy), f.low(), 0.0);
                assertEquals(Math.max(fx, fy), f.high(), 0.0);
                assertEquals(x.features().get(j).value(), f.value(), 0.0);
            }
        }
        assertTrue(spread, "two seeds disagree somewhere");
    }

    @Test
    void filesHoldOneRowPerNucleotideAndFeatureAndAddUpWithTheirProvenance() throws Exception {
        List<Explanation> ex = Explainer.explain(ensembleZoo, ids.subList(0, 3), seqs.subList(0, 3), matures.subList(0, 3), demo.humanTargets(), 16);
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path nuc = dir.resolve("nucleotides.csv"), feat = dir.resolve("features.csv");
        ExplanationFiles.write(nuc, feat, ex, ensembleZoo);
        Table tn = Delimited.read(nuc), tf = Delimited.read(feat);
        assertEquals(ExplanationFiles.NUCLEOTIDE_COLUMNS, tn.header());
        assertEquals(ExplanationFiles.FEATURE_COLUMNS, tf.header());
        assertEquals(ex.stream().mapToInt(e -> e.sequence().length()).sum(), tn.rowCount());
        assertEquals(ex.stream().mapToInt(e -> e.features().size()).sum(), tf.rowCount());
        assertEquals("1", tn.text(0, 1));
        assertEquals(String.valueOf(ex.get(0).sequence().charAt(0)), tn.text(0, 2));
        Map<String, Double> total = new HashMap<>();
        for (Table t : List.of(tn, tf)) {
            for (int r = 0; r < t.rowCount(); r++) {
                total.merge(t.text(r, 0), t.number(r, 3), Double::sum);
                assertTrue(t.number(r, 4) <= t.number(r, 3) && t.number(r, 3) <= t.number(r, 5), "low <= mean <= high");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = Json.readFile(feat.resolveSibling("features.csv.provenance.json"), Map.class);
        assertTrue(Files.isRegularFile(nuc.resolveSibling("nucleotides.csv.provenance.json")));
        assertEquals(2, prov.get("members"));
        assertEquals(0, prov.get("outside_tolerance"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) prov.get("precursors");
        assertEquals(3, rows.size());
        for (Map<String, Object> row : rows) {
            double logit = ((Number) row.get("logit")).doubleValue(), base = ((Number) row.get("baseline_logit")).doubleValue();
            double residual = ((Number) row.get("residual")).doubleValue();
            assertEquals(logit - base + residual, total.get((String) row.get("id")), 1e-9, "the files add up to the logit's move plus the residual");
        }
        assertEquals(List.of("features.csv", "features.csv.provenance.json", "nucleotides.csv", "nucleotides.csv.provenance.json"), TestData.names(dir));
        InputError same = assertThrows(InputError.class, () -> ExplanationFiles.write(nuc, nuc, ex, ensembleZoo));
        assertTrue(same.getMessage().contains("two different files"));
    }

    @Test
    void topFeaturesAreTheLargestByAbsoluteAttribution() {
        Explanation e = Explainer.explain(noMtiZoo, ids.subList(0, 1), seqs.subList(0, 1), matures.subList(0, 1), null, 16).get(0);
        List<Explanation.Feature> top = Explainer.topFeatures(e, 3);
        assertEquals(3, top.size());
        double third = Math.abs(top.get(2).attribution());
        assertTrue(Math.abs(top.get(0).attribution()) >= Math.abs(top.get(1).attribution()) && Math.abs(top.get(1).attribution()) >= third);
        long larger = e.features().stream().filter(f -> Math.abs(f.attribution()) > third).count();
        assertTrue(larger <= 2, "no feature outside the top 3 is larger");
        assertEquals(e.features().size(), Explainer.topFeatures(e, 100).size());
        assertEquals(0, Explainer.topFeatures(e, 0).size());
    }

    @Test
    void badRequestsAreRefusedInPlainWords() {
        InputError steps = assertThrows(InputError.class, () -> Explainer.explain(noMtiZoo, ids, seqs, matures, null, 0));
        assertTrue(steps.getMessage().contains("steps"));
        String tooLong = "ACGU".repeat(100);
        InputError longOne = assertThrows(InputError.class,
                () -> Explainer.explain(noMtiZoo, List.of("long"), List.of(tooLong), List.of(List.of()), null, 8));
        assertTrue(longOne.getMessage().contains("'long' has 400 nt"), longOne.getMessage());
        for (InputError e : List.of(steps, longOne)) assertFalse(e.getMessage().matches(".*\\b[A-Z][a-z]+[A-Z][A-Za-z]+\\b.*"), "no class names: " + e.getMessage());
    }

    /** The token gradient is read where LogitGradients finds it: the check that it is the placeholder's own shape. */
    @Test
    void tokenGradientHasThePlaceholdersSize() {
        LogitGradients lg = new LogitGradients(noMti.graph(), noMti.config());
        ModelInputs in = new Scorer(noMti).inputsOfSequences(ids, seqs, matures, null);
        Map<String, INDArray> ph = in.features(new int[] {0, 1});
        LogitGradients.Result r = lg.run(ph);
        assertEquals(ph.get(org.deephem.model.DeepHemGraph.TOKENS).length(), r.gradients().get(org.deephem.model.DeepHemGraph.TOKENS).length);
    }
}
