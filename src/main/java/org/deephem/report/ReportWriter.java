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
import java.util.Locale;
import java.util.Map;
import org.deephem.analysis.TableFiles;
import org.deephem.figures.FigureFiles;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Hashing;
import org.deephem.io.Json;
import org.deephem.zoo.Provenance;

/**
 * Writes {@code <dir>/index.html} and everything beside it: each figure as PNG + SVG + PDF, each
 * table as CSV + xlsx through {@link TableFiles} (one {@code <file>.provenance.json} per file),
 * and for every figure and the page a {@code <stem>.provenance.json} naming the files with their
 * SHA-256, the inputs' provenance and the software. The page reads like a results section: the
 * banners and the answer (headline paragraph, figure, table) under the title, then one section
 * per result, then the appendices, collapsed. It embeds its images as data URIs and its style
 * inline, so it reads offline even when copied alone, and has no script. Every file is written
 * atomically; the page comes last, so a page never points at a missing file.
 */
public final class ReportWriter {
    private ReportWriter() {}

    public static Path write(Path dir, Report r) {
        String created = Instant.now().toString();
        Map<Object, String> html = new LinkedHashMap<>();
        for (Report.NamedFigure f : r.figures) {
            List<Path> files = FigureFiles.save(f.figure(), dir, f.stem());
            sidecar(dir, f.stem(), files, r, created, f.title());
            html.put(f, figure(f, files.get(0)));
        }
        for (Report.NamedTable t : r.tables) {
            Map<String, Object> about = about(r, created, t.title());
            about.put("caption", t.caption());
            TableFiles.write(t.table(), dir, t.stem(), about);
            html.put(t, table(t));
        }
        for (var e : r.json.entrySet()) Json.writeFile(dir.resolve(e.getKey()), e.getValue());
        Path index = dir.resolve("index.html");
        AtomicFiles.writeString(index, page(r, created, html, dir));
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
        Map<String, Object> about = about(r, created, what);
        if (stem.equals("index") && !r.config.isEmpty()) about.put("model_config", r.config); // so that a page redraws itself without its model zip
        sidecar(dir, stem, files, about);
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
        return "<figure id=\"fig-" + stem + "\"" + (f.half() ? " class=\"half\"" : "") + ">\n<img alt=\"" + Html.escape(f.title())
                + "\" width=\"" + f.figure().width() + "\" height=\"" + f.figure().height() + "\" src=\"data:image/png;base64," + data + "\">\n"
                + "<figcaption><b>" + Html.escape(f.title()) + ".</b> " + Html.escape(f.caption())
                + " <span class=\"files\"><a href=\"" + stem + ".png\">PNG</a> · <a href=\"" + stem + ".svg\">SVG</a> · <a href=\""
                + stem + ".pdf\">PDF</a> · <a href=\"" + stem + ".provenance.json\">provenance</a></span></figcaption>\n</figure>\n";
    }

    private static String table(Report.NamedTable t) {
        String stem = Html.escape(t.stem());
        return "<div class=\"table\" id=\"tab-" + stem + "\">\n<h3>" + Html.escape(t.title()) + "</h3>\n"
                + (t.html() != null ? t.html() : Html.table(t.table()))
                + "<p class=\"caption\">" + Html.escape(t.caption()) + " <span class=\"files\"><a href=\"" + stem + ".csv\">CSV</a> · <a href=\"" + stem
                + ".xlsx\">xlsx</a> · provenance of <a href=\"" + stem + ".csv.provenance.json\">CSV</a>, <a href=\"" + stem + ".xlsx.provenance.json\">xlsx</a></span></p>\n"
                + "</div>\n";
    }

