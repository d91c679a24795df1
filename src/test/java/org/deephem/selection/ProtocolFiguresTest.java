package org.deephem.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deephem.selection.ProtocolFigures.Candidate;
import org.deephem.selection.ProtocolFigures.Decision;
import org.junit.jupiter.api.Test;

/** Hand-worked examples of the protocol's figures and of its eligibility and pick rule. */
class ProtocolFiguresTest {
    static final double[] UP = {0.1, 0.2, 0.3, 0.4}, SWAP = {0.1, 0.2, 0.4, 0.3}, DOWN = {0.4, 0.3, 0.2, 0.1};
    /** The rule with 2 seeds allowed, so that every stability below is one hand-worked Spearman. */
    static final ProtocolFigures.Rule TWO_SEEDS = new ProtocolFigures.Rule(0.90, 0.02, 0.50, 0.01, 2);

    @Test
    void seedStabilityIsTheMeanPairwiseSpearman() {
        // ranks (1,2,3,4), (1,2,4,3), (4,3,2,1); rho = 1 − 6Σd²/(n(n²−1)) with n(n²−1) = 60:
        // Σd² = 2 → 0.8; Σd² = 20 → −1; Σd² = 18 → −0.8; mean −1/3
        assertEquals(0.8, ProtocolFigures.seedStability(new double[][] {UP, SWAP}), 1e-12);
        assertEquals(-1.0, ProtocolFigures.seedStability(new double[][] {UP, DOWN}), 1e-12);
        assertEquals(-0.8, ProtocolFigures.seedStability(new double[][] {SWAP, DOWN}), 1e-12);
        assertEquals(-1.0 / 3, ProtocolFigures.seedStability(new double[][] {UP, SWAP, DOWN}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ProtocolFigures.seedStability(new double[][] {UP}));
    }

    @Test
    void saturationCountsScoresOutsideTheClosedInterval() {
        assertEquals(0.4, ProtocolFigures.saturation(new double[] {0.005, 0.01, 0.5, 0.99, 0.995}), 1e-15);
        assertEquals(0.0, ProtocolFigures.saturation(UP));
        assertEquals(1.0, ProtocolFigures.saturation(new double[] {0.0, 1.0}));
    }

    @Test
    void figuresAreMeanAndSampleSdOverSeeds() {
        ProtocolFigures.Figures f = ProtocolFigures.figures(new Candidate("a", "no-MTI", new double[][] {{0.001, 0.5}, {0.5, 0.6}}, 2,
                new double[] {0.9, 1.0}, new double[] {0.2, 0.4}, new double[] {0.5, 0.6}, 10, false, false));
        assertEquals(0.95, f.cvAuroc().mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), f.cvAuroc().sd(), 1e-12); // ((0.05² + 0.05²) / 1)^½
        assertEquals(0.3, f.cvLogLoss().mean(), 1e-12);
        assertEquals(0.55, f.domainAccuracy().mean(), 1e-12);
        assertEquals(0.25, f.saturation().mean(), 1e-12); // seeds: 1/2 and 0/2
        assertEquals(1.0, f.seedStability(), 1e-12);
        assertEquals(2, f.seeds());
    }

    static Candidate cand(String name, String family, double[] auroc, double logLoss, double[] s1, double[] s2, long params) {
        return new Candidate(name, family, new double[][] {s1, s2}, 2, auroc, new double[] {logLoss, logLoss}, new double[] {0.5, 0.5},
                params, false, false);
    }

