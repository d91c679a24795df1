package org.deephem.scorepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresPageTest {
    static PageInput sample;
    static String html;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() {
        sample = SampleScoresPage.sample(30, true);
        html = ScoresPage.html(sample);
    }

    @Test
    void userTextIsEscaped() {
        assertFalse(html.contains(SampleScoresPage.HOSTILE_ID), "the raw ID never reaches the page");
        assertFalse(html.contains("<img"), "no element made from data");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;"), "the ID is shown, escaped");
        assertFalse(html.contains("<y>") || html.contains("not-scored-<b>"), "skip reasons and named IDs escaped too");
        assertTrue(html.contains("not-scored-&lt;b&gt;"), "an unknown named ID is reported");
    }

    @Test
    void tableHasEveryRowBestFirst() {
        String body = html.substring(html.indexOf("<tbody>", html.indexOf("id=\"scores-table\"")), html.indexOf("</tbody>", html.indexOf("id=\"scores-table\"")));
        Matcher m = Pattern.compile("<tr><td class=\"num\" data-v=\"(\\d+)\">\\d+</td><td>.*?</td><td class=\"num\" data-v=\"([^\"]+)\"").matcher(body);
        List<Double> scores = new ArrayList<>();
        int rank = 0;
        while (m.find()) {
            assertEquals(++rank, Integer.parseInt(m.group(1)), "ranks in order");
            scores.add(Double.parseDouble(m.group(2)));
        }
        assertEquals(sample.rows().size(), scores.size(), "one table row per scored precursor");
        for (int i = 1; i < scores.size(); i++) assertTrue(scores.get(i - 1) >= scores.get(i), "sorted by score at row " + (i + 1));
        assertEquals(sample.rows().stream().mapToDouble(ScoredMiRna::score).max().orElseThrow(), scores.get(0), 0.0);
    }

    @Test
    void topNAndNamedAreDrawn() {
        int drawings = count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hairpin\"");
        assertEquals(SampleScoresPage.TOP_N + 1, drawings, "top N plus the one named ID that was scored");
        assertEquals(drawings, count(html, "<article class=\"hp\""));
        assertTrue(html.contains("class=\"tag\">named</span>"), "the named one is marked as such");
        assertEquals(drawings, count(html, ">5′</text>"), "5′ end marked in every drawing");
        assertEquals(drawings, count(html, ">3′</text>"), "3′ end marked in every drawing");
        // each table row that has a drawing links to it
        Matcher m = Pattern.compile("<a href=\"#(hp-\\d+)\">").matcher(html);
        int links = 0;
        while (m.find()) {
            assertTrue(html.contains("id=\"" + m.group(1) + "\""), "link target " + m.group(1) + " exists");
            links++;
        }
        assertEquals(drawings, links);
    }

    @Test
    void nucleotidesAreColouredByAttributionOnASymmetricScale() {
        String seq = "GGGGAAACCCC";
        double[] att = {0.5, -1.0, 0, 0, 0, 0.25, 0, 0, 0, 0, 1.0};
        ScoredMiRna one = new ScoredMiRna("x", seq, "((((...))))", 0.7, Double.NaN, Double.NaN, Double.NaN, att, List.of());
        ScoredMiRna bare = new ScoredMiRna("y", seq, null, 0.6, Double.NaN, Double.NaN, Double.NaN, null, List.of());
        String page = ScoresPage.html(new PageInput("m", "", 1, null, List.of(one, bare), Set.of(), 2, List.of(), Map.of(), false));
        List<String> fills = new ArrayList<>();
        Matcher m = Pattern.compile("<circle [^>]*fill=\"(#[0-9a-f]{6})\"").matcher(page);
        while (m.find()) fills.add(m.group(1));
        assertEquals(22, fills.size(), "a circle per nucleotide of both drawings");
        assertEquals(HairpinSvg.POSITIVE, fills.get(10), "largest positive: the red end");
        assertEquals(HairpinSvg.NEGATIVE, fills.get(1), "largest |negative| (= scale): the blue end");
        assertEquals("#f7f7f7", fills.get(2), "zero: the neutral middle");
        assertEquals(HairpinSvg.colour(0.5), fills.get(0));
        for (int k = 11; k < 22; k++) assertEquals(HairpinSvg.NO_ATTRIBUTION, fills.get(k), "no attribution: grey at " + (k - 10));
        assertTrue(page.contains("structure folded for this page"), "a missing structure is folded and said so");
        assertTrue(page.contains("no reference scores"), "no percentiles without a reference");
        assertTrue(page.contains("a single model"));
        assertFalse(page.contains("class=\"banner\""), "no demo banner for a real model");
        assertTrue(page.contains("−1</text>") && page.contains("+1</text>"), "legend runs from −scale to +scale");
    }

    @Test
    void paletteIsDivergingAndSymmetric() {
        assertEquals("#f7f7f7", HairpinSvg.colour(0));
        assertEquals(HairpinSvg.NEGATIVE, HairpinSvg.colour(-1));
        assertEquals(HairpinSvg.POSITIVE, HairpinSvg.colour(1));
        assertEquals(HairpinSvg.POSITIVE, HairpinSvg.colour(7), "clamped");
        assertEquals(HairpinSvg.NO_ATTRIBUTION, HairpinSvg.colour(Double.NaN));
        // lightness falls the same way on both sides of 0
        for (double t = 0.1; t <= 1.0; t += 0.1) assertTrue(Math.abs(grey(HairpinSvg.colour(t)) - grey(HairpinSvg.colour(-t))) < 40, "t = " + t);
        assertTrue(grey(HairpinSvg.colour(0.9)) < grey(HairpinSvg.colour(0.3)));
    }

    private static double grey(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return 0.299 * (v >> 16 & 255) + 0.587 * (v >> 8 & 255) + 0.114 * (v & 255);
    }

    @Test
    void summaryBannerAndReading() {
        assertTrue(html.contains("model trained on synthetic demo data — scores mean nothing"));
        assertTrue(html.contains("<b>30 precursors scored</b>, 2 skipped"), "counts in the summary");
        assertTrue(html.contains("an ensemble of 5 members"));
        assertTrue(html.contains("512 nt is longer than the supported 400 nt"), "why each record was skipped");
        assertTrue(html.contains("Percentiles are among 200 synthetic reference precursors"));
        assertTrue(html.contains("mean member probability") && html.contains("integrated gradients of the model's logit"));
        assertTrue(html.contains("<details><summary>Where these scores came from</summary>"), "provenance collapsed");
        assertTrue(html.contains("<tr><th>input.file</th><td>my precursors.fa</td></tr>"), "nested provenance as dotted keys");
        assertTrue(html.contains("<tr><th>options</th><td>[ &quot;--top&quot;, &quot;4&quot;, &quot;--explain&quot; ]</td></tr>"));
    }

    @Test
    void pageNeedsNothingFromOutside() {
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no remote resource");
        assertFalse(html.contains("<link") || html.contains("<img") || html.contains("<iframe"), "nothing loaded from a file");
        assertEquals(1, count(html, "<script>"), "one inline script: the sort");
    }

    @Test
    void samePageForTheSameInput() {
        assertEquals(html, ScoresPage.html(SampleScoresPage.sample(30, true)));
    }

    @Test
    void writesPageAndProvenanceAtomically() throws Exception {
        Path dir = tmp.resolve("report");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Path index = ScoresPage.write(dir, sample);
        assertEquals(dir.resolve("index.html"), index);
        assertEquals(html, Files.readString(index));
        @SuppressWarnings("unchecked")
        Map<String, Object> prov = Json.readFile(dir.resolve("index.provenance.json"), Map.class);
        assertEquals(Map.of("index.html", Hashing.sha256(index)), prov.get("files_sha256"));
        assertEquals("demo-ensemble", prov.get("model"));
        assertEquals(30, prov.get("scored"));
        assertEquals(2, prov.get("skipped"));
        assertEquals("model-zoo/demo-ensemble.zip", ((Map<?, ?>) prov.get("inputs")).get("model"));
        assertTrue(prov.containsKey("environment") && prov.containsKey("created"));
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")), "other files in the folder are left alone");
        try (var s = Files.list(dir)) {
            assertEquals(List.of("index.html", "index.provenance.json", "notes.txt"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left");
        }
        // written again: the same page
        ScoresPage.write(dir, sample);
        assertEquals(html, Files.readString(index));
    }

    @Test
    void refusesStdoutAndFiles() throws Exception {
        assertThrows(InputError.class, () -> ScoresPage.write(Path.of("-"), sample));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThrows(InputError.class, () -> ScoresPage.write(file, sample));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void inputsAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScoredMiRna("x", "ACGU", "((.)", 0.5, Double.NaN, Double.NaN, Double.NaN, null, List.of()), "unbalanced");
        assertThrows(IllegalArgumentException.class,
                () -> new ScoredMiRna("x", "ACGU", "....", 0.5, Double.NaN, Double.NaN, Double.NaN, new double[3], List.of()), "attribution length");
        assertThrows(IllegalArgumentException.class,
                () -> new ScoredMiRna("x", "ACGU", "...", 0.5, Double.NaN, Double.NaN, Double.NaN, null, List.of()), "structure length");
        assertThrows(IllegalArgumentException.class,
                () -> new ScoredMiRna("x", "ACGU", null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, List.of()), "NaN score");
        assertThrows(IllegalArgumentException.class,
                () -> new PageInput("m", "", 0, null, List.of(), Set.of(), 1, List.of(), Map.of(), false), "no members");
    }

    @Test
    void unfoldableSequenceIsReportedNotFatal() {
        ScoredMiRna odd = new ScoredMiRna("odd", "ACGNNNACGU", null, 0.9, Double.NaN, Double.NaN, Double.NaN, null, List.of());
        String page = ScoresPage.html(new PageInput("m", "", 1, null, List.of(odd), Set.of(), 1, List.of(), new LinkedHashMap<>(), false));
        assertTrue(page.contains("no structure could be folded"), "the reason is on the page");
        assertEquals(0, count(page, "class=\"hairpin\""));
    }

    @Test
    void featuresListedLargestFirstWithRanges() {
        List<FeatureAttribution> f = List.of(new FeatureAttribution("gc_content", 0.55, 0.01, 0.0, 0.02),
                new FeatureAttribution("mfe", -30.2, -0.3, -0.4, -0.2), new FeatureAttribution("length", 80, 0.1, 0.05, 0.15));
        ScoredMiRna s = new ScoredMiRna("x", "GGGGAAACCCC", "((((...))))", 0.7, 0.6, 0.8, 55, new double[11], f);
        String page = ScoresPage.html(new PageInput("m", "", 3, "ref", List.of(s), Set.of(), 1, List.of(), Map.of(), false));
        int mfe = page.indexOf("<td>mfe</td>"), length = page.indexOf("<td>length</td>"), gc = page.indexOf("<td>gc_content</td>");
        assertTrue(mfe > 0 && mfe < length && length < gc, "ordered by |attribution|");
        assertTrue(page.contains("−0.4000 to −0.2000"), "the members' range of a feature");
        Matcher range = Pattern.compile("<td class=\"num\" data-v=\"([^\"]+)\">0.6000–0.8000</td>").matcher(page);
        assertTrue(range.find(), "the ensemble range shown");
        assertEquals(0.2, Double.parseDouble(range.group(1)), 1e-12, "and sorted by its width");
        assertTrue(page.contains("width:80px;background:" + HairpinSvg.NEGATIVE), "largest bar full width, blue for negative");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
