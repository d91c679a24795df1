package org.deephem.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.eval.Metrics;
import org.deephem.experiment.CellResult;
import org.deephem.experiment.CellSpec;
import org.deephem.experiment.Grid;
import org.deephem.model.ModelConfig;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The candidate recipes as configs, cells turned into protocol candidates, G, and the human table (by hand). */
class CandidateStudyTest {
    private static final List<Long> SEEDS = List.of(1L, 2L);

    @Test
    void recipesAreTheProtocolsEditsAndComeInBothTwins() {
        ModelConfig base = ModelConfig.defaults();
        List<Grid.Row> rows = Candidates.rows(base, List.of("a", "B", "F", "E"));
        assertEquals(List.of("a-nomti", "b-nomti", "e-nomti", "f-nomti", "a-mti", "b-mti", "e-mti", "f-mti"), rows.stream().map(Grid.Row::key).toList(),
                "protocol order, no-MTI family first, whatever order the letters came in");
        ModelConfig aNo = rows.get(0).network(), b = rows.get(5).network(), f = rows.get(3).network(), e = rows.get(2).network();
        assertFalse(aNo.useMti());
        assertTrue(aNo.useSequence() && aNo.useInherent());
        assertEquals(base, rows.get(4).network(), "A with MTI is today's default, unchanged");
        assertTrue(b.useMti());
        assertEquals(0.3, b.featureDropout());
        assertEquals(0.3, b.encoderDropout());
        assertEquals(0.3, b.headDropout());
        assertEquals(0.1, b.tokenDropout());
        assertEquals(0.1, b.labelSmoothing());
        assertEquals(1e-3, b.l2());
        assertEquals(0, b.branchDropout(), "whole-branch dropout is not part of B");
        assertEquals(16, f.width());
        assertEquals(16, f.hidden());
        assertEquals(0.3, f.featureDropout(), "F is B made smaller");
        assertTrue(e.unlabelledMouseTarget());
        assertEquals(10, Candidates.rows(base, List.of("C")).get(0).network().rampEpochs());
        assertEquals(1.0, Candidates.rows(base, List.of("D")).get(0).network().lengthAdvWeight());
        assertNull(Candidates.recipe("G"), "G is made from the pick, not a config");
    }

    @Test
    void onlyTheFirstSeedRunsTheCvWhenAsked() {
        Grid g = new Grid("candidates", Candidates.rows(ModelConfig.defaults(), List.of("A")), "a-nomti", List.of(1L, 2L, 3L), 5, 2, true);
        List<CellSpec> cells = g.cells("d");
        assertEquals(6, cells.size());
        assertEquals(List.of(5, 0, 0, 5, 0, 0), cells.stream().map(CellSpec::cvFolds).toList());
        assertEquals(List.of(2, 0, 0, 2, 0, 0), cells.stream().map(CellSpec::cvRepeats).toList());
        assertEquals(g, g.saved().toGrid(), "grid.json keeps the flag");
    }

    private static CellResult cell(String key, long seed, double[] human, double[] cvAuroc, double[] cvLogLoss, double domainAcc) {
        CellSpec s = new CellSpec("candidates", Grid.cellId(key, seed), key, null, seed, cvAuroc == null ? 0 : 2, 1, "d");
        CellResult.Cv cv = cvAuroc == null ? null : new CellResult.Cv(2, 1, cvAuroc, cvAuroc, cvLogLoss);
        CellResult.Trace trace = new CellResult.Trace(List.of(new CellResult.Epoch(1, 0, 0, 0.5, 0.9, 0.2, Map.of(), 0.99),
                new CellResult.Epoch(2, 0, 0, 0.4, 0.9, 0.2, Map.of(), domainAcc)), List.of());
        return new CellResult(s, s.sha256(), List.of("h1", "h2", "h3", "h4"), human, List.of(), cv, 2, 2, Map.of(), 1.0, trace);
    }

