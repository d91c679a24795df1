package org.deephem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.deephem.testutil.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser (Debian's headless Chromium; skipped, visibly, without it): the
 * page fits 800 and 1600 px windows without a horizontal scroll, and printed to PDF it is A4 with
 * every character inside the page and the last column of every wide table printed, i.e. no
 * table cut at the right edge (PDFBox, which XChart already brings, reads the characters' positions).
 * A page with an over-wide table shows that the check can fail.
 */
class PrintTest {
    @TempDir
    Path tmp;

    /** Every page's size and every character's right edge (pt), and the whole text. */
    record Printed(List<float[]> pageSizes, float maxRight, float minPageWidth, String text) {}

    static Printed print(Path tmp, Path page) throws Exception {
        Path pdf = tmp.resolve(page.getParent().getFileName() + "-" + System.nanoTime() + ".pdf");
        Chromium.run(tmp, "--no-pdf-header-footer", "--print-to-pdf=" + pdf, page.toUri().toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<float[]> sizes = new ArrayList<>();
            float minWidth = Float.MAX_VALUE;
            for (PDPage p : doc.getPages()) {
                sizes.add(new float[] {p.getMediaBox().getWidth(), p.getMediaBox().getHeight()});
                minWidth = Math.min(minWidth, p.getMediaBox().getWidth());
            }
            float[] right = {0};
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws java.io.IOException {
                    for (TextPosition t : positions) right[0] = Math.max(right[0], t.getXDirAdj() + t.getWidthDirAdj());
                    super.writeString(text, positions);
                }
            };
            String text = s.getText(doc);
            return new Printed(sizes, right[0], minWidth, text);
        }
    }

    @Test
    void theReportPrintsOnA4WithNoTableCutAtTheRightEdge() throws Exception {
        Chromium.requireOrSkip();
        Path index = ReportTest.demoReport();
        Printed p = print(tmp, index);
        assertTrue(p.pageSizes().size() > 1, "several pages");
        for (float[] s : p.pageSizes()) {
            assertEquals(595.3, s[0], 2.0, "A4 width (pt)");
            assertEquals(841.9, s[1], 2.0, "A4 height (pt)");
        }
        assertTrue(p.maxRight() <= p.minPageWidth() - 10, "every character inside the page: right edge " + p.maxRight() + " of " + p.minPageWidth());
        String flat = p.text().replaceAll("\\s+", " ");
        // the last column of each wide table on the page is printed
        for (String last : List.of("Kendall τ", "MCC", "given length")) assertTrue(flat.contains(last), last + " printed");
        assertTrue(flat.contains("neg_length"), "the headline table's last row is printed");
    }

    @Test
    void anOverWideTableIsCaught() throws Exception {
        Chromium.requireOrSkip();
        Path dir = Files.createDirectories(tmp.resolve("wide"));
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 40; i++) row.append("<td>cell_number_").append(i).append("</td>");
        Path page = dir.resolve("index.html");
        Files.writeString(page, Html.pageStart("wide", Html.REPORT_STYLE) + "<table style=\"width:3000px\"><tr>" + row + "<td>LASTCELL</td></tr></table></body></html>");
        Printed p = print(tmp, page);
        boolean cut = p.maxRight() > p.minPageWidth() - 10 || !p.text().contains("LASTCELL");
        assertTrue(cut, "a 3000 px table does not fit A4 and the check says so (right edge " + p.maxRight() + ")");
    }

    @Test
    void theReportFitsNarrowAndWideWindowsWithoutAHorizontalScroll() throws Exception {
        Chromium.requireOrSkip();
        Path index = ReportTest.demoReport();
        Path probe = tmp.resolve("probe.html");
        String script = "<script>window.addEventListener('load',function(){var d=document.documentElement;"
                + "document.body.setAttribute('data-sw',d.scrollWidth);document.body.setAttribute('data-iw',window.innerWidth);});</script>";
        Files.writeString(probe, Files.readString(index).replace("</body>", script + "</body>"));
        for (int width : new int[] {800, 1280, 1600}) {
            String dom = Chromium.run(tmp, "--window-size=" + width + ",900", "--virtual-time-budget=5000", "--dump-dom", probe.toUri().toString());
            Matcher m = Pattern.compile("data-sw=\"(\\d+)\" data-iw=\"(\\d+)\"").matcher(dom);
            assertTrue(m.find(), "the probe ran at " + width);
            assertFalse(Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2)), width + " px: page " + m.group(1) + " px wide in a " + m.group(2) + " px window");
        }
    }

    @Test
    void aTwoRoundSelectionSectionFitsNarrowWindowsAndPrintsWhole() throws Exception {
        Chromium.requireOrSkip();
        Path r1 = SelectionSectionTest.round1(tmp.resolve("select")), r2 = SelectionSectionTest.round2(tmp.resolve("select-r2"));
        Report r = new Report("selection");
        Path page = Files.createDirectories(tmp.resolve("page"));
        SelectionSection.add(r, SelectionSection.readAll("--selection", List.of(r1, r2), page));
        Path index = ReportWriter.write(page, r);
        Path probe = page.resolve("probe.html");
        String script = "<script>window.addEventListener('load',function(){var d=document.documentElement;"
                + "document.body.setAttribute('data-sw',d.scrollWidth);document.body.setAttribute('data-iw',window.innerWidth);});</script>";
        Files.writeString(probe, Files.readString(index).replace("</body>", script + "</body>"));
        for (int width : new int[] {800, 1280}) {
            String dom = Chromium.run(tmp, "--window-size=" + width + ",900", "--virtual-time-budget=5000", "--dump-dom", probe.toUri().toString());
            Matcher m = Pattern.compile("data-sw=\"(\\d+)\" data-iw=\"(\\d+)\"").matcher(dom);
            assertTrue(m.find(), "the probe ran at " + width);
            assertFalse(Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2)), width + " px: page " + m.group(1) + " px wide in a " + m.group(2) + " px window");
        }
        Printed p = print(tmp, index);
        assertTrue(p.maxRight() <= p.minPageWidth() - 10, "every character inside the page: right edge " + p.maxRight() + " of " + p.minPageWidth());
        String flat = p.text().replaceAll("\\s+", " ");
        assertTrue(flat.contains("0.928 [0.835, 0.994]") && flat.contains("random_forest_no_mti"), "round 2's LM-AUROC and its last baseline row printed");
    }
}
