package org.deephem.testutil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small files that expand to large text, for the readers' limits (audit issue 23). */
public final class Hostile {
    private Hostile() {}

    /** gzip of {@code head}, then {@code repeat} copies of {@code piece}, then {@code tail}. */
    public static Path gzip(Path f, String head, String piece, long repeat, String tail) throws IOException {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
            os.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] p = piece.getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < repeat; i++) os.write(p);
            os.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    /** Writes the rows of a sheet's {@code <sheetData>} (row elements, as XML text). */
    @FunctionalInterface
    public interface SheetRows {
        void write(java.io.Writer w) throws IOException;
    }

    /**
     * An xlsx: the parts of {@code template} (a workbook this project wrote) with its first sheet
     * replaced by {@code rows}, so a test can write cells no writer would (a far column, a style).
     * Cells are written as {@code <c r="B2" t="inlineStr"><is><t>text</t></is></c>} or
     * {@code <c r="B2"><v>1</v></c>}; {@code styles} replaces xl/styles.xml when not null.
     */
    public static Path xlsx(Path out, Path template, String styles, SheetRows rows) throws IOException {
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(template.toFile());
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                if (e.getName().equals(SHEET) || styles != null && e.getName().equals("xl/styles.xml")) continue;
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(z);
            }
            if (styles != null) {
                z.putNextEntry(new java.util.zip.ZipEntry("xl/styles.xml"));
                z.write(styles.getBytes(StandardCharsets.UTF_8));
            }
            z.putNextEntry(new java.util.zip.ZipEntry(SHEET));
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(z, StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            rows.write(w);
            w.write("</sheetData></worksheet>");
            w.flush();
        }
        return out;
    }

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    /** An inline text cell. */
    public static String text(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** The styles of a workbook this project wrote, with style 1 formatting numbers as dates (Excel's m/d/yy). */
    public static final String DATE_STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"1\"><font><sz val=\"11.0\"/>"
            + "<name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";

    /**
     * Rewrites one cell of an xlsx this project wrote, in place: {@code cellXml} replaces the
     * {@code <c r="ref">} element (which must exist); {@code styles} replaces xl/styles.xml when not null.
     */
    public static void editCell(Path xlsx, String ref, String cellXml, String styles) throws IOException {
        String sheet;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(xlsx.toFile())) {
            sheet = new String(z.getInputStream(z.getEntry(SHEET)).readAllBytes(), StandardCharsets.UTF_8);
        }
        String rows = sheet.substring(sheet.indexOf("<sheetData>") + "<sheetData>".length(), sheet.indexOf("</sheetData>"));
        String edited = rows.replaceFirst("<c r=\"" + ref + "\"(?: [^>]*)?>.*?</c>", java.util.regex.Matcher.quoteReplacement(cellXml));
        if (edited.equals(rows)) throw new IllegalArgumentException("no cell " + ref + " in " + xlsx);
        Path copy = Files.createTempFile(xlsx.getParent(), "template", ".xlsx");
        try {
            Files.copy(xlsx, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            xlsx(xlsx, copy, styles, w -> w.write(edited));
        } finally {
            Files.delete(copy);
        }
    }
}
