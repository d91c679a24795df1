package org.deephem.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Everything one report page shows, gathered before anything is written: the dataset summary,
 * configuration and provenance, tables, figures, the plain-language reading and its limits.
 */
public final class Report {
    /** A table saved as CSV + xlsx beside the page and shown in it. */
    public record NamedTable(String stem, String title, String caption, tech.tablesaw.api.Table table) {}

    /** A figure saved as PNG + SVG beside the page and embedded in it. */
    public record NamedFigure(String stem, String title, String caption, Chart<?, ?> chart) {}

    final String run;
    String datasetSummary = "";
    final Map<String, Object> config = new LinkedHashMap<>();
    final Map<String, Object> provenance = new LinkedHashMap<>();
    final List<NamedTable> tables = new ArrayList<>();
    final List<NamedFigure> figures = new ArrayList<>();
    final List<String> reading = new ArrayList<>();
    final List<String> limits = new ArrayList<>();

    public Report(String run) {
        this.run = run;
    }

    public Report datasetSummary(String text) {
        this.datasetSummary = text;
        return this;
    }

    public Report config(Map<String, ?> m) {
        config.putAll(m);
        return this;
    }

    /** Where the inputs came from (dataset hashes, model, commit); copied into every sidecar. */
    public Report provenance(Map<String, ?> m) {
        provenance.putAll(m);
        return this;
    }

    public Report table(String stem, String title, String caption, tech.tablesaw.api.Table t) {
        tables.add(new NamedTable(stem, title, caption, t));
        return this;
    }

    public Report figure(String stem, String title, String caption, Chart<?, ?> c) {
        figures.add(new NamedFigure(stem, title, caption, c));
        return this;
    }

    public Report reading(String sentence) {
        reading.add(sentence);
        return this;
    }

    public Report limit(String sentence) {
        limits.add(sentence);
        return this;
    }
}
