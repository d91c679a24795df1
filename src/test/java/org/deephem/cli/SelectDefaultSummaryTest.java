package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deephem.selection.CandidateStudy;
import org.deephem.selection.Candidates;
import org.deephem.selection.ProtocolFigures;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The text select-default prints: the pick, each row (baselines without protocol figures), and the targets in words. */
class SelectDefaultSummaryTest {
    @Test
    void saysWhichTargetIsNotReachedAndPrintsBaselineRows() {
        double[] cons = {1, 2, 3, 4, 5, 6}, dsw = {0, 0, 1, 1, 2, 2};
        double[][] cand = {{0.1, 0.3, 0.2, 0.4, 0.6, 0.5}, {0.2, 0.1, 0.3, 0.5, 0.4, 0.6}};
        ProtocolFigures.Candidate c = new ProtocolFigures.Candidate("a-nomti", Candidates.NO_MTI, cand, 5, new double[] {0.96, 0.97},
                new double[] {0.2, 0.3}, new double[] {0.5, 0.5}, 100, false, false);
        ProtocolFigures.Decision d = ProtocolFigures.pick(List.of(c), new ProtocolFigures.Rule(0.90, 0.02, 0.5, 0.01, 5));
        List<CandidateStudy.Row> rows = List.of(
                new CandidateStudy.Row(Candidates.NO_MTI, "a-nomti", "today's default", "-", d.verdicts().get(0), true, cand),
                new CandidateStudy.Row("baseline", "mature_count", "baseline", "-", null, false, new double[][] {cons}));
        Table t = CandidateStudy.humanTable(rows, new java.util.LinkedHashMap<>(Map.of("conservation", cons, "dsw", dsw)), 1);
        String text = org.deephem.selection.SelectionProtocol.summary(Map.of(Candidates.NO_MTI, d), t, List.of("b-nomti"));
        assertTrue(text.contains("no-MTI family: pick a-nomti"), text);
        assertTrue(text.contains("<- pick"), text);
        assertTrue(text.contains("mature_count"), text);
        assertTrue(text.contains("not run (cells missing): b-nomti"), text);
        // the words follow the figures: REACHED only when both Spearman means clear the targets
        double c0 = t.doubleColumn("conservation_spearman_mean").getDouble(0), d0 = t.doubleColumn("dsw_spearman_mean").getDouble(0);
        boolean reached = c0 >= 0.46 && d0 >= 0.28;
        assertTrue(text.contains(reached ? "REACHED" : "NOT reached"), text);
    }
}
