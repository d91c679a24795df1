package org.deephem.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Layout;
import org.deephem.features.MtiPca;
import org.deephem.io.InputError;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.deephem.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelZipTest {
    @TempDir
    static Path tmp;
    static DeepHemDataset demo;
    static Trainer.Result trained;
    static Path zip;

    @BeforeAll
    static void trainAndSave() {
        demo = DatasetReader.read(TestData.demo());
        ModelConfig cfg = ModelConfig.defaults().withSize(120, 3, 16, 2, 1, 16).withMtiDim(demo.pcaNames().size())
                .withTraining(2, 32, 32, 1e-3, 3);
        trained = Trainer.train(cfg, demo, null);
        zip = tmp.resolve("m.zip");
        MtiPca pca = MtiPca.read(TestData.demo().resolve(Layout.PCA_MODEL));
        ModelZip.save(zip, new TrainedModel(trained.graph(), cfg, trained.inherentScaler(), trained.mtiScaler(), pca,
                Map.of("note", "test")));
    }

    @Test
    void reloadedModelScoresBitForBitAsInMemory() {
        TrainedModel m = ModelZip.load(zip);
        assertEquals(trained.config(), m.config());
        double[] again = new Scorer(m).score(demo.target(), null);
        assertArrayEquals(trained.humanScores(), again, 0.0);
        // re-projecting the MTI gene sets with the stored basis gives the same inputs as the folder's PCA
        double[] reprojected = new Scorer(m).score(demo.target(), demo.humanTargets());
        assertArrayEquals(trained.humanScores(), reprojected, 1e-6);
    }

    private Path rewrite(String name, UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) entries.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
        entries = edit.apply(entries);
        Path out = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    private static String refused(Path p) {
        InputError e = assertThrows(InputError.class, () -> ModelZip.load(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void truncatedZipIsRefused() throws IOException {
        byte[] b = Files.readAllBytes(zip);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length / 3));
        String m = refused(cut);
        assertTrue(m.contains("corrupted or truncated") || m.contains("missing"), m);
    }

    @Test
    void unknownFormatVersionIsRefused() throws IOException {
        Path p = rewrite("v99.zip", e -> {
            e.put("format.json", "{\"format\":\"deephem-j-model\",\"version\":99}".getBytes());
            return e;
        });
        assertTrue(refused(p).contains("version 99 is not supported"));
    }

    @Test
    void pathTraversalAndAbsoluteNamesAreRefused() throws IOException {
        Path up = rewrite("up.zip", e -> {
            e.put("../evil.sh", "rm -rf /".getBytes());
            return e;
        });
        assertTrue(refused(up).contains("path-like name '../evil.sh'"));
        Path abs = rewrite("abs.zip", e -> {
            e.put("/etc/cron.d/x", "x".getBytes());
            return e;
        });
        assertTrue(refused(abs).contains("path-like name"));
        Path other = rewrite("other.zip", e -> {
            e.put("notes.txt", "x".getBytes());
            return e;
        });
        assertTrue(refused(other).contains("unexpected entry 'notes.txt'"));
    }

    @Test
    void absurdEntrySizeIsRefusedWhileInflating() throws IOException {
        Path big = rewrite("big.zip", e -> {
            e.put("provenance.json", new byte[(int) ModelZip.MAX_OTHER_BYTES + 1024]);
            return e;
        });
        assertTrue(Files.size(big) < 2_000_000, "a zip bomb: small on disk");
        assertTrue(refused(big).contains("larger than 64 MiB"));
    }

    @Test
    void configsWrittenBeforeLaterFieldsStillLoadButOtherGapsAreRefused() {
        Map<String, Object> m = new LinkedHashMap<>(ConfigCodec.toMap(trained.config()));
        m.remove("selection");
        m.remove("patience");
        assertEquals(trained.config(), ConfigCodec.fromMap(m));
        assertEquals(0, ConfigCodec.fromMap(m).patience(), "older models had no early stopping");
        m.remove("mtiDim");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigCodec.fromMap(m));
        assertTrue(e.getMessage().contains("'mtiDim' is missing"), e.getMessage());
    }

    @Test
    void notAZipOrMissingFileIsRefused() throws IOException {
        Path txt = tmp.resolve("model.zip.txt");
        Files.writeString(txt, "hello");
        refused(txt);
        assertTrue(refused(tmp.resolve("absent.zip")).contains("not found"));
        Path noGraph = rewrite("nograph.zip", e -> {
            e.remove("graph.fb");
            return e;
        });
        assertTrue(refused(noGraph).contains("'graph.fb' is missing"));
        Path badGraph = rewrite("badgraph.zip", e -> {
            e.put("graph.fb", "garbage".getBytes());
            return e;
        });
        assertTrue(refused(badGraph).contains("graph.fb"));
    }
}