    static List<Candidate> noMti() {
        double[] sat = {0.001, 0.2, 0.995, 0.999};
        List<Candidate> c = new ArrayList<>();
        c.add(cand("A", "no-MTI", new double[] {0.95, 0.95}, 0.30, UP, SWAP, 100));        // eligible, stability 0.8, at the margin
        c.add(cand("B", "no-MTI", new double[] {0.96, 0.94}, 0.20, sat, sat, 100));        // stability 1 but 75 % saturated
        c.add(cand("C", "no-MTI", new double[] {0.92, 0.92}, 0.20, UP, UP, 100));          // ≥ 0.90 but > 0.02 below the best 0.97
        c.add(cand("D", "no-MTI", new double[] {0.97, 0.97}, 0.25, UP, SWAP, 100));        // eligible, stability 0.8, best AUROC
        c.add(cand("E", "no-MTI", new double[] {0.96, 0.96}, 0.50, UP, UP, 100));          // eligible, stability 1
        c.add(cand("F", "no-MTI", new double[] {0.85, 0.87}, 0.20, UP, UP, 100));          // below 0.90
        return c;
    }

    @Test
    void eligibilityFollowsTheThreeConditions() {
        Decision d = ProtocolFigures.pick(noMti(), TWO_SEEDS);
        Map<String, Boolean> eligible = new java.util.HashMap<>();
        for (var v : d.verdicts()) eligible.put(v.figures().name(), v.eligible());
        assertEquals(Map.of("A", true, "B", false, "C", false, "D", true, "E", true, "F", false), eligible);
        assertTrue(d.verdicts().get(1).reason().contains("saturation 75.0 %"), d.verdicts().get(1).reason());
        assertTrue(d.verdicts().get(2).reason().contains("more than 0.02 below the best 0.970"), d.verdicts().get(2).reason());
        assertTrue(d.verdicts().get(5).reason().contains("below 0.90"), d.verdicts().get(5).reason());
    }

