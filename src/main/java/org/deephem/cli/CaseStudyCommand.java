package org.deephem.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deephem.casestudy.CaseStudy;
import org.deephem.casestudy.RawAnnotations;
import org.deephem.casestudy.XgemAgreement;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.eval.MemberSpread;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Progress;
import org.deephem.io.RecordedPath;
import org.deephem.report.CaseStudySection;
import org.deephem.report.Report;
import org.deephem.report.ReportWriter;
import org.deephem.zoo.Provenance;
import org.deephem.zoo.ScoresCsv;
import org.deephem.zoo.ZooModel;
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

    /** Ranked scores of one domain. */
    private record Ranked(List<String> ids, double[] score, double[] key, double[][] interval) {}

    @Override
    public Integer call() {
        OptionCheck.range("--top", top, 1, 100_000);
        if (mouseScores != null && source.scores == null) throw new InputError("--mouse-scores goes with --scores (with --model the unlabelled mouse is scored from the dataset)");
        if (Files.exists(out) && !Files.isDirectory(out)) throw new InputError(out + ": is a file, but a folder is needed to write into");
        org.deephem.io.Outputs.requireFolder("-o", out);
        DeepHemDataset ds = DatasetReader.read(data);
        List<String> humanIds = ds.target().ids();
        Ranked human, mouse = null;
        String from;
        Map<String, Object> prov = new LinkedHashMap<>();
        if (source.model != null) {
            org.deephem.zoo.Backend.start();
            ZooModel zm = ZooModel.load(source.model);
            human = ranked(humanIds, zm.logitsOfFolder(ds, "human"));
            if (ds.unlabelledMouse() != null && ds.unlabelledMouse().size() > 0) mouse = ranked(ds.unlabelledMouse().ids(), zm.logitsOfFolder(ds, "unlabelled-mouse"));
            from = (zm.ensemble() ? "the mean probability of the " + zm.members().size() + "-member ensemble " : "the scores of model ") + source.model.getFileName();
            prov.put("model", RecordedPath.of(source.model, out));
            prov.put("model_sha256", Hashing.sha256(source.model));
            prov.put("members", zm.members().size());
        } else {
            human = read(source.scores, new HashSet<>(humanIds), "human");
            if (mouseScores != null) mouse = read(mouseScores, ds.unlabelledMouse() == null ? Set.of() : new HashSet<>(ds.unlabelledMouse().ids()), "unlabelled mouse");
            from = "the scores in " + source.scores.getFileName();
            prov.put("scores", RecordedPath.of(source.scores, out));
            prov.put("scores_sha256", Hashing.sha256(source.scores));
            if (mouseScores != null) prov.put("mouse_scores_sha256", Hashing.sha256(mouseScores));
        }
        RawAnnotations ra = raw == null ? null : RawAnnotations.read(raw, humanIds);
        if (ra != null) ra.notes().forEach(n -> Progress.say("note: %s", n));
        CaseStudy.Annotations a = new CaseStudy.Annotations(ds.conservation(), DatasetReader.targetScanClass(data, humanIds), ds.dsw(),
                ra == null ? null : ra.families(), ra == null ? null : ra.diseases(),
                CaseStudy.mouseLabels(ds.source().ids(), ds.labels(), ds.unlabelledMouse() == null ? List.of() : ds.unlabelledMouse().ids()));
        Table t = CaseStudy.table(new CaseStudy.Scores(human.ids(), human.score(), human.key(), human.interval()), a, top);

        XgemAgreement.Result agreement = null;
        String why;
        if (raw == null) why = "no --raw folder given";
        else if (ra.xgemCalls() == null) why = "XGEM's predictions file is not in " + raw;
        else if (mouse == null) why = "no unlabelled mouse scores (give --mouse-scores, or --model)";
        else {
            agreement = XgemAgreement.of(mouse.ids(), mouse.key(), ra.xgemCalls(), top);
            why = "none of the scored unlabelled mouse IDs has an XGEM call";
        }
        prov.put("data", RecordedPath.of(data, out));
        prov.put("dataset_sha256", Provenance.datasetHashes(data));
        if (raw != null) prov.put("raw", RecordedPath.of(raw, out));
        prov.put("software", Provenance.environment());
        Report rep = new Report("case-study").datasetSummary(String.format(Locale.ROOT, "%s: %d labelled mouse, %d unlabelled mouse, %d human miRNAs; %d human scored",
                        RecordedPath.of(data, out), ds.labels().length, ds.unlabelledMouse() == null ? 0 : ds.unlabelledMouse().size(), humanIds.size(), human.ids().size()))
                .config(Map.of("top", top, "ranked_by", from, "interval", human.interval() == null ? "none" : MemberSpread.DEFINITION))
                .provenance(prov);
        CaseStudySection.add(rep, t, from, agreement, why);
        rep.limit("Conservation, TargetScan class, DSW and HMDD diseases are proxies of essentiality; DSW and HMDD follow how well studied a miRNA is.");
        rep.limit("A mouse orthologue is matched by name only; a mouse label is a knockout result in mouse, not in human.");
        rep.limit("XGEM's calls are another model's predictions, not knockouts.");
        Path index = ReportWriter.write(out, rep);
        for (int r = 0; r < t.rowCount(); r++) {
            System.out.printf(Locale.ROOT, "%2d  %-20s %.4f  %s%n", r + 1, t.stringColumn("id").get(r), t.doubleColumn("score").get(r), t.stringColumn("family").get(r));
        }
        if (agreement != null) {
            System.out.printf(Locale.ROOT, "XGEM's calls (sanity comparison, not truth): n %d, AUROC %.3f, %d of top %d XGEM-essential (%.1f by chance)%n",
                    agreement.n(), agreement.auroc(), agreement.topCalledEssential(), agreement.top(), agreement.expectedByChance());
        } else {
            System.out.printf(Locale.ROOT, "no comparison with XGEM's calls: %s%n", why);
        }
        System.out.printf(Locale.ROOT, "case study: %s%n", index);
        return 0;
    }

    private static Ranked ranked(List<String> ids, double[][] logits) {
        if (logits.length == 1) {
            double[] p = new double[ids.size()];
            for (int i = 0; i < p.length; i++) p[i] = 1 / (1 + Math.exp(-logits[0][i]));
            return new Ranked(ids, p, logits[0], null);
        }
        MemberSpread.Band[] b = MemberSpread.of(logits);
        double[] s = new double[b.length], k = new double[b.length];
        double[][] iv = new double[b.length][];
        for (int i = 0; i < b.length; i++) {
            s[i] = b[i].score();
            k[i] = b[i].logit();
            iv[i] = new double[] {b[i].low(), b[i].high()};
        }
        return new Ranked(ids, s, k, iv);
    }

    /** The rows of a scores file whose IDs are in {@code domain}; refuses a file with none. */
    private static Ranked read(Path file, Set<String> domain, String what) {
        ScoresCsv.Scores s = ScoresCsv.read(file);
        double[][] iv = ScoresCsv.readInterval(file);
        boolean logit = s.column().equals("logit");
        List<String> ids = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < s.ids().size(); i++) {
            if (!domain.contains(s.ids().get(i))) continue;
            double v = s.scores()[i];
            ids.add(s.ids().get(i));
            kept.add(new double[] {logit ? 1 / (1 + Math.exp(-v)) : v, v, iv == null ? Double.NaN : iv[i][0], iv == null ? Double.NaN : iv[i][1]});
        }
        if (ids.isEmpty()) throw InputError.at(file, "none of its " + s.ids().size() + " IDs is a " + what + " miRNA of the dataset");
        if (ids.size() < s.ids().size()) Progress.say("%s: %d of its %d IDs are %s miRNAs of the dataset; the others are left out", file, ids.size(), s.ids().size(), what);
        double[][] interval = iv == null ? null : kept.stream().map(k -> new double[] {k[2], k[3]}).toArray(double[][]::new);
        return new Ranked(ids, kept.stream().mapToDouble(k -> k[0]).toArray(), kept.stream().mapToDouble(k -> k[1]).toArray(), interval);
    }
}
