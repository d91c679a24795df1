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

    /**
     * @param agreement null when there is nothing to compare with; {@code why} then says why
     */
    public static void add(Report r, Table top, String scoresFrom, XgemAgreement.Result agreement, String why) {
        boolean interval = top.columnNames().contains("score_low");
        r.table("case_study", "Case study: the top " + top.rowCount() + " human miRNAs by score",
                "Ranked by " + scoresFrom + ". Family: miRBase family where known, else the name stem. Conservation: species sharing a seed; "
                        + "TargetScan class: −1 none … 2 broadly conserved; DSW: share of the 374 HMDD v3.2 diseases; HMDD diseases: names matched as for DSW. "
                        + "Mouse orthologue: the mouse precursor of the same name and its knockout label where one exists."
                        + (interval ? " score_low/score_high: the 2.5–97.5 % range of the ensemble members' probabilities." : ""),
                top);
        r.reading("The case study lists the " + top.rowCount() + " highest-scoring human miRNAs beside their indicators; it chooses nothing and the indicators judge only.");
        int labelled = 0, essential = 0;
        for (String l : top.stringColumn("mouse_label")) {
            if (l.equals("essential") || l.equals("non-essential")) labelled++;
            if (l.equals("essential")) essential++;
        }
        if (labelled > 0) {
            r.reading(labelled + " of these " + top.rowCount() + " have a mouse orthologue of the same name among the labelled mouse miRNAs the model learned from ("
                    + essential + " essential): their scores partly restate that label and are not independent evidence.");
        }
        if (agreement == null) {
            r.reading("No comparison with XGEM's calls: " + why + ".");
            return;
        }
        r.table("xgem_agreement", "Agreement with XGEM's calls on the unlabelled mouse (sanity comparison, not truth)",
                "XGEM (Min et al. 2022) calls each of the 1,061 unlabelled mouse miRNAs essential (1) or not (0) with its own model; these are predictions, not knockouts. "
                        + "AUROC: how well our scores rank XGEM's 1s above its 0s; top N: how many of our N highest-scoring unlabelled mouse miRNAs XGEM calls essential, beside the number expected by chance.",
                XgemAgreement.table(agreement));
        r.reading(String.format(Locale.ROOT, "Against XGEM's own calls on %d unlabelled mouse miRNAs (%d called essential): AUROC %.3f; "
                        + "%d of our top %d are XGEM-essential (%.1f expected by chance). Both are model outputs: agreement is not correctness.",
                agreement.n(), agreement.calledEssential(), agreement.auroc(), agreement.topCalledEssential(), agreement.top(), agreement.expectedByChance()));
    }
}
