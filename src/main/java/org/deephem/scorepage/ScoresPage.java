package org.deephem.scorepage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deephem.eval.MemberSpread;
import org.deephem.features.RnaFolder;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.io.Outputs;
import org.deephem.report.Cells;
import org.deephem.report.Html;
import org.deephem.report.ReportWriter;
import org.deephem.zoo.BuildInfo;
import org.deephem.zoo.Provenance;

/**
 * The page of a user's scores ({@code score … --report DIR}): one self-contained
 * {@code index.html} (style, script and drawings inline; it reads offline, even copied alone)
 * and {@code index.provenance.json} beside it. The page has a summary, a table of every
 * scored precursor that sorts by any column, the hairpins of the top N and of the IDs the user
 * named (coloured by nucleotide attribution, with the top features), a short guide to the
 * numbers, and the provenance.
 *
 * <p>The page text depends only on the input (no clock): the same scores give the same page.
 */
public final class ScoresPage {
    /** Skip reasons listed on the page; more are counted, and all are in the caller's own log. */
    static final int MAX_SKIPPED_SHOWN = 200;

    private ScoresPage() {}

    /**
     * Writes {@code <dir>/index.html} and {@code <dir>/index.provenance.json}, each atomically
     * (the page first, then the sidecar that hashes it); other files in {@code dir} are left
     * alone. The caller checks that {@code dir} is not one of its inputs
     * ({@link Outputs#requireNotInput}) before it does the scoring.
     *
     * @return the page
     */
    public static Path write(Path dir, PageInput in) {
        if (Outputs.isStdout(dir)) throw new InputError("the scores page is a folder (index.html and its provenance); give a folder, not '-'");
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw InputError.at(dir, "is a file; give the name of a folder for the scores page");
        String html = html(in);
        Path index = dir.resolve("index.html");
        AtomicFiles.writeString(index, html);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("what", "scores page");
        about.put("model", in.modelName());
        about.put("members", in.members());
        about.put("scored", in.rows().size());
        about.put("skipped", in.skippedLines().size());
        about.put("created", Instant.now().toString());
        about.put("inputs", in.provenance());
        about.put("environment", Provenance.environment());
        ReportWriter.sidecar(dir, "index", List.of(index), about);
        return index;
    }

    /** The page's text. */
    static String html(PageInput in) {
        List<ScoredMiRna> rows = in.rows();
        int[] order = rankOrder(rows);
        int[] rankOf = new int[rows.size()];
        for (int r = 0; r < order.length; r++) rankOf[order[r]] = r + 1;
        List<Integer> drawn = drawnRows(in, order);
        boolean[] isDrawn = new boolean[rows.size()];
        for (int i : drawn) isDrawn[i] = true;

        StringBuilder b = new StringBuilder(rows.size() * 260 + drawn.size() * 30_000 + 20_000);
        b.append(Html.pageStart("DeepHEM-J scores: " + in.modelName(), STYLE));
        b.append("<h1>DeepHEM-J scores: ").append(Html.escape(in.modelName())).append("</h1>\n");
        if (!in.modelDescription().isBlank()) b.append("<p class=\"meta\">").append(Html.escape(in.modelDescription())).append("</p>\n");
        if (in.demoModel()) {
            b.append("<p class=\"banner\" role=\"alert\"><b>Demo model:</b> model trained on synthetic demo data — scores mean nothing.</p>\n");
        }
        summary(b, in);
        b.append("<nav><ol><li><a href=\"#reading\">How to read this</a></li><li><a href=\"#scores\">Scores</a></li>")
                .append("<li><a href=\"#hairpins\">Hairpins</a></li><li><a href=\"#provenance\">Provenance</a></li></ol></nav>\n");
        reading(b, in);
        table(b, in, order, rankOf, isDrawn);
        hairpins(b, in, drawn, rankOf);
        provenance(b, in);
        b.append("<script>\n").append(SORT_SCRIPT).append("</script>\n");
        return b.append("</body>\n</html>\n").toString();
    }

