package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.deephem.testutil.Chromium;
import org.deephem.testutil.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the demo report in a real browser (Debian's headless Chromium): the page renders to a
 * screenshot that is not blank, and no image is broken. Skipped, visibly, without Chromium.
 */
class BrowserTest {
    @TempDir
    Path tmp;

    @Test
    void demoReportRendersWithoutBrokenImages() throws Exception {
        Chromium.requireOrSkip();
        Path index = ReportTest.demoReport();

        Path shot = tmp.resolve("shot.png");
        Chromium.run(tmp, "--window-size=1200,2400", "--screenshot=" + shot, index.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertTrue(img != null && img.getWidth() == 1200, "screenshot written");
        assertTrue(ReportPages.greyVariance(img) > 200, "the rendered page is not blank");

        // a copy of the page with a probe that counts images the browser could not decode
        Path probe = tmp.resolve("probe.html");
        String script = "<script>window.addEventListener('load',function(){var n=0,b=0;"
                + "document.querySelectorAll('img').forEach(function(i){n++;if(!i.complete||i.naturalWidth===0)b++;});"
                + "document.body.setAttribute('data-images',n);document.body.setAttribute('data-broken',b);});</script>";
        Files.writeString(probe, Files.readString(index).replace("</body>", script + "</body>"));
        // the probe page sits elsewhere: every image must still show, i.e. the page needs no neighbour files
        String dom = Chromium.run(tmp, "--virtual-time-budget=10000", "--dump-dom", probe.toUri().toString());
        Matcher m = Pattern.compile("data-images=\"(\\d+)\" data-broken=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the probe ran: " + dom.substring(0, Math.min(300, dom.length())));
        assertEquals(6, Integer.parseInt(m.group(1)), "all figures are on the page (4 + CV ROC and PR)");
        assertEquals(0, Integer.parseInt(m.group(2)), "no broken image");
    }
}
