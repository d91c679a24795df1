package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.casestudy.CaseStudyTest;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.Delimited;
import org.deephem.io.Table;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseStudyCommandTest {
    @TempDir
    Path tmp;

    @Test
    void topMiRnasWithTheirIndicatorsDiseasesAndXgemAgreement() throws IOException {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        List<String> human = ds.target().ids(), mouse = ds.unlabelledMouse().ids();
        // hand-made scores: human row i scores i/n, so the last three rank first
        StringBuilder hs = new StringBuilder("id,score\n"), ms = new StringBuilder("id,score\n");
        for (int i = 0; i < human.size(); i++) hs.append(human.get(i)).append(',').append((double) i / human.size()).append('\n');
        for (int i = 0; i < 4; i++) ms.append(mouse.get(i)).append(',').append(i).append('\n');
        Path scores = tmp.resolve("h.csv"), mscores = tmp.resolve("m.csv");
        Files.writeString(scores, hs);
        Files.writeString(mscores, ms);
        String top1 = human.get(human.size() - 1), top2 = human.get(human.size() - 2);
        Map<String, Integer> calls = new LinkedHashMap<>();
        // mouse 3 and 1 called essential, 2 and 0 not: our order 3 > 2 > 1 > 0 → AUROC 3/4, 1 of the top 2
        calls.put(mouse.get(0), 0);
        calls.put(mouse.get(1), 1);
        calls.put(mouse.get(2), 0);
        calls.put(mouse.get(3), 1);
        Path raw = CaseStudyTest.fakeRaw(tmp.resolve("raw"), List.of(top1, top2), calls);

        Path out = tmp.resolve("cs");
        CliTest.Run r = CliTest.run("case-study", "--data", TestData.demo().toString(), "--scores", scores.toString(),
                "--mouse-scores", mscores.toString(), "--raw", raw.toString(), "--top", "2", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Table t = Delimited.read(out.resolve("case_study.csv"));
        assertEquals(2, t.rowCount());
        assertEquals(top1, t.text(0, t.column("id")));
        assertEquals(top2, t.text(1, t.column("id")));
        assertEquals("Breast Neoplasms; \"Leukemia, Myeloid, Acute\"".replace("\"", ""), t.text(0, t.column("hmdd_diseases")));
        assertEquals("Glioma", t.text(1, t.column("hmdd_diseases")));
        assertEquals("fam-one", t.text(0, t.column("family")));
        assertEquals(ds.conservation().get(top1), t.number(0, t.column("conservation")), 1e-12);
        assertEquals(ds.dsw().get(top2), t.number(1, t.column("dsw")), 1e-12);
        Table x = Delimited.read(out.resolve("xgem_agreement.csv"));
        assertEquals(4, x.number(0, x.column("n")), 0);
        assertEquals(0.75, x.number(0, x.column("auroc")), 1e-12);
        assertEquals(1, x.number(0, x.column("top_n_xgem_essential")), 0);
        assertEquals(1.0, x.number(0, x.column("expected_by_chance")), 1e-12);
        for (String f : List.of("case_study.xlsx", "case_study.csv.provenance.json", "xgem_agreement.xlsx", "index.html")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("sanity comparison, not truth"), "the page says what XGEM's calls are");
        assertFalse(html.contains("mouse orthologue of the same name among the labelled"), "no demo human miRNA has a labelled orthologue");
        assertTrue(r.out().contains("AUROC 0.750"), r.out());

        // without --raw: the disease column says so, and there is no XGEM comparison
        Path plain = tmp.resolve("plain");
        CliTest.Run p = CliTest.run("case-study", "--data", TestData.demo().toString(), "--scores", scores.toString(), "-o", plain.toString());
        assertEquals(0, p.exit(), p.err());
        Table pt = Delimited.read(plain.resolve("case_study.csv"));
        assertEquals(10, pt.rowCount());
        assertEquals("not available", pt.text(0, pt.column("hmdd_diseases")));
        assertFalse(Files.exists(plain.resolve("xgem_agreement.csv")));
        assertTrue(p.out().contains("no comparison with XGEM's calls: no --raw folder given"), p.out());
    }

    @Test
    void badInputIsOneLineNamingIt() throws IOException {
        Path mouseOnly = tmp.resolve("mouse.csv");
        Files.writeString(mouseOnly, "id,score\nnot-a-human-id,0.5\n");
        CliTest.Run r = CliTest.run("case-study", "--data", TestData.demo().toString(), "--scores", mouseOnly.toString(), "-o", tmp.resolve("o").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("mouse.csv") && r.err().contains("none of its 1 IDs is a human miRNA"), r.err());
        CliTest.Run top = CliTest.run("case-study", "--data", TestData.demo().toString(), "--scores", mouseOnly.toString(), "--top", "0", "-o", tmp.resolve("o").toString());
        assertEquals(2, top.exit());
        assertTrue(top.err().contains("--top"), top.err());
        CliTest.Run raw = CliTest.run("case-study", "--data", TestData.demo().toString(), "--scores", mouseOnly.toString(), "--raw", tmp.resolve("nowhere").toString(), "-o", tmp.resolve("o").toString());
        assertEquals(2, raw.exit());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