    /** Row indices best first: score descending, then ID, then input order (a total, stable order). */
    static int[] rankOrder(List<ScoredMiRna> rows) {
        Integer[] idx = new Integer[rows.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -rows.get(i).score())
                .thenComparing(i -> rows.get(i).id()).thenComparingInt(i -> i));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = idx[i];
        return out;
    }

    /** The top N rows and every row whose ID the user named, in rank order. */
    static List<Integer> drawnRows(PageInput in, int[] order) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            if (r < in.topN() || in.highlightIds().contains(in.rows().get(order[r]).id())) out.add(order[r]);
        }
        return out;
    }

    private static void summary(StringBuilder b, PageInput in) {
        int n = in.rows().size(), skipped = in.skippedLines().size();
        b.append("<p class=\"summary\"><b>").append(count(n)).append(n == 1 ? " precursor" : " precursors").append(" scored</b>, ")
                .append(count(skipped)).append(" skipped, by <b>").append(Html.escape(in.modelName())).append("</b> (")
                .append(in.ensemble() ? "an ensemble of " + in.members() + " members" : "a single model").append("). ");
        if (in.referenceDescription() != null) {
            b.append("Percentiles are among ").append(Html.escape(in.referenceDescription())).append('.');
        } else {
            b.append("This model carries no reference scores, so no percentiles are shown.");
        }
        b.append("</p>\n");
        if (skipped > 0) {
            b.append("<details class=\"skipped\"><summary>Why ").append(count(skipped)).append(skipped == 1 ? " record was" : " records were")
                    .append(" skipped</summary>\n<ul>\n");
            for (int i = 0; i < Math.min(skipped, MAX_SKIPPED_SHOWN); i++) {
                b.append("<li>").append(Html.escape(in.skippedLines().get(i))).append("</li>\n");
            }
            if (skipped > MAX_SKIPPED_SHOWN) b.append("<li>… and ").append(count(skipped - MAX_SKIPPED_SHOWN)).append(" more</li>\n");
            b.append("</ul>\n</details>\n");
        }
    }

    private static void reading(StringBuilder b, PageInput in) {
        b.append("<section id=\"reading\">\n<h2>How to read this</h2>\n<p>")
                .append("<b>Score</b>: the model's probability that the precursor is essential")
                .append(in.ensemble() ? ", averaged over the ensemble's members (mean member probability); the <b>range</b> is the "
                        + Html.escape(MemberSpread.DEFINITION) + ", a measure of how much the members disagree" : "")
                .append(". The model was trained on labelled mouse precursors and transferred to human: read the scores as a ranking, not as calibrated chances for single precursors. ")
                .append("<b>Percentile</b>: where the score falls among the reference scores of the same model (100 × (number below + ½ number equal) / n); 90 means the score is above 90 % of the reference. ")
                .append("<b>Attribution</b>: integrated gradients of the model's logit; a nucleotide or feature with a positive attribution (red) pushes the score toward essential, a negative one (blue) toward non-essential, and grey means no attribution was computed. ")
                .append("Each drawing's colour scale runs to the largest |attribution| of that precursor, so colours compare nucleotides within a drawing, not between drawings. ")
                .append("The structures are minimum-free-energy folds, drawn with each loop as a circle.</p>\n</section>\n");
    }

    private static void table(StringBuilder b, PageInput in, int[] order, int[] rankOf, boolean[] isDrawn) {
        List<ScoredMiRna> rows = in.rows();
        b.append("<section id=\"scores\">\n<h2>Scores</h2>\n<p class=\"caption\">Click a column's header to sort by it; click again to reverse.")
                .append(in.ensemble() ? " The range column sorts by the range's width." : "")
                .append(" IDs with a drawing below are links.</p>\n")
                .append("<div class=\"scroll tall\"><table class=\"sortable\" id=\"scores-table\">\n<thead><tr>")
                .append("<th data-type=\"num\" aria-sort=\"ascending\">rank</th><th data-type=\"text\">ID</th><th data-type=\"num\">score</th>")
                .append("<th data-type=\"num\" title=\"").append(Html.escape(MemberSpread.DEFINITION)).append("\">ensemble range</th>")
                .append("<th data-type=\"num\">percentile</th><th data-type=\"num\">length (nt)</th></tr></thead>\n<tbody>\n");
        for (int i : order) {
            ScoredMiRna s = rows.get(i);
            String id = Html.escape(s.id());
            b.append("<tr><td class=\"num\" data-v=\"").append(rankOf[i]).append("\">").append(rankOf[i]).append("</td><td>");
            if (isDrawn[i]) b.append("<a href=\"#hp-").append(rankOf[i]).append("\">").append(id).append("</a>");
            else b.append(id);
            b.append("</td><td class=\"num\" data-v=\"").append(raw(s.score())).append("\">").append(probability(s.score())).append("</td>");
            if (s.hasRange()) {
                b.append("<td class=\"num\" data-v=\"").append(raw(s.high() - s.low())).append("\">").append(probability(s.low())).append("–")
                        .append(probability(s.high())).append("</td>");
            } else {
                b.append("<td class=\"num\" data-v=\"\">—</td>");
            }
            if (Double.isNaN(s.percentile())) b.append("<td class=\"num\" data-v=\"\">—</td>");
            else b.append("<td class=\"num\" data-v=\"").append(raw(s.percentile())).append("\">").append(percent(s.percentile())).append("</td>");
            b.append("<td class=\"num\" data-v=\"").append(s.length()).append("\">").append(s.length()).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void hairpins(StringBuilder b, PageInput in, List<Integer> drawn, int[] rankOf) {
        b.append("<section id=\"hairpins\">\n<h2>Hairpins</h2>\n<p class=\"caption\">");
        if (in.topN() > 0) b.append("The ").append(count(Math.min(in.topN(), in.rows().size()))).append(" best-scored precursors");
        else b.append("No top precursors were asked for");
        if (!in.highlightIds().isEmpty()) b.append(" and the ").append(in.highlightIds().size() == 1 ? "ID" : "IDs").append(" you named");
        b.append(", drawn from their MFE structures. Hover over a nucleotide for its position and attribution.</p>\n");
        TreeSet<String> missing = new TreeSet<>(in.highlightIds());
        for (ScoredMiRna s : in.rows()) missing.remove(s.id());
        if (!missing.isEmpty()) {
            b.append("<p class=\"warn\">Not among the scored precursors, so not drawn: ");
            int k = 0;
            for (String id : missing) b.append(k++ == 0 ? "" : ", ").append("<code>").append(Html.escape(id)).append("</code>");
            b.append(".</p>\n");
        }
        RnaFolder folder = null;
        for (int i : drawn) {
            ScoredMiRna s = in.rows().get(i);
            int rank = rankOf[i];
            b.append("<article class=\"hp\" id=\"hp-").append(rank).append("\">\n<h3>#").append(rank).append(' ').append(Html.escape(s.id()));
            if (rank > in.topN()) b.append(" <span class=\"tag\">named</span>");
            b.append("</h3>\n<p class=\"meta\">score ").append(probability(s.score()));
            if (s.hasRange()) b.append(" (range ").append(probability(s.low())).append("–").append(probability(s.high())).append(')');
            if (!Double.isNaN(s.percentile())) b.append(", percentile ").append(percent(s.percentile()));
            b.append(", ").append(s.length()).append(" nt");
            String structure = s.structure();
            String problem = null;
            if (structure == null) {
                try {
                    if (folder == null) folder = new RnaFolder();
                    structure = folder.fold(s.sequence().toUpperCase(Locale.ROOT).replace('T', 'U')).structure();
                    b.append(", structure folded for this page (RNAfold defaults)");
                } catch (IllegalArgumentException e) {
                    problem = "no structure could be folded: " + e.getMessage();
                }
            }
            b.append("</p>\n");
            if (problem != null) {
                b.append("<p class=\"warn\">").append(Html.escape(problem)).append("</p>\n</article>\n");
                continue;
            }
            double[] att = s.nucleotideAttribution();
            b.append("<figure>\n<div class=\"drawing\">").append(HairpinSvg.svg(s.id(), s.sequence(), structure, att)).append("</div>\n")
                    .append(HairpinSvg.legend(HairpinSvg.scaleOf(att), att != null)).append("</figure>\n");
            b.append("<pre class=\"db\">").append(Html.escape(s.sequence())).append('\n').append(Html.escape(structure)).append("</pre>\n");
            features(b, s.topFeatures());
            b.append("</article>\n");
        }
        b.append("</section>\n");
    }

    /** The top features, largest |attribution| first, each with a bar on one scale for the precursor. */
    private static void features(StringBuilder b, List<FeatureAttribution> features) {
        if (features.isEmpty()) {
            b.append("<p class=\"meta\">No feature attributions (the scores were not explained).</p>\n");
            return;
        }
        List<FeatureAttribution> sorted = new ArrayList<>(features);
        sorted.sort(Comparator.comparingDouble((FeatureAttribution f) -> -Math.abs(f.attribution())));
        double max = 0;
        for (FeatureAttribution f : sorted) max = Math.max(max, Math.abs(f.attribution()));
        boolean ranges = sorted.stream().anyMatch(FeatureAttribution::hasRange);
        b.append("<table class=\"features\">\n<thead><tr><th>feature</th><th>value</th><th>attribution</th><th></th>")
                .append(ranges ? "<th>members' range</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (FeatureAttribution f : sorted) {
            double a = f.attribution();
            int width = max == 0 || !Double.isFinite(a) ? 0 : (int) Math.round(80 * Math.abs(a) / max);
            b.append("<tr><td>").append(Html.escape(f.name())).append("</td><td class=\"num\">").append(Cells.number(f.value()))
                    .append("</td><td class=\"num\">").append(HairpinSvg.signed(a)).append("</td><td class=\"barcell\"><span class=\"bar\" style=\"width:")
                    .append(width).append("px;background:").append(a < 0 ? HairpinSvg.NEGATIVE : HairpinSvg.POSITIVE).append("\"></span></td>");
            if (ranges) {
                b.append("<td class=\"num\">").append(f.hasRange() ? HairpinSvg.signed(f.low()) + " to " + HairpinSvg.signed(f.high()) : "—").append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void provenance(StringBuilder b, PageInput in) {
        b.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n<p class=\"meta\">Written by DeepHEM-J ")
                .append(Html.escape(BuildInfo.current().version()))
                .append(". The same facts, with the time of writing, the software and this page's SHA-256: <a href=\"index.provenance.json\">index.provenance.json</a>.</p>\n")
                .append("<details><summary>Where these scores came from</summary>\n<table class=\"kv\">\n<tbody>\n");
        Map<String, String> flat = new TreeMap<>();
        flatten("", in.provenance(), flat);
        for (Map.Entry<String, String> e : flat.entrySet()) {
            b.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td>").append(Html.escape(e.getValue())).append("</td></tr>\n");
        }
        if (flat.isEmpty()) b.append("<tr><td>none given</td></tr>\n");
        b.append("</tbody>\n</table>\n</details>\n</section>\n");
    }

    /** Nested maps as dotted keys (sorted, so any map gives the same page); lists and other values as JSON text. */
    static void flatten(String prefix, Map<?, ?> m, Map<String, String> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            Object v = e.getValue();
            if (v instanceof Map<?, ?> inner && !inner.isEmpty()) flatten(key, inner, out);
            else if (v == null) out.put(key, "");
            else if (v instanceof String || v instanceof Number || v instanceof Boolean) out.put(key, String.valueOf(v));
            else out.put(key, Json.write(v).strip());
        }
    }

    /** A probability as the report shows numbers, but 0 and 1 as 0.000 and 1.000 beside their neighbours' four digits. */
    static String probability(double p) {
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.4g", p) : Cells.number(p);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f", p);
    }

    /** Full precision for sorting; the cell shows the rounded value. */
    private static String raw(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** The page's own rules on top of {@link Html#STYLE}. */
    static final String STYLE = """
            .banner{background:#fff3cd;border:2px solid #d39e00;padding:.6em 1em;font-size:1.05em}
            .summary{font-size:1.05em}.warn{color:#8a4b00}.tag{font-size:.7em;background:#eef2f6;border:1px solid #ccc;border-radius:3px;padding:0 .3em;vertical-align:middle}
            .tall{max-height:34em;overflow-y:auto;border:1px solid #ddd;display:inline-block;max-width:100%}.tall table{margin:0}
            table.sortable th{cursor:pointer;user-select:none;position:sticky;top:0;white-space:nowrap}
            table.sortable th[aria-sort=ascending]::after{content:" ▲"}table.sortable th[aria-sort=descending]::after{content:" ▼"}
            article.hp{border-top:1px solid #ddd;margin-top:1.2em}.drawing{overflow-x:auto}svg.hairpin{max-width:100%;height:auto;display:block}
            svg.legend{display:block;margin-top:.3em}pre.db{font-size:.8em;white-space:pre;overflow-x:auto}
            table.features td.barcell{width:90px;border-left:none}.bar{display:inline-block;height:.8em;vertical-align:middle}
            table.kv th{white-space:nowrap;vertical-align:top}table.kv td{word-break:break-all}
            """;

    /**
     * Sorts a table by the clicked header: numbers by their {@code data-v} (cells without one
     * last, either way), text by its content; equal keys keep their earlier order.
     */
    static final String SORT_SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function(t){
              var heads=t.tHead.rows[0].cells;
              Array.prototype.forEach.call(heads,function(th,c){
                th.tabIndex=0;
                function sort(){
                  var asc=th.getAttribute('aria-sort')!=='ascending', num=th.getAttribute('data-type')==='num';
                  Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
                  th.setAttribute('aria-sort',asc?'ascending':'descending');
                  var body=t.tBodies[0], rows=Array.prototype.slice.call(body.rows);
                  var keyed=rows.map(function(r,i){var cell=r.cells[c],v=cell.getAttribute('data-v');
                    return {r:r,i:i,k:num?(v===null||v===''?NaN:parseFloat(v)):cell.textContent};});
                  keyed.sort(function(a,b){
                    if(num){var an=isNaN(a.k),bn=isNaN(b.k);
                      if(an||bn){return an&&bn?a.i-b.i:(an?1:-1);}
                      if(a.k!==b.k){return asc?a.k-b.k:b.k-a.k;}}
                    else{var d=a.k.localeCompare(b.k);if(d!==0){return asc?d:-d;}}
                    return a.i-b.i;});
                  keyed.forEach(function(x){body.appendChild(x.r);});
                }
                th.addEventListener('click',sort);
                th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sort();}});
              });
            });
            """;
}
