package org.deephem.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import tech.tablesaw.api.Table;

/**
 * The case study ({@code case-study}): the top-N human miRNAs by a model's scores (of the
 * folder's stored features) or by a scores CSV, beside their annotations, and the agreement with
 * XGEM's calls on the unlabelled mouse; written as case_study.csv/.xlsx, a page and provenance.
 * It sits here, above report/, because it assembles a report page, and report/ draws
 * casestudy/'s tables.
 */
public final class CaseStudyJob {
    private CaseStudyJob() {}

    /** What was written: the table, XGEM's agreement (null: none, for {@code why}) and the page. */
    public record Result(Table table, XgemAgreement.Result agreement, String why, Path index) {}

    /** Ranked scores of one domain. */
    private record Ranked(List<String> ids, double[] score, double[] key, double[][] interval) {}

    /** Runs {@code spec}; {@code top} and the source were checked by the caller. */
    public static Result run(CaseStudySpec spec) {
        Path out = spec.out(), data = spec.data(), raw = spec.raw();
        if (spec.mouseScores() != null && spec.scores() == null) throw new InputError("--mouse-scores goes with --scores (with --model the unlabelled mouse is scored from the dataset)");
        if (Files.exists(out) && !Files.isDirectory(out)) throw new InputError(out + ": is a file, but a folder is needed to write into");
        org.deephem.io.Outputs.requireFolder("-o", out);
        DeepHemDataset ds = DatasetReader.read(data);
        List<String> humanIds = ds.target().ids();
        Ranked human, mouse = null;
        String from;
        Map<String, Object> prov = new LinkedHashMap<>();
        if (spec.model() != null) {
            org.deephem.zoo.Backend.start();
            ZooModel zm = ZooModel.load(spec.model());
            human = ranked(humanIds, zm.logitsOfFolder(ds, "human"));
            if (ds.unlabelledMouse() != null && ds.unlabelledMouse().size() > 0) mouse = ranked(ds.unlabelledMouse().ids(), zm.logitsOfFolder(ds, "unlabelled-mouse"));
            from = (zm.ensemble() ? "the mean probability of the " + zm.members().size() + "-member ensemble " : "the scores of model ") + spec.model().getFileName();
            prov.put("model", RecordedPath.of(spec.model(), out));
            prov.put("model_sha256", Hashing.sha256(spec.model()));
            prov.put("members", zm.members().size());
        } else {
            human = read(spec.scores(), new HashSet<>(humanIds), "human");
            if (spec.mouseScores() != null) {
                mouse = read(spec.mouseScores(), ds.unlabelledMouse() == null ? Set.of() : new HashSet<>(ds.unlabelledMouse().ids()), "unlabelled mouse");
            }
            from = "the scores in " + spec.scores().getFileName();
            prov.put("scores", RecordedPath.of(spec.scores(), out));
            prov.put("scores_sha256", Hashing.sha256(spec.scores()));
            if (spec.mouseScores() != null) prov.put("mouse_scores_sha256", Hashing.sha256(spec.mouseScores()));
        }
        RawAnnotations ra = raw == null ? null : RawAnnotations.read(raw, humanIds);
        if (ra != null) ra.notes().forEach(n -> Progress.say("note: %s", n));
        CaseStudy.Annotations a = new CaseStudy.Annotations(ds.conservation(), DatasetReader.targetScanClass(data, humanIds), ds.dsw(),
                ra == null ? null : ra.families(), ra == null ? null : ra.diseases(),
                CaseStudy.mouseLabels(ds.source().ids(), ds.labels(), ds.unlabelledMouse() == null ? List.of() : ds.unlabelledMouse().ids()));
        Table t = CaseStudy.table(new CaseStudy.Scores(human.ids(), human.score(), human.key(), human.interval()), a, spec.top());

        XgemAgreement.Result agreement = null;
        String why;
        if (raw == null) why = "no --raw folder given";
        else if (ra.xgemCalls() == null) why = "XGEM's predictions file is not in " + raw;
        else if (mouse == null) why = "no unlabelled mouse scores (give --mouse-scores, or --model)";
        else {
            agreement = XgemAgreement.of(mouse.ids(), mouse.key(), ra.xgemCalls(), spec.top());
            why = "none of the scored unlabelled mouse IDs has an XGEM call";
        }
        prov.put("data", RecordedPath.of(data, out));
        prov.put("dataset_sha256", Provenance.datasetHashes(data));
        if (raw != null) prov.put("raw", RecordedPath.of(raw, out));
        prov.put("software", Provenance.environment());
        Report rep = new Report("case-study").datasetSummary(String.format(Locale.ROOT, "%s: %d labelled mouse, %d unlabelled mouse, %d human miRNAs; %d human scored",
                        RecordedPath.of(data, out), ds.labels().length, ds.unlabelledMouse() == null ? 0 : ds.unlabelledMouse().size(), humanIds.size(), human.ids().size()))
                .config(config(spec.top(), from, human.interval() == null ? "none" : MemberSpread.DEFINITION))
                .provenance(prov);
        CaseStudySection.add(rep, t, from, agreement, why);
        rep.limit("Conservation, TargetScan class, DSW and HMDD diseases are proxies of essentiality; DSW and HMDD follow how well studied a miRNA is.");
        rep.limit("A mouse orthologue is matched by name only; a mouse label is a knockout result in mouse, not in human.");
        rep.limit("XGEM's calls are another model's predictions, not knockouts.");
        return new Result(t, agreement, why, ReportWriter.write(out, rep));
    }

    /** The page's settings in a fixed order (Map.of's order changes from one JVM to the next). */
    private static Map<String, Object> config(int top, String rankedBy, String interval) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("top", top);
        c.put("ranked_by", rankedBy);
        c.put("interval", interval);
        return c;
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