    @Test
    void pickIsTheHighestSeedStabilityThenLogLossThenSimplicity() {
        assertEquals("E", ProtocolFigures.pick(noMti(), TWO_SEEDS).pick(), "stability 1 beats 0.8 despite a higher log-loss");
        List<Candidate> noE = new ArrayList<>(noMti());
        noE.removeIf(c -> c.name().equals("E"));
        Decision tie = ProtocolFigures.pick(noE, TWO_SEEDS);
        assertEquals("D", tie.pick(), "A and D tie at 0.8: D has the lower log-loss");
        assertTrue(tie.why().contains("lowest CV log-loss"), tie.why());
        List<Candidate> same = List.of(cand("big", "no-MTI", new double[] {0.95, 0.95}, 0.3, UP, SWAP, 500),
                cand("small", "no-MTI", new double[] {0.95, 0.95}, 0.3, UP, SWAP, 100),
                new Candidate("ensemble", "no-MTI", new double[][] {UP, SWAP}, 10, new double[] {0.95, 0.95}, new double[] {0.3, 0.3},
                        new double[] {0.5, 0.5}, 100, true, false));
        assertEquals("small", ProtocolFigures.pick(same, TWO_SEEDS).pick(), "equal log-loss: fewer parameters, then no ensemble");
        // within 0.01 is a tie: n = 10, one adjacent swap gives rho = 1 − 6·2/990; three seeds
        // (x, x, swapped) average (1 + 2·(1 − 12/990))/3 = 0.99192, 0.0081 below a candidate at 1
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}, swapped = x.clone();
        swapped[0] = 0.2;
        swapped[1] = 0.1;
        double[] three = {0.95, 0.95, 0.95}, loss = {0.3, 0.3, 0.3}, dom = {0.5, 0.5, 0.5};
        Candidate steady = new Candidate("steady", "no-MTI", new double[][] {x, x, x}, 3, three, new double[] {0.4, 0.4, 0.4}, dom, 1, false, false);
        Candidate close = new Candidate("close", "no-MTI", new double[][] {x, x, swapped}, 3, three, loss, dom, 1, false, false);
        assertEquals(1 - 8.0 / 990, ProtocolFigures.figures(close).seedStability(), 1e-12);
        assertEquals("close", ProtocolFigures.pick(List.of(steady, close), TWO_SEEDS).pick(), "a tie within 0.01 goes to the lower log-loss");
    }

    @Test
    void noEligibleCandidateKeepsTheDefaultAndFamiliesAreRuledSeparately() {
        Decision none = ProtocolFigures.pick(List.of(cand("F", "no-MTI", new double[] {0.85, 0.87}, 0.2, UP, UP, 1)), TWO_SEEDS);
        assertNull(none.pick());
        assertTrue(none.why().contains("default stays"), none.why());

        List<Candidate> all = new ArrayList<>(noMti());
        all.add(cand("M", "MTI", new double[] {0.99, 0.99}, 0.1, UP, UP, 100)); // would raise the no-MTI best AUROC to 0.99
        Map<String, Decision> byFamily = ProtocolFigures.pickByFamily(all, TWO_SEEDS);
        assertEquals(List.of("no-MTI", "MTI"), List.copyOf(byFamily.keySet()));
        assertEquals("E", byFamily.get("no-MTI").pick(), "the MTI twin's AUROC does not move the no-MTI margin");
        assertEquals("M", byFamily.get("MTI").pick());
        assertThrows(IllegalArgumentException.class, () -> ProtocolFigures.pick(all, TWO_SEEDS), "mixed families");
    }

    @Test
    void cvFiguresMayComeFromTheFoldsAndAnEnsembleFromTwoSeedGroups() {
        // amendment 1: one 5 x 2 CV per candidate, so 10 fold values beside 5 seeds' scores
        double[] folds = {0.90, 0.92, 0.94, 0.96, 0.98, 0.90, 0.92, 0.94, 0.96, 0.98};
        double[][] five = {UP, UP, SWAP, UP, UP};
        ProtocolFigures.Figures f = ProtocolFigures.figures(new Candidate("cv", "no-MTI", five, 5, folds, folds, new double[] {0.5, 0.5, 0.5, 0.5, 0.6},
                1, false, false));
        assertEquals(0.94, f.cvAuroc().mean(), 1e-12);
        assertEquals(10, f.cvAuroc().n());
        assertEquals((6 * 1.0 + 4 * 0.8) / 10, f.seedStability(), 1e-12); // 10 pairs: 4 with SWAP (0.8), 6 without (1)
        // candidate G: two disjoint 5-seed ensembles are the two replicates
        double[] e1 = ProtocolFigures.ensembleMean(new double[][] {{0.1, 0.5}, {0.3, 0.7}, {0.2, 0.6}, {0.4, 0.2}, {0.5, 0.5}});
        assertArrayEquals(new double[] {0.3, 0.5}, e1, 1e-12);
        Candidate g = new Candidate("G", "no-MTI", new double[][] {UP, SWAP}, 10, folds, folds, new double[10], 1, true, false);
        assertTrue(ProtocolFigures.pick(List.of(g), ProtocolFigures.PROTOCOL).verdicts().get(0).eligible(), "10 trainings behind 2 replicates");
    }

    @Test
    void theWrittenProtocolNeedsFiveSeedsAndRefusesCollapsedSeeds() {
        assertEquals(new ProtocolFigures.Rule(0.90, 0.02, 0.50, 0.01, 5), ProtocolFigures.PROTOCOL);
        Decision d = ProtocolFigures.pick(noMti(), ProtocolFigures.PROTOCOL);
        assertNull(d.pick(), "two seeds are not enough under the protocol");
        assertTrue(d.verdicts().get(0).reason().contains("2 seeds, fewer than 5"));
        double[] flat = {0.3, 0.3, 0.3, 0.3};
        Decision collapsed = ProtocolFigures.pick(List.of(cand("flat", "no-MTI", new double[] {0.95, 0.95}, 0.3, flat, UP, 1)), TWO_SEEDS);
        assertFalse(collapsed.verdicts().get(0).eligible());
        assertTrue(collapsed.verdicts().get(0).reason().contains("seed stability undefined"));
    }
}
