package org.deephem.scorepage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.deephem.testutil.Chromium;
import org.deephem.testutil.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample scores page in a real browser (Debian's headless Chromium): it renders, every
 * drawing has a size and its nucleotides, no image is broken, and clicking headers sorts the
 * table. Skipped, visibly, without Chromium. The 1280-px screenshot is kept as
 * target/scores-page-1280.png for a person to look at.
 */
class ScoresPageBrowserTest {
    @TempDir
    Path tmp;

    /**
     * Runs after the page's own script (load comes after it): counts images and drawings, then
     * clicks the score header twice, the ID header once and the percentile header once, writing
     * each resulting column order onto body (URI-encoded, since IDs hold markup).
     */
    static final String PROBE = """
            <script>window.addEventListener('load',function(){
            var b=document.body,t=document.getElementById('scores-table'),th=t.tHead.rows[0].cells;
            function col(c,attr){return encodeURIComponent(JSON.stringify(Array.prototype.map.call(t.tBodies[0].rows,
              function(r){return attr?r.cells[c].getAttribute('data-v'):r.cells[c].textContent;})));}
            var n=0,broken=0;document.querySelectorAll('img').forEach(function(i){n++;if(!i.complete||i.naturalWidth===0)broken++;});
            var drawn=0;document.querySelectorAll('svg.hairpin').forEach(function(s){var r=s.getBoundingClientRect();
              if(r.width>100&&r.height>40&&s.querySelectorAll('circle').length>=20)drawn++;});
            b.setAttribute('data-images',n);b.setAttribute('data-broken',broken);b.setAttribute('data-drawn',drawn);
            th[2].click();b.setAttribute('data-score-1',col(2,true));b.setAttribute('data-sort-1',th[2].getAttribute('aria-sort'));
            th[2].click();b.setAttribute('data-score-2',col(2,true));b.setAttribute('data-sort-2',th[2].getAttribute('aria-sort'));
            th[1].click();b.setAttribute('data-ids',col(1,false));
            th[4].click();b.setAttribute('data-percentile',col(4,true));
            b.setAttribute('data-probe','done');});</script>""";

    @Test
    void samplePageRendersAndSorts() throws Exception {
        Chromium.requireOrSkip();
        PageInput in = SampleScoresPage.sample(60, true);
        Path index = ScoresPage.write(tmp.resolve("page"), in);

        Path shot = Path.of("target", "scores-page-1280.png");
        Chromium.run(tmp, "--window-size=1280,2000", "--screenshot=" + shot.toAbsolutePath(), index.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertTrue(img != null && img.getWidth() == 1280, "screenshot written");
        assertTrue(ReportPages.greyVariance(img) > 200, "the rendered page is not blank");

        // the probe copy sits elsewhere: the page must need no neighbour file
        Path probe = tmp.resolve("probe.html");
        Files.writeString(probe, Files.readString(index).replace("</body>", PROBE + "</body>"));
        String dom = Chromium.run(tmp, "--virtual-time-budget=10000", "--dump-dom", probe.toUri().toString());
        assertTrue(dom.contains("data-probe=\"done\""), "the probe ran: " + dom.substring(0, Math.min(300, dom.length())));
        assertEquals("0", attr(dom, "data-images"), "the page has no <img> to break");
        assertEquals("0", attr(dom, "data-broken"), "no broken image");
        assertEquals(SampleScoresPage.TOP_N + 1, Integer.parseInt(attr(dom, "data-drawn")), "a visible drawing for the top N and the named ID");

        List<Double> asc = numbers(attr(dom, "data-score-1")), desc = numbers(attr(dom, "data-score-2"));
        assertEquals(60, asc.size(), "every row still there");
        assertEquals("ascending", attr(dom, "data-sort-1"));
        assertEquals("descending", attr(dom, "data-sort-2"));
        for (int i = 1; i < asc.size(); i++) {
            assertTrue(asc.get(i - 1) <= asc.get(i), "ascending at row " + (i + 1) + ": " + asc);
            assertTrue(desc.get(i - 1) >= desc.get(i), "descending at row " + (i + 1) + ": " + desc);
        }
        assertTrue(asc.get(0) < asc.get(59), "the scores differ, so sorting did something");

        List<String> ids = strings(attr(dom, "data-ids"));
        assertEquals(60, ids.size());
        assertTrue(ids.contains(SampleScoresPage.HOSTILE_ID), "the hostile ID came through as text, intact");
        List<String> demo = ids.stream().filter(s -> s.startsWith("demo-hsa-")).toList();
        assertEquals(demo.stream().sorted().toList(), demo, "IDs sorted as text");

        List<Double> pct = numbers(attr(dom, "data-percentile"));
        for (int i = 1; i < pct.size(); i++) assertTrue(pct.get(i - 1) <= pct.get(i), "percentile ascending at row " + (i + 1));
    }

    private static String attr(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), name + " on the page");
        return m.group(1);
    }

    private static List<String> strings(String encoded) throws Exception {
        String json = URLDecoder.decode(encoded.replace("&amp;", "&"), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<String> list = org.deephem.io.Json.mapper().readValue(json, List.class);
        return list;
    }

    private static List<Double> numbers(String encoded) throws Exception {
        List<Double> out = new ArrayList<>();
        for (String s : strings(encoded)) out.add(Double.parseDouble(s));
        return out;
    }
}
