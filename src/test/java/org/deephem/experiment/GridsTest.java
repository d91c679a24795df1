package org.deephem.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;
import org.junit.jupiter.api.Test;

/** The ablation and comparison grids as config values. */
class GridsTest {
    private final ModelConfig full = ModelConfig.defaults();

    @Test
    void ablationRowsShareTheFullModelCell() {
        List<Grid.Row> rows = Grids.ablation(full, Grids.ABLATION_GROUPS);
        assertEquals(7 + 3 + 2 + 4, rows.size());
        Grid g = new Grid("ablate", rows, Grids.FULL, List.of(1L, 2L), 0, 0);
        // full model once: 6 feature subsets + 2 fusions + 1 kernel + 3 losses + full
        assertEquals(13, g.methods().size());
        assertEquals(26, g.cells("x").size());
        Map<String, List<String>> fullRows = rows.stream().filter(r -> r.key().equals(Grids.FULL))
                .collect(Collectors.groupingBy(Grid.Row::group, Collectors.mapping(Grid.Row::variant, Collectors.toList())));
        assertEquals(Map.of("features", List.of("all"), "fusion", List.of("CONCAT"), "kernel", List.of("MULTI"), "loss", List.of("full")), fullRows);
        Grid.Row seq = rows.stream().filter(r -> r.variant().equals("seq")).findFirst().orElseThrow();
        assertTrue(seq.network().useSequence() && !seq.network().useInherent() && !seq.network().useMti());
        Grid.Row clsOnly = rows.stream().filter(r -> r.variant().equals("cls only")).findFirst().orElseThrow();
        assertEquals(0, clsOnly.network().mmdWeight());
        assertEquals(0, clsOnly.network().advWeight());
        Grid.Row single = rows.stream().filter(r -> r.variant().equals("SINGLE")).findFirst().orElseThrow();
        assertEquals(MmdKernel.SINGLE, single.network().kernel());
        Grid.Row cross = rows.stream().filter(r -> r.variant().equals("CROSS_ATTENTION")).findFirst().orElseThrow();
        assertEquals(Fusion.CROSS_ATTENTION, cross.network().fusion());
        assertEquals("fusion-cross-attention-s3", Grid.cellId(cross.key(), 3));
        for (CellSpec c : g.cells("x")) assertTrue(c.id().matches("[a-z0-9-]+-s[0-9]+"), c.id());
    }

    @Test
    void comparisonConfigsAreTheNamedAdaptations() {
        List<Grid.Row> rows = Grids.comparison(full, Grids.comparisonMethods());
        Map<String, Grid.Row> by = rows.stream().collect(Collectors.toMap(Grid.Row::method, r -> r));
        ModelConfig ddc = by.get("ddc").network(), dan = by.get("dan").network(), src = by.get("source-only").network();
        assertEquals(MmdKernel.SINGLE, ddc.kernel());
        assertFalse(ddc.mmdOnHidden());
        assertEquals(0, ddc.advWeight());
        assertTrue(ddc.mmdWeight() > 0);
        assertEquals(MmdKernel.MULTI, dan.kernel());
        assertTrue(dan.mmdOnHidden());
        assertEquals(0, dan.advWeight());
        assertEquals(0, src.mmdWeight());
        assertEquals(0, src.advWeight());
        assertEquals(full, by.get("deephem").network());
        assertNull(by.get("tca").network());
        assertNull(by.get("neg_length").network());
        assertEquals("source-only", by.get("source-only").key());
        assertEquals("random-forest-no-mti", by.get("random_forest_no_mti").key());
    }

    @Test
    void specHashFollowsEveryField() {
        Grid g = new Grid("compare", Grids.comparison(full, List.of("deephem", "neg_length")), "deephem", List.of(1L), 0, 0);
        CellSpec a = g.cells("data1").get(0);
        assertEquals(a.sha256(), g.cells("data1").get(0).sha256(), "stable");
        assertFalse(a.sha256().equals(g.cells("data2").get(0).sha256()), "other data");
        Grid g2 = new Grid("compare", Grids.comparison(full.withPatience(3), List.of("deephem", "neg_length")), "deephem", List.of(1L), 0, 0);
        assertFalse(a.sha256().equals(g2.cells("data1").get(0).sha256()), "other config");
        Grid g3 = new Grid("compare", g.rows(), "deephem", List.of(1L), 2, 1);
        assertFalse(a.sha256().equals(g3.cells("data1").get(0).sha256()), "CV asked");
        assertThrows(IllegalArgumentException.class, () -> new Grid("x", g.rows(), "nope", List.of(1L), 0, 0));
    }
}
