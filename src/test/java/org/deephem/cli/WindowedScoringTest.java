package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deephem.cli.CliTest.Run;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.features.HairpinWindow;
import org.deephem.features.Mature;
import org.deephem.features.RnaFolder;
import org.deephem.features.WindowRule;
import org.deephem.testutil.TestData;
import org.deephem.testutil.ZipEdit;
import org.deephem.zoo.ZooModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's window applied to a user's FASTA by score, and features --window. The canonical
 * model is the small demo model with its provenance saying "canonical" (same graph and scalers),
 * so that its scores of whole records must equal the annotated model's scores of the windows cut
 * by hand.
 */
class WindowedScoringTest {
    @TempDir
    static Path shared;
    static Path annotated, canonical, old;
    static final List<String> IDS = new ArrayList<>(), SEQS = new ArrayList<>();

    @BeforeAll
    static void models() throws IOException {
        annotated = InputHardeningTest.smallModel(shared);
        canonical = ZipEdit.editJson(annotated, shared.resolve("canonical.zip"), "provenance.json",
                p -> p.put(WindowRule.KEY, WindowRule.CANONICAL.record()));
        old = ZipEdit.editJson(annotated, shared.resolve("old.zip"), "provenance.json", p -> p.remove(WindowRule.KEY));
        DeepHemDataset demo = DatasetReader.read(TestData.demo());
        for (int i = 0; i < 6; i++) {
            IDS.add(demo.target().ids().get(i));
            SEQS.add(demo.target().sequences().get(i));
        }
    }

    private static Path fasta(String name, List<String> ids, List<String> seqs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) sb.append('>').append(ids.get(i)).append('\n').append(seqs.get(i)).append('\n');
        return Files.writeString(shared.resolve(name), sb.toString());
    }

    private static List<String> score(Path model, Path fa, String out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("score", "--model", model.toString(), "--fasta", fa.toString(), "-o", shared.resolve(out).toString()));
        args.addAll(List.of(extra));
        Run r = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        String window = model == canonical ? "window: canonical" : "window: annotated";
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith(window)), "one line names the window: " + r.err());
        return Files.readAllLines(shared.resolve(out));
    }

    @Test
    void aTrainedModelRecordsItsWindowAndOldModelsAreAnnotated() {
        assertEquals(WindowRule.ANNOTATED, ZooModel.load(annotated).window(), "trained on the annotated demo");
        assertEquals(WindowRule.CANONICAL, ZooModel.load(canonical).window());
        assertEquals(WindowRule.ANNOTATED, ZooModel.load(old).window(), "no record: annotated");
    }

    @Test
    void aCanonicalModelScoresEachRecordOnItsWindow() throws IOException {
        // without matures: the no-mature window, 60 nt centred on the terminal loop, cut by hand
        RnaFolder folder = new RnaFolder();
        List<String> cut = new ArrayList<>();
        for (String s : SEQS) cut.add(HairpinWindow.of(s, folder.fold(s), List.of()).cut(s));
        assertTrue(cut.stream().anyMatch(s -> s.length() == HairpinWindow.FALLBACK_LENGTH));
        Path whole = fasta("whole.fa", IDS, SEQS), windows = fasta("windows.fa", IDS, cut);
        assertEquals(score(annotated, windows, "a.csv"), score(canonical, whole, "c.csv"));
        assertEquals(score(annotated, whole, "a2.csv"), score(old, whole, "o.csv"), "a model without a window record scores as before");
        // with matures: a 5' one for the first record, a 3' one for the second; the others have none
        String m5 = SEQS.get(0).substring(4, 26), m3 = SEQS.get(1).substring(SEQS.get(1).length() - 24, SEQS.get(1).length() - 2);
        Path mats = Files.writeString(shared.resolve("m.fa"), ">x-5p\n" + m5 + "\n>y-3p\n" + m3 + "\n");
        List<String> cutM = new ArrayList<>();
        for (String s : SEQS) cutM.add(HairpinWindow.of(s, folder.fold(s), Mature.containedIn(s, Mature.readFasta(mats))).cut(s));
        assertFalse(cutM.get(0).equals(cut.get(0)), "the mature moved the window");
        Path windowsM = fasta("windowsM.fa", IDS, cutM);
        assertEquals(score(annotated, windowsM, "am.csv", "--matures", mats.toString()), score(canonical, whole, "cm.csv", "--matures", mats.toString()));
    }

    @Test
    void aFolderOfAnotherWindowIsRefusedInOneLine() {
        Run r = CliTest.run("score", "--model", canonical.toString(), "--data", TestData.demo().toString(), "-o", shared.resolve("x.csv").toString());
        assertEquals(2, r.exit(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("annotated windows") && errors.get(0).contains("--window canonical"), errors.get(0));
        assertFalse(Files.exists(shared.resolve("x.csv")));
    }

    @Test
    void featuresWindowCanonicalAddsTheWindowAndComputesOnIt() throws IOException {
        RnaFolder folder = new RnaFolder();
        List<String> cut = new ArrayList<>();
        List<HairpinWindow> ws = new ArrayList<>();
        for (String s : SEQS) {
            HairpinWindow w = HairpinWindow.of(s, folder.fold(s), List.of());
            ws.add(w);
            cut.add(w.cut(s));
        }
        Path c = shared.resolve("fc.csv"), a = shared.resolve("fa.csv");
        Run rc = CliTest.run("features", fasta("fwhole.fa", IDS, SEQS).toString(), "--window", "canonical", "-o", c.toString());
        assertEquals(0, rc.exit(), rc.err());
        Run ra = CliTest.run("features", fasta("fcut.fa", IDS, cut).toString(), "-o", a.toString());
        assertEquals(0, ra.exit(), ra.err());
        List<String> lc = Files.readAllLines(c), la = Files.readAllLines(a);
        assertEquals("id,annotated_length,window_start,window_end,placement,clipped," + la.get(0).substring(3), lc.get(0));
        for (int i = 0; i < IDS.size(); i++) {
            HairpinWindow w = ws.get(i);
            String prefix = IDS.get(i) + "," + SEQS.get(i).length() + "," + (w.start() + 1) + "," + w.end() + ",no_mature," + (w.clipped() ? 1 : 0) + ",";
            assertEquals(prefix + la.get(i + 1).substring(IDS.get(i).length() + 1), lc.get(i + 1));
        }
        Run bad = CliTest.run("features", fasta("fb.fa", IDS, SEQS).toString(), "--window", "wide", "-o", shared.resolve("fb.csv").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--window must be annotated or canonical, not 'wide'"), bad.err());
    }
}
