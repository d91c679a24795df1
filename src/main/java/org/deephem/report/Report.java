package org.deephem.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.figures.Figure;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Everything one report page shows, gathered before anything is written, in the order of a
 * paper's results section ({@link Section}): the answer first (banners, a headline paragraph,
 * figure and table), then one section per result, each with its sentences, tables and figures;
 * the long per-seed tables, configuration, provenance and file listing go to collapsed appendices.
 */
public final class Report {
    /** The page's sections in reading order; the headline sits under the title, the appendices last. */
    public enum Section {
        HEADLINE("headline", "The answer"),
        DATASET("dataset", "Dataset"),
        CV("cv", "Mouse cross-validation"),
        HUMAN("human", "Human correlations"),
        AUDIT("audit", "Circularity audit"),
        EXPERIMENTS("experiments", "Ablations and comparison"),
        TRAINING("training", "Training length"),
        CASE_STUDY("case-study", "Case study"),
        SELECTION("selection", "Selection of the default"),
        LIMITS("limits", "What this does not show"),
        APPENDIX("appendix", "Appendices");

        public final String id, title;

        Section(String id, String title) {
            this.id = id;
            this.title = title;
        }
    }

    /**
     * A table saved as CSV + xlsx beside the page and shown in it: {@code html} is its own wide
     * rendering on the page (null: the table as it is saved).
     */
    public record NamedTable(String stem, String title, String caption, tech.tablesaw.api.Table table, Section section, String html) {}

    /** A figure saved as PNG + SVG + PDF beside the page and embedded in it; {@code half}: two sit side by side. */
    public record NamedFigure(String stem, String title, String caption, Figure figure, Section section, boolean half) {}

    final String run;
    String datasetSummary = "";
    final Map<String, Object> config = new LinkedHashMap<>();
    final Map<String, Object> provenance = new LinkedHashMap<>();
    final List<NamedTable> tables = new ArrayList<>();
    final List<NamedFigure> figures = new ArrayList<>();
    /** Tables and figures in the order they were added (the page keeps it within a section). */
    final List<Object> items = new ArrayList<>();
    /** The plain-language sentences of each section, generated from the numbers. */
    final Map<Section, List<String>> text = new EnumMap<>(Section.class);
    final List<String> limits = new ArrayList<>();
    /** Said above everything else: what the data are (a demo dataset). */
    final List<String> banners = new ArrayList<>();
    /** Said right under them, as the first paragraph: a model that does not beat its baselines. */
    final List<String> warnings = new ArrayList<>();
    /** Small JSON files saved beside the page (name → content), e.g. the selection's decision, so that the page redraws itself. */
    final Map<String, Object> json = new LinkedHashMap<>();
    /** The first paragraph: the answer in a few sentences. */
    final List<String> headline = new ArrayList<>();

    public Report(String run) {
        this.run = run;
    }

    /** The dataset's inspection text (shown in an appendix; the Dataset section shows a table). */
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

    public Report table(Section s, String stem, String title, String caption, tech.tablesaw.api.Table t) {
        return table(s, stem, title, caption, t, null);
    }

    /** A table shown on the page as {@code html} (its own wide layout) and saved as it is. */
    public Report table(Section s, String stem, String title, String caption, tech.tablesaw.api.Table t, String html) {
        NamedTable n = new NamedTable(stem, title, caption, t, s, html);
        tables.add(n);
        items.add(n);
        return this;
    }

    public Report figure(Section s, String stem, String title, String caption, Chart<?, ?> c) {
        return figure(s, stem, title, caption, Figure.of(c), false);
    }

    public Report figure(Section s, String stem, String title, String caption, Figure f, boolean half) {
        NamedFigure n = new NamedFigure(stem, title, caption, f, s, half);
        figures.add(n);
        items.add(n);
        return this;
    }

    /** A sentence of the reading, shown in its section. */
    public Report text(Section s, String sentence) {
        text.computeIfAbsent(s, k -> new ArrayList<>()).add(sentence);
        return this;
    }

    /** Every sentence of the reading, section by section (for tests and the console). */
    public List<String> sentences() {
        List<String> out = new ArrayList<>(headline);
        text.values().forEach(out::addAll);
        return out;
    }

    public Report headline(String sentence) {
        headline.add(sentence);
        return this;
    }

    public Report banner(String sentence) {
        banners.add(sentence);
        return this;
    }

    /** A finding that must be read first (e.g. the model does not beat its baselines). */
    public Report warning(String sentence) {
        warnings.add(sentence);
        return this;
    }

    /** Saves {@code content} as {@code <dir>/<file>} beside the page. */
    public Report json(String file, Object content) {
        json.put(file, content);
        return this;
    }

    public Report limit(String sentence) {
        limits.add(sentence);
        return this;
    }
}