    @Test
    void cellsBecomeCandidatesWithTheFirstSeedsCvAndTheKeptEpochsDomainAccuracy() {
        List<Grid.Row> rows = List.of(new Grid.Row(Candidates.NO_MTI, "A", "a-nomti", "A no-MTI", ModelConfig.defaults()),
                new Grid.Row(Candidates.NO_MTI, "B", "b-nomti", "B no-MTI", ModelConfig.defaults().withLabelSmoothing(0.1)));
        Grid g = new Grid("candidates", rows, "a-nomti", SEEDS, 2, 1, true);
        Map<String, CellResult> res = new LinkedHashMap<>();
        res.put("a-nomti-s1", cell("a-nomti", 1, new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {0.9, 0.95}, new double[] {0.3, 0.2}, 0.6));
        res.put("a-nomti-s2", cell("a-nomti", 2, new double[] {0.4, 0.3, 0.2, 0.1}, null, null, 0.4));
        res.put("b-nomti-s1", cell("b-nomti", 1, new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {0.9, 0.9}, new double[] {0.3, 0.3}, 0.5));
        List<String> notRun = new ArrayList<>();
        List<ProtocolFigures.Candidate> c = CandidateStudy.candidates(g, res, cfg -> cfg.labelSmoothing() > 0 ? 7 : 5, notRun);
        assertEquals(List.of("b-nomti"), notRun, "a candidate with a missing seed is not run, never ruled on with fewer seeds");
        assertEquals(1, c.size());
        ProtocolFigures.Candidate a = c.get(0);
        assertEquals(2, a.seeds());
        assertArrayEquals(new double[] {0.9, 0.95}, a.cvAuroc());
        assertArrayEquals(new double[] {0.3, 0.2}, a.cvLogLoss());
        assertArrayEquals(new double[] {0.6, 0.4}, a.domainAccuracy(), 0, "the kept epoch's (2), not the first's");
        assertEquals(5, a.parameters());
        assertEquals(-1.0, ProtocolFigures.figures(a).seedStability(), 1e-12, "seed 2 reverses seed 1's ranking");

        Map<String, CellResult> more = new LinkedHashMap<>();
        more.put("a-nomti-s3", cell("a-nomti", 3, new double[] {0.3, 0.3, 0.3, 0.5}, null, null, 0.5));
        more.put("a-nomti-s4", cell("a-nomti", 4, new double[] {0.1, 0.3, 0.5, 0.7}, null, null, 0.5));
        ProtocolFigures.Candidate ens = CandidateStudy.ensemble(a, List.of(3L, 4L), more);
        assertEquals("g-nomti", ens.name());
        assertTrue(ens.ensemble());
        assertEquals(4, ens.seeds());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, ens.humanScores()[0], 1e-12, "mean of seeds 1 and 2");
        assertArrayEquals(new double[] {0.2, 0.3, 0.4, 0.6}, ens.humanScores()[1], 1e-12, "mean of seeds 3 and 4");
        assertArrayEquals(a.cvAuroc(), ens.cvAuroc(), "the pick's CV");
        assertThrows(IllegalArgumentException.class, () -> CandidateStudy.ensemble(a, List.of(3L, 9L), more), "a missing ensemble seed is refused");
    }

    @Test
    void humanTableGivesMeanAndSdOfEachCorrelationOverReplicates() {
        double[] cons = {1, 2, 3, 4};
        double[][] scores = {{0.1, 0.2, 0.3, 0.4}, {0.1, 0.3, 0.2, 0.4}};
        CandidateStudy.Row baseline = new CandidateStudy.Row("baseline", "mature_count", "baseline", "-", null, false, scores);
        Table t = CandidateStudy.humanTable(List.of(baseline), Map.of("conservation", cons), 1);
        assertEquals(1, t.rowCount());
        double s1 = Metrics.spearman(scores[0], cons), s2 = Metrics.spearman(scores[1], cons);
        assertEquals(1.0, s1, 1e-12);
        assertEquals(0.8, s2, 1e-12, "one swap of neighbours among 4: 1 - 6*2/(4*15)");
        assertEquals(0.9, t.doubleColumn("conservation_spearman_mean").get(0), 1e-12);
        assertEquals(Math.sqrt(0.02), t.doubleColumn("conservation_spearman_sd").get(0), 1e-12, "sample sd of 1.0 and 0.8");
        assertEquals(2, t.intColumn("replicates").get(0));
        assertTrue(t.doubleColumn("cv_auroc_mean").isMissing(0), "a baseline has no protocol figures");
        assertEquals("baseline (not a candidate)", t.stringColumn("verdict").get(0));
    }
}
