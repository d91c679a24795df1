package org.deephem.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.analysis.TableFiles;
import org.deephem.figures.FigureFiles;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.deephem.zoo.Provenance;

/**
 * Writes {@code <dir>/index.html} and everything beside it: each figure as PNG + SVG, each
 * table as CSV + xlsx through {@link TableFiles} (one {@code <file>.provenance.json} per file),
 * and for every figure and the page a {@code <stem>.provenance.json} naming the files with their SHA-256, the inputs' provenance and the software. The page embeds its images
 * as data URIs and its style inline, so it reads offline even when copied alone. Every file is
 * written atomically; the page comes last, so a page never points at a missing file.
 */
public final class ReportWriter {
    private ReportWriter() {}

    public static Path write(Path dir, Report r) {
        String created = Instant.now().toString();
        List<String> figureHtml = new ArrayList<>();
        for (Report.NamedFigure f : r.figures) {
            List<Path> files = FigureFiles.save(f.chart(), dir, f.stem());
            sidecar(dir, f.stem(), files, r, created, f.title());
            figureHtml.add(figure(f, files.get(0)));
        }
        List<String> tableHtml = new ArrayList<>();
        for (Report.NamedTable t : r.tables) {
            TableFiles.write(t.table(), dir, t.stem(), about(r, created, t.title()));
            tableHtml.add(table(t));
        }
        Path index = dir.resolve("index.html");
        AtomicFiles.writeString(index, page(r, created, tableHtml, figureHtml));
        sidecar(dir, "index", List.of(index), r, created, "report page");
        return index;
    }

    /** What every sidecar of the report says besides its files: what, run, when, inputs, software. */
    private static Map<String, Object> about(Report r, String created, String what) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("run", r.run);
        m.put("created", created);
        m.put("inputs", r.provenance);
        m.put("environment", Provenance.environment());
        return m;
    }

    private static void sidecar(Path dir, String stem, List<Path> files, Report r, String created, String what) {
        sidecar(dir, stem, files, about(r, created, what));
    }

    /**
     * Writes {@code <dir>/<stem>.provenance.json}: {@code about} (what, when, inputs, software)
     * plus the SHA-256 of each file. Shared by every page this project writes.
     */
    public static void sidecar(Path dir, String stem, List<Path> files, Map<String, Object> about) {
        Map<String, Object> m = new LinkedHashMap<>(about);
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path f : files) hashes.put(f.getFileName().toString(), Hashing.sha256(f));
        m.put("files_sha256", hashes);
        Json.writeFile(dir.resolve(stem + ".provenance.json"), m);
    }

    private static String figure(Report.NamedFigure f, Path png) {
        String data;
        try {
            data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + png + ": " + e.getMessage(), e);
        }
        String stem = Html.escape(f.stem());
        return "<figure id=\"fig-" + stem + "\">\n<img alt=\"" + Html.escape(f.title()) + "\" src=\"data:image/png;base64," + data + "\">\n"
                + "<figcaption><b>" + Html.escape(f.title()) + ".</b> " + Html.escape(f.caption())
                + " <span class=\"files\">Files: <a href=\"" + stem + ".png\">PNG</a> · <a href=\"" + stem + ".svg\">SVG</a> · <a href=\""
                + stem + ".provenance.json\">provenance</a></span></figcaption>\n</figure>\n";
    }

    private static String table(Report.NamedTable t) {
        String stem = Html.escape(t.stem());
        return "<div class=\"table\" id=\"tab-" + stem + "\">\n<h3>" + Html.escape(t.title()) + "</h3>\n<p class=\"caption\">"
                + Html.escape(t.caption()) + " <span class=\"files\">Files: <a href=\"" + stem + ".csv\">CSV</a> · <a href=\"" + stem
                + ".xlsx\">xlsx</a> · provenance of <a href=\"" + stem + ".csv.provenance.json\">CSV</a>, <a href=\"" + stem + ".xlsx.provenance.json\">xlsx</a></span></p>\n"
                + "<div class=\"scroll\">" + Html.table(t.table()) + "</div></div>\n";
    }

    private static String page(Report r, String created, List<String> tables, List<String> figures) {
        StringBuilder b = new StringBuilder();
        b.append(Html.pageStart("DeepHEM-J report: " + r.run, ""))
                .append("<h1>DeepHEM-J report: ").append(Html.escape(r.run)).append("</h1>\n")
                .append("<p class=\"meta\">Written ").append(Html.escape(created)).append(" by DeepHEM-J ")
                .append(Html.escape(org.deephem.zoo.BuildInfo.current().version())).append(". Provenance of this page: <a href=\"index.provenance.json\">index.provenance.json</a>.</p>\n")
                .append("<nav><ol><li><a href=\"#dataset\">Dataset</a></li><li><a href=\"#reading\">What the results say</a></li>")
                .append("<li><a href=\"#tables\">Tables</a></li><li><a href=\"#figures\">Figures</a></li>")
                .append("<li><a href=\"#limits\">What this does not show</a></li><li><a href=\"#config\">Configuration and provenance</a></li></ol></nav>\n");
        b.append("<section id=\"dataset\">\n<h2>Dataset</h2>\n<pre>").append(Html.escape(r.datasetSummary)).append("</pre>\n</section>\n");
        b.append("<section id=\"reading\">\n<h2>What the results say</h2>\n<ul class=\"reading\">\n");
        for (String s : r.reading) b.append("<li>").append(Html.escape(s)).append("</li>\n");
        b.append("</ul>\n</section>\n");
        b.append("<section id=\"tables\">\n<h2>Tables</h2>\n");
        tables.forEach(b::append);
        b.append("</section>\n<section id=\"figures\">\n<h2>Figures</h2>\n");
        figures.forEach(b::append);
        b.append("</section>\n<section id=\"limits\">\n<h2>What this does not show</h2>\n<ul class=\"limits\">\n");
        for (String s : r.limits) b.append("<li>").append(Html.escape(s)).append("</li>\n");
        b.append("</ul>\n</section>\n");
        b.append("<section id=\"config\">\n<h2>Configuration and provenance</h2>\n<h3>Configuration</h3>\n<pre>")
                .append(Html.escape(Json.write(r.config))).append("</pre>\n<h3>Provenance of the inputs</h3>\n<pre>")
                .append(Html.escape(Json.write(r.provenance))).append("</pre>\n</section>\n");
        return b.append("</body>\n</html>\n").toString();
    }
}
