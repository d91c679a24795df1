package org.deephem.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deephem.casestudy.CaseStudy;
import org.deephem.scoring.CaseStudyJob;
import org.deephem.scoring.CaseStudySpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

@Command(name = "case-study", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The top-N human miRNAs by score beside their family, conservation, TargetScan class, DSW, HMDD diseases, mouse orthologue's label and (for an ensemble) the members' range;",
                "with --raw also the agreement with XGEM's own calls on the unlabelled mouse (a sanity comparison, not truth). Writes case_study.csv/.xlsx, an HTML page and provenance to -o. It reports only; it chooses nothing."})
final class CaseStudyCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "DeepHEM-layout dataset folder (indicators, labels)")
    Path data;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--scores", description = "scores CSV of the human miRNAs (from score or train; score_low/score_high are shown when present)")
        Path scores;
        @Option(names = "--model", description = "model or ensemble zip: scores the dataset's human and unlabelled mouse miRNAs")
        Path model;
    }

    @Option(names = "--mouse-scores", description = "with --scores: scores of the unlabelled mouse miRNAs (score --domain unlabelled-mouse), for the comparison with XGEM")
    Path mouseScores;
    @Option(names = "--raw", description = "raw sources folder (e.g. ../shared/data/raw): HMDD diseases, miRBase families, XGEM's calls; without it the disease column says '" + CaseStudy.NOT_AVAILABLE + "'")
    Path raw;
    @Option(names = "--top", defaultValue = "10", description = "how many miRNAs (default: ${DEFAULT-VALUE})")
    int top;
    @Option(names = {"-o", "--out"}, required = true, description = "output folder")
    Path out;

    @Override
    public Integer call() {
        OptionCheck.range("--top", top, 1, 100_000);
        CaseStudyJob.Result r = CaseStudyJob.run(new CaseStudySpec(data, source.scores, source.model, mouseScores, raw, top, out));
        Table t = r.table();
        for (int i = 0; i < t.rowCount(); i++) {
            System.out.printf(Locale.ROOT, "%2d  %-20s %.4f  %s%n", i + 1, t.stringColumn("id").get(i), t.doubleColumn("score").get(i), t.stringColumn("family").get(i));
        }
        if (r.agreement() != null) {
            System.out.printf(Locale.ROOT, "XGEM's calls (sanity comparison, not truth): n %d, AUROC %.3f, %d of top %d XGEM-essential (%.1f by chance)%n",
                    r.agreement().n(), r.agreement().auroc(), r.agreement().topCalledEssential(), r.agreement().top(), r.agreement().expectedByChance());
        } else {
            System.out.printf(Locale.ROOT, "no comparison with XGEM's calls: %s%n", r.why());
        }
        System.out.printf(Locale.ROOT, "case study: %s%n", r.index());
        return 0;
    }
}