    private static String page(Report r, String created, Map<Object, String> html, Path dir) {
        StringBuilder b = new StringBuilder();
        b.append(Html.pageStart("DeepHEM-J report: " + r.run, Html.REPORT_STYLE))
                .append("<h1>DeepHEM-J report: ").append(Html.escape(r.run)).append("</h1>\n");
        for (String s : r.banners) b.append("<p class=\"banner\">").append(Html.escape(s)).append("</p>\n");
        for (String s : r.warnings) b.append("<p class=\"banner warn\">").append(Html.escape(s)).append("</p>\n");
        b.append("<section id=\"headline\">\n<div class=\"lead-grid\">\n<p class=\"lead\">").append(Html.escape(String.join(" ", r.headline))).append("</p>\n");
        for (Object o : r.items) if (o instanceof Report.NamedFigure f && f.section() == Report.Section.HEADLINE) b.append(html.get(o));
        b.append("</div>\n");
        for (Object o : r.items) if (o instanceof Report.NamedTable t && t.section() == Report.Section.HEADLINE) b.append(html.get(o));
        b.append("</section>\n");
        b.append("<p class=\"meta\">Written ").append(Html.escape(created)).append(" by DeepHEM-J ")
                .append(Html.escape(org.deephem.zoo.BuildInfo.current().version())).append(". Provenance: <a href=\"index.provenance.json\">index.provenance.json</a>. Sections: ");
        List<String> nav = new ArrayList<>();
        int number = 0;
        for (Report.Section s : Report.Section.values()) {
            if (s == Report.Section.HEADLINE || !has(r, s)) continue;
            nav.add("<a href=\"#" + s.id + "\">" + Html.escape(s.title) + "</a>");
        }
        b.append(String.join(" · ", nav)).append(".</p>\n");
        for (Report.Section s : Report.Section.values()) {
            if (s == Report.Section.HEADLINE || s == Report.Section.APPENDIX || s == Report.Section.LIMITS || !has(r, s)) continue;
            number++;
            b.append("<section id=\"").append(s.id).append("\">\n<h2>").append(number).append(". ").append(Html.escape(s.title)).append("</h2>\n");
            List<String> text = r.text.getOrDefault(s, List.of());
            if (!text.isEmpty()) b.append("<p>").append(Html.escape(String.join(" ", text))).append("</p>\n");
            items(b, r, s, html);
            b.append("</section>\n");
        }
        b.append("<section id=\"limits\">\n<h2>").append(Html.escape(Report.Section.LIMITS.title)).append("</h2>\n<ul class=\"limits\">\n");
        for (String s : limits(r.limits)) b.append("<li>").append(Html.escape(s)).append("</li>\n");
        b.append("</ul>\n</section>\n");
        b.append("<section id=\"appendix\">\n<h2>").append(Html.escape(Report.Section.APPENDIX.title)).append("</h2>\n");
        char letter = 'A';
        List<Report.NamedTable> long_ = new ArrayList<>();
        for (Object o : r.items) if (o instanceof Report.NamedTable t && t.section() == Report.Section.APPENDIX) long_.add(t);
        if (!long_.isEmpty()) {
            b.append("<details id=\"long-tables\"><summary>").append(letter++).append(". The long tables: every run, every figure (").append(long_.size()).append(")</summary>\n");
            int k = 1;
            for (Report.NamedTable t : long_) {
                b.append("<details id=\"app-").append(Html.escape(t.stem())).append("\"><summary>").append((char) (letter - 1)).append(k++).append(". ")
                        .append(Html.escape(t.title())).append(" (").append(t.table().rowCount()).append(" rows)</summary>\n").append(html.get(t)).append("</details>\n");
            }
            b.append("</details>\n");
        }
        b.append("<details id=\"config\"><summary>").append(letter++).append(". Configuration and provenance</summary>\n<h3>Model configuration</h3>\n")
                .append(r.config.isEmpty() ? "<p>None recorded.</p>\n" : Html.keyValues(r.config))
                .append("<h3>Provenance of the inputs</h3>\n").append(Html.keyValues(r.provenance)).append("</details>\n");
        if (!r.datasetSummary.isEmpty()) {
            b.append("<details id=\"dataset-inspection\"><summary>").append(letter++).append(". Dataset inspection (as <code>inspect</code> prints it)</summary>\n<pre>")
                    .append(Html.escape(r.datasetSummary)).append("</pre></details>\n");
        }
        b.append("<details id=\"files\"><summary>").append(letter).append(". Files beside this page</summary>\n").append(files(dir)).append("</details>\n");
        b.append("</section>\n");
        return b.append("</body>\n</html>\n").toString();
    }

    /** The limits, with the same sentence said of several experiments said once ("Experiments a, b: …"). */
    static List<String> limits(List<String> limits) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("Experiment (\\S+): (.*)");
        Map<String, List<String>> grids = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (String s : limits) {
            java.util.regex.Matcher m = p.matcher(s);
            if (m.matches()) {
                if (!grids.containsKey(m.group(2))) out.add("\u0000" + m.group(2));
                grids.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(m.group(1));
            } else {
                out.add(s);
            }
        }
        return out.stream().map(s -> {
            if (!s.startsWith("\u0000")) return s;
            List<String> names = grids.get(s.substring(1));
            return (names.size() == 1 ? "Experiment " : "Experiments ") + String.join(", ", names) + ": " + s.substring(1);
        }).toList();
    }

    private static boolean has(Report r, Report.Section s) {
        if (s == Report.Section.LIMITS || s == Report.Section.APPENDIX) return true;
        if (!r.text.getOrDefault(s, List.of()).isEmpty()) return true;
        for (Object o : r.items) {
            if (o instanceof Report.NamedTable t && t.section() == s) return true;
            if (o instanceof Report.NamedFigure f && f.section() == s) return true;
        }
        return false;
    }

    /** A section's tables, then its figures, each in the order they were added; consecutive half-width figures share a row. */
    private static void items(StringBuilder b, Report r, Report.Section s, Map<Object, String> html) {
        boolean open = false;
        List<Object> ordered = new ArrayList<>();
        for (Object o : r.items) if (o instanceof Report.NamedTable) ordered.add(o);
        for (Object o : r.items) if (o instanceof Report.NamedFigure) ordered.add(o);
        for (Object o : ordered) {
            Report.Section in = o instanceof Report.NamedTable t ? t.section() : ((Report.NamedFigure) o).section();
            if (in != s) continue;
            boolean half = o instanceof Report.NamedFigure f && f.half();
            if (half && !open) {
                b.append("<div class=\"pair\">\n");
                open = true;
            } else if (!half && open) {
                b.append("</div>\n");
                open = false;
            }
            b.append(html.get(o));
        }
        if (open) b.append("</div>\n");
    }

    /** Every file in the folder (the page's own files and the run's), with its size and a short SHA-256. */
    private static String files(Path dir) {
        List<Path> all = new ArrayList<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp")).sorted().forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
        StringBuilder b = new StringBuilder("<table class=\"files-list\">\n<thead><tr><th>file</th><th>bytes</th><th>SHA-256 (first 12)</th></tr></thead>\n<tbody>\n");
        for (Path p : all) {
            if (p.getFileName().toString().equals("index.html") && p.getParent().equals(dir)) continue; // being written
            String rel = dir.relativize(p).toString().replace('\\', '/');
            long size;
            try {
                size = Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            b.append("<tr><td><a href=\"").append(Html.escape(rel)).append("\">").append(Html.escape(rel)).append("</a></td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%,d", size)).append("</td><td><code>").append(Hashing.sha256(p), 0, 12).append("</code></td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }
}
