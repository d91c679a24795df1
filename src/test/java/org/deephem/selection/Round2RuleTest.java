package org.deephem.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deephem.experiment.Grid;
import org.deephem.model.ModelConfig;
import org.junit.jupiter.api.Test;

/** The round-2 rule of amendment 3 item 5 on hand-made figures, and the R0–R3 rows. */
class Round2RuleTest {
    static final double[] UP = {0.1, 0.2, 0.3, 0.4}, SWAP = {0.1, 0.2, 0.4, 0.3}, DOWN = {0.4, 0.3, 0.2, 0.1};
    /** The rule with 2 seeds allowed, so that each stability is one hand-worked Spearman (UP/UP 1, UP/SWAP 0.8). */
    static final Round2Rule.Rule TWO_SEEDS = new Round2Rule.Rule(0.80, 0.50, 0.5, 0.02, 2);

    static Round2Rule.Candidate cand(String name, double auroc, double logLoss, double[] s2, double lm, double lo, double hi,
                                     boolean canonical, boolean weighted) {
        ProtocolFigures.Candidate base = new ProtocolFigures.Candidate(name, "no-MTI", new double[][] {UP, s2}, 2, new double[] {auroc, auroc},
                new double[] {logLoss, logLoss}, new double[] {0.5, 0.5}, 100, false, false);
        return new Round2Rule.Candidate(base, lm, lo, hi, canonical, weighted);
    }

    @Test
    void eligibilityReadsCvAurocSaturationAndTheLmInterval() {
        double[] saturated = {0.001, 0.002, 0.995, 0.5}; // 3 of 4 outside [0.01, 0.99]: mean saturation (0 + 0.75) / 2 = 37.5 %
        double[] worse = {0.001, 0.002, 0.995, 0.999};   // (0 + 1) / 2 = 50 %: still allowed (≤ 50 %)
        List<Round2Rule.Candidate> c = List.of(
                cand("r0", 0.95, 0.3, UP, 0.70, 0.62, 0.78, false, false),   // eligible
                cand("r1", 0.79, 0.3, UP, 0.90, 0.85, 0.95, true, false),    // CV AUROC below 0.80 (round 1's 0.90 is gone)
                cand("r2", 0.85, 0.3, UP, 0.60, 0.50, 0.70, false, true),    // interval touches 0.5: not above it
                cand("r3", 0.81, 0.3, saturated, 0.65, 0.55, 0.75, true, true));
        ProtocolFigures.Decision d = Round2Rule.pick(c, TWO_SEEDS);
        assertEquals(List.of(true, false, false, true), d.verdicts().stream().map(ProtocolFigures.Verdict::eligible).toList());
        assertTrue(d.verdicts().get(1).reason().contains("CV AUROC 0.790 below 0.80"), d.verdicts().get(1).reason());
        assertTrue(d.verdicts().get(2).reason().contains("interval [0.500, 0.700] not above 0.5"), d.verdicts().get(2).reason());
        assertEquals("r0", d.pick(), "the highest LM-AUROC among the eligible (0.70 > 0.65 + 0.02)");
        assertTrue(d.why().startsWith("highest length-matched AUROC (0.700"), d.why());
        // saturation exactly 50 % is allowed, above is not
        assertTrue(Round2Rule.pick(List.of(cand("x", 0.9, 0.3, worse, 0.7, 0.6, 0.8, false, false)), TWO_SEEDS).verdicts().get(0).eligible());
        ProtocolFigures.Candidate over = new ProtocolFigures.Candidate("y", "no-MTI", new double[][] {worse, new double[] {0.001, 0.002, 0.995, 0.999}}, 2,
                new double[] {0.9}, new double[] {0.3}, new double[] {0.5}, 1, false, false);
        ProtocolFigures.Verdict v = Round2Rule.pick(List.of(new Round2Rule.Candidate(over, 0.7, 0.6, 0.8, false, false)), TWO_SEEDS).verdicts().get(0);
        assertFalse(v.eligible());
        assertTrue(v.reason().contains("saturation 100.0 % above 50 %"), v.reason());
        // an undefined LM-AUROC (no matched pair) is not eligible; nor is a candidate with too few seeds under the protocol's 5
        assertTrue(Round2Rule.pick(List.of(cand("z", 0.9, 0.3, UP, Double.NaN, Double.NaN, Double.NaN, false, false)), TWO_SEEDS)
                .verdicts().get(0).reason().contains("length-matched AUROC undefined"));
        assertTrue(Round2Rule.pick(List.of(cand("z", 0.9, 0.3, UP, 0.7, 0.6, 0.8, false, false)), Round2Rule.PROTOCOL)
                .verdicts().get(0).reason().contains("2 seeds, fewer than 5"));
    }

