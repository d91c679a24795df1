package org.deephem.report;

import java.util.Locale;
import org.deephem.casestudy.XgemAgreement;
import tech.tablesaw.api.Table;

/**
 * The case study in a report: the top-N table and, when XGEM's calls and unlabelled-mouse scores
 * are at hand, the agreement with them (a sanity comparison, not truth). It reports only.
 */
public final class CaseStudySection {
    private CaseStudySection() {}

    /** The table as the page shows it: without the long list of disease names (their count stays; the names are in the CSV). */
    static Table shown(Table top) {
        Table t = top.copy();
        for (String c : java.util.List.of("hmdd_diseases", "family_from")) if (t.columnNames().contains(c)) t.removeColumns(c);
        return t;
    }

    /**
     * The case study a {@code case-study -o DIR} run saved ({@code case_study.csv}, and
     * {@code xgem_agreement.csv} when it compared), as a section of a run's page: the same rows, read back.
     */
    public static void addSaved(Report r, java.nio.file.Path dir) {
        java.nio.file.Path csv = dir.resolve("case_study.csv"), agree = dir.resolve("xgem_agreement.csv");
        Table top;
        try {
            top = Table.read().csv(tech.tablesaw.io.csv.CsvReadOptions.builder(csv.toFile()).tableName("case_study").maxCharsPerColumn(1_000_000).build());
        } catch (RuntimeException e) {
            throw org.deephem.io.InputError.at(csv, "cannot read the case study (" + e.getMessage() + ")");
        }
        XgemAgreement.Result a = null;
        if (java.nio.file.Files.isRegularFile(agree)) {
            Table x = Table.read().csv(agree.toFile());
            a = new XgemAgreement.Result(x.intColumn("n").getInt(0), x.intColumn("xgem_essential").getInt(0), x.doubleColumn("auroc").getDouble(0),
                    x.intColumn("top_n").getInt(0), x.intColumn("top_n_xgem_essential").getInt(0), x.doubleColumn("expected_by_chance").getDouble(0));
        }
        add(r, top, "the scores the case-study command ranked (" + dir.getFileName() + "/, read back)", a, "the case study made no comparison");
    }

    /**
     * @param agreement null when there is nothing to compare with; {@code why} then says why
     */
    public static void add(Report r, Table top, String scoresFrom, XgemAgreement.Result agreement, String why) {
        boolean interval = top.columnNames().contains("score_low");
        r.table(Report.Section.CASE_STUDY, "case_study", "The top " + top.rowCount() + " human miRNAs by score",
                "Ranked by " + scoresFrom + ". Family: miRBase family where known, else the name stem. Conservation: species sharing a seed; "
                        + "TargetScan class: −1 none … 2 broadly conserved; DSW: share of the 374 HMDD v3.2 diseases; HMDD diseases: names matched as for DSW. "
                        + "Mouse orthologue: the mouse precursor of the same name and its knockout label where one exists."
                        + (interval ? " score_low/score_high: the 2.5–97.5 % range of the ensemble members' probabilities." : "")
                        + (top.columnNames().contains("hmdd_diseases") ? " The disease names: case_study.csv." : ""),
                top, Html.table(shown(top)));
        r.text(Report.Section.CASE_STUDY, "The case study lists the " + top.rowCount() + " highest-scoring human miRNAs beside their indicators; it chooses nothing and the indicators judge only.");
        int labelled = 0, essential = 0;
        for (String l : top.stringColumn("mouse_label")) {
            if (l.equals("essential") || l.equals("non-essential")) labelled++;
            if (l.equals("essential")) essential++;
        }
        if (labelled > 0) {
            r.text(Report.Section.CASE_STUDY, labelled + " of these " + top.rowCount() + " have a mouse orthologue of the same name among the labelled mouse miRNAs the model learned from ("
                    + essential + " essential): their scores partly restate that label and are not independent evidence.");
        }
        if (agreement == null) {
            r.text(Report.Section.CASE_STUDY, "No comparison with XGEM's calls: " + why + ".");
            return;
        }
        r.table(Report.Section.CASE_STUDY, "xgem_agreement", "Agreement with XGEM's calls on the unlabelled mouse (sanity comparison, not truth)",
                "XGEM (Min et al. 2022) calls each of the 1,061 unlabelled mouse miRNAs essential (1) or not (0) with its own model; these are predictions, not knockouts. "
                        + "AUROC: how well our scores rank XGEM's 1s above its 0s; top N: how many of our N highest-scoring unlabelled mouse miRNAs XGEM calls essential, beside the number expected by chance.",
                XgemAgreement.table(agreement));
        r.text(Report.Section.CASE_STUDY, String.format(Locale.ROOT, "Against XGEM's own calls on %d unlabelled mouse miRNAs (%d called essential): AUROC %.3f; "
                        + "%d of our top %d are XGEM-essential (%.1f expected by chance). Both are model outputs: agreement is not correctness.",
                agreement.n(), agreement.calledEssential(), agreement.auroc(), agreement.topCalledEssential(), agreement.top(), agreement.expectedByChance()));
    }
}
