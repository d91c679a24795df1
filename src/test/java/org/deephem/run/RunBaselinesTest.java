package org.deephem.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deephem.analysis.NamedScores;
import org.deephem.baseline.BaselineFits;
import org.deephem.baseline.Baselines;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines fitted once per run, saved beside it, and read back as the very doubles fitted. */
class RunBaselinesTest {
    private static final DeepHemDataset DS = DatasetReader.read(TestData.demo());

    @Test
    void savedBaselinesReadBackExactlyAndAreNotRefitted(@TempDir Path run) throws Exception {
        RunBaselines.Saved first = RunBaselines.readOrFit(DS, run, 7);
        assertEquals("the run folder had none", first.fittedBecause());
        assertTrue(Files.isRegularFile(run.resolve(RunBaselines.FILE + ".provenance.json")));
        BaselineFits.Result direct = BaselineFits.fit(DS, List.of(7L), 7);
        assertEquals(direct.runs().size(), first.runs().size());
        assertEquals(Baselines.names().subList(0, direct.runs().size()), first.runs().stream().map(NamedScores::method).toList());

        RunBaselines.Saved again = RunBaselines.readOrFit(DS, run, 7);
        assertNull(again.fittedBecause(), "read back, not refitted");
        for (int i = 0; i < direct.runs().size(); i++) {
            assertEquals(direct.runs().get(i).method(), again.runs().get(i).method());
            assertArrayEquals(direct.runs().get(i).human(), again.runs().get(i).scores(), 0.0, "bit for bit: " + direct.runs().get(i).method());
            assertEquals("", again.runs().get(i).seed());
        }
        assertEquals(first.skipped(), again.skipped());

        // proof that the file is what is used: change a value and its recorded hash, and the change comes back
        Path csv = run.resolve(RunBaselines.FILE);
        List<String> lines = Files.readAllLines(csv);
        String[] cells = lines.get(1).split(",", -1);
        cells[1] = "12345";
        lines.set(1, String.join(",", cells));
        Files.write(csv, lines);
        Path sidecar = run.resolve(RunBaselines.FILE + ".provenance.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> p = Json.mapper().readValue(sidecar.toFile(), Map.class);
        p.put("sha256", Hashing.sha256(csv));
        Json.writeFile(sidecar, p);
        assertEquals(12345.0, RunBaselines.readOrFit(DS, run, 7).runs().get(0).scores()[0]);
    }

    @Test
    void anotherSeedOrADamagedFileIsFittedAgain(@TempDir Path run) throws Exception {
        RunBaselines.fitAndSave(DS, run, 7);
        RunBaselines.Saved other = RunBaselines.readOrFit(DS, run, 8);
        assertNotNull(other.fittedBecause());
        assertTrue(other.fittedBecause().contains("seed 7"), other.fittedBecause());
        assertNull(RunBaselines.readOrFit(DS, run, 8).fittedBecause(), "saved for seed 8 now");
        Files.writeString(run.resolve(RunBaselines.FILE), "id,x\n");
        assertTrue(RunBaselines.readOrFit(DS, run, 8).fittedBecause().contains("does not match"));
    }
}