    @Test
    void tiesGoToSeedStabilityThenLogLossThenTheSimplerRecipe() {
        // LM-AUROC 0.700 and 0.685 tie (within 0.02); 0.650 does not. Stability: r1 1.0 (UP, UP), r0 0.8 (UP, SWAP).
        List<Round2Rule.Candidate> c = List.of(
                cand("r0", 0.95, 0.20, SWAP, 0.700, 0.60, 0.80, false, false),
                cand("r1", 0.90, 0.40, UP, 0.685, 0.60, 0.80, true, false),
                cand("r2", 0.99, 0.10, UP, 0.650, 0.60, 0.80, false, true));
        ProtocolFigures.Decision d = Round2Rule.pick(c, TWO_SEEDS);
        assertEquals("r1", d.pick(), "the tie goes to the higher seed stability, though r0's LM-AUROC is higher");
        assertTrue(d.why().startsWith("2 eligible candidates within 0.02 of the highest length-matched AUROC 0.700"), d.why());
        // equal stability: the lower CV log-loss
        List<Round2Rule.Candidate> c2 = List.of(cand("a", 0.95, 0.30, UP, 0.70, 0.6, 0.8, false, false),
                cand("b", 0.95, 0.25, UP, 0.71, 0.6, 0.8, true, true));
        assertEquals("b", Round2Rule.pick(c2, TWO_SEEDS).pick());
        // all equal but the recipe: annotated before canonical, then unweighted before weighted
        List<Round2Rule.Candidate> c3 = new ArrayList<>(List.of(cand("r3", 0.9, 0.3, UP, 0.7, 0.6, 0.8, true, true),
                cand("r1", 0.9, 0.3, UP, 0.7, 0.6, 0.8, true, false), cand("r2", 0.9, 0.3, UP, 0.7, 0.6, 0.8, false, true)));
        assertEquals("r2", Round2Rule.pick(c3, TWO_SEEDS).pick());
        Collections.reverse(c3);
        assertEquals("r2", Round2Rule.pick(c3, TWO_SEEDS).pick(), "input order does not matter");
        c3.add(cand("r0", 0.9, 0.3, UP, 0.7, 0.6, 0.8, false, false));
        assertEquals("r0", Round2Rule.pick(c3, TWO_SEEDS).pick());
    }

    @Test
    void noEligibleCandidateKeepsRoundOnesPick() {
        ProtocolFigures.Decision d = Round2Rule.pick(List.of(cand("r0", 0.7, 0.3, UP, 0.7, 0.6, 0.8, false, false)), TWO_SEEDS);
        assertNull(d.pick());
        assertTrue(d.why().contains("stays round 1's pick"), d.why());
        Map<String, ProtocolFigures.Decision> by = Round2Rule.pickByFamily(List.of(cand("r0", 0.9, 0.3, UP, 0.7, 0.6, 0.8, false, false)), TWO_SEEDS);
        assertEquals("r0", by.get("no-MTI").pick());
    }

    @Test
    void roundTwoRowsBuildOnRoundOnesPicksNoMtiFirst() {
        ModelConfig a = ModelConfig.defaults(), c = ModelConfig.defaults().withSize(70, 3, 32, 2, 1, 32);
        Path canon = Path.of("canonical");
        List<Grid.Row> rows = Candidates.round2Rows(a, c, canon, List.of("R3", "r0", "R1", "R2"));
        assertEquals(List.of("r0-nomti", "r1-nomti", "r2-nomti", "r3-nomti", "r0-mti", "r1-mti", "r2-mti", "r3-mti"),
                rows.stream().map(Grid.Row::key).toList());
        ModelConfig d = Candidates.rows(a, List.of("D")).get(0).network(), b = Candidates.rows(a, List.of("B")).get(1).network();
        assertEquals(d, rows.get(0).network(), "R0 no-MTI is round 1's D cell for cell");
        assertEquals(b, rows.get(4).network(), "R0 with MTI is round 1's B");
        assertEquals(d.withLengthBalance(true), rows.get(2).network());
        assertEquals(Candidates.rows(c, List.of("D")).get(0).network(), rows.get(1).network(), "R1: D sized for the canonical windows");
        assertEquals(Candidates.rows(c, List.of("D")).get(0).network().withLengthBalance(true), rows.get(3).network());
        assertEquals(java.util.Arrays.asList(null, canon, null, canon, null, canon, null, canon), rows.stream().map(Grid.Row::data).toList());
        // the grid hashes each row's own folder into its cells and keeps the folder in grid.json
        Grid g = new Grid("candidates", rows, "r0-nomti", List.of(1L, 2L), 5, 1, true);
        var cells = g.cells("A", Map.of(canon, "C"));
        assertEquals("A", cells.get(0).dataSha256());
        assertEquals("C", cells.get(2).dataSha256());
        assertEquals(canon, g.cellData(Path.of("annotated")).get("r1-nomti-s2"));
        assertEquals(Path.of("annotated"), g.cellData(Path.of("annotated")).get("r0-mti-s1"));
        assertEquals(g, g.saved().toGrid());
        assertTrue(!org.deephem.io.Json.write(new Grid("x", Candidates.rows(a, List.of("A")), "a-nomti", List.of(1L), 0, 0).saved()).contains("\"data\""),
                "a grid without row folders saves as before");
    }
}
