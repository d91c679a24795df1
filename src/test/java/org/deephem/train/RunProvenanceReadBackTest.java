package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.features.Dangles;
import org.deephem.io.Json;
import org.deephem.model.ModelConfig;
import org.deephem.zoo.ConfigCodec;
import org.deephem.zoo.TrainedModel;
import org.junit.jupiter.api.Test;

/** RunProvenance read back from the map a zip stores: the same record, and defaults for what older zips lack. */
class RunProvenanceReadBackTest {
    private static RunProvenance sample() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java", "17.0.9");
        env.put("threads", 2);
        return new RunProvenance("demo", Instant.parse("2026-12-07T10:00:00.125Z"), Path.of("data"), Map.of("a.xlsx", "ab12"), 2,
                ModelConfig.defaults(), new Seeds(1, 2, 3), Map.of("recipe", "D"), env,
                new RunProvenance.Selected(7, 12, true, false, "VAL_LOGLOSS", 0.875, 0.41, List.of("mmu-1", "mmu-2"), 150),
                new RunProvenance.Timings(12.5, 1.04));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> viaJson(Map<String, Object> m) throws Exception {
        return Json.mapper().readValue(Json.write(m), Map.class);
    }

    @Test
    void toMapThenFromMapGivesTheSameRecord() throws Exception {
        RunProvenance p = sample();
        assertEquals(p, RunProvenance.fromMap(p.toMap()));
        assertEquals(p, RunProvenance.fromMap(viaJson(p.toMap())), "as a zip's provenance.json reads back");
        RunProvenance noData = new RunProvenance("mem", p.created(), null, Map.of(), 0, p.config(), p.seeds(), Map.of(), Map.of(), p.selected(), p.timings());
        assertEquals(noData, RunProvenance.fromMap(viaJson(noData.toMap())), "an in-memory dataset");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOldMapWithoutLaterFieldsLoadsWithDefaults() throws Exception {
        Map<String, Object> old = viaJson(sample().toMap());
        old.remove(org.deephem.features.WindowRule.KEY);
        old.remove(Dangles.KEY);
        old.remove("metrics");
        old.remove("tags");
        ((Map<String, Object>) old.get("config")).remove("labelSmoothing"); // a lever added by issue 12
        RunProvenance back = RunProvenance.fromMap(old);
        assertEquals(Dangles.UNRECORDED, back.foldingDangles());
        assertEquals(RunProvenance.NO_SELECTION, back.selected());
        assertEquals(-1, back.selected().epoch(), "no kept epoch");
        assertTrue(Double.isNaN(back.timings().trainSeconds()));
        assertEquals(Map.of(), back.tags());
        assertEquals(0.0, back.config().labelSmoothing());
        assertEquals(new Seeds(1, 2, 3), back.seeds());

        RunProvenance.Selected bare = RunProvenance.fromMap(Map.of("metrics", Map.of("selected_epoch", 3, "validation_auc", 0.75))).selected();
        assertEquals(3, bare.epoch());
        assertEquals(0.75, bare.selectionAuc(), "validation_auc: the selection AUC's name before the rename");
        RunProvenance empty = RunProvenance.fromMap(Map.of());
        assertNull(empty.config());
        assertNull(empty.seeds());
        assertTrue(Double.isNaN(RunProvenance.fromMap(Map.of("metrics", Map.of("selection_auc", "NaN"))).selected().selectionAuc()),
                "Jackson writes a NaN as the string NaN");
    }

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> RunProvenance.fromMap(Map.of("metrics", Map.of("selected_epoch", "seven"))));
        assertTrue(e.getMessage().contains("selected_epoch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunProvenance.fromMap(Map.of("seeds", Map.of("split", 1.5, "init", 1, "order", 1))));
    }

    @Test
    void theShippedModelsReadBack() throws Exception {
        for (String name : List.of("deephem-human", "deephem-human-nomti")) {
            Path zip = Path.of("model-zoo", name + ".zip");
            if (!Files.isRegularFile(zip)) continue;
            for (var member : org.deephem.zoo.ZooModel.load(zip).members()) { // the shipped models are ensembles
                TrainedModel m = member.model();
                RunProvenance p = RunProvenance.fromMap(m.provenance());
                assertEquals(ConfigCodec.toMap(m.config()), ConfigCodec.toMap(p.config()), name);
                assertTrue(p.selected().epoch() >= 1, name + ": its kept epoch");
                assertEquals(m.provenance().get("name"), p.name());
            }
        }
    }
}
