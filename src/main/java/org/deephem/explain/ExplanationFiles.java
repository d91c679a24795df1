package org.deephem.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.io.Delimited;
import org.deephem.io.Hashing;
import org.deephem.io.InputError;
import org.deephem.io.Json;
import org.deephem.io.Outputs;
import org.deephem.zoo.Provenance;
import org.deephem.zoo.ScoresCsv;
import org.deephem.zoo.ZooModel;

/**
 * The two long-format CSVs of {@code score --explain}, each written atomically (or to standard
 * output for {@code -}), with a {@code <file>.provenance.json} beside a file that states the
 * method, baseline, tolerance and every precursor's completeness residual:
 * <ul>
 * <li>nucleotides: {@link #NUCLEOTIDE_COLUMNS}, one row per nucleotide, position 1-based;</li>
 * <li>features: {@link #FEATURE_COLUMNS}, one row per feature the model reads; {@code value} is the
 *     feature before the model's standardisation.</li>
 * </ul>
 * Attributions are in logit units; for an ensemble {@code attribution} is the members' mean and
 * {@code attribution_low}/{@code attribution_high} their minimum and maximum (equal for one model).
 * Numbers are written in shortest round-trip decimal form, like the scores file.
 */
public final class ExplanationFiles {
    public static final List<String> NUCLEOTIDE_COLUMNS = List.of("id", "position", "nucleotide", "attribution", "attribution_low", "attribution_high");
    public static final List<String> FEATURE_COLUMNS = List.of("id", "feature", "value", "attribution", "attribution_low", "attribution_high");

    private ExplanationFiles() {}

    /** Writes both files and, for files (not standard output), their provenance; {@code model} is what was explained. */
    public static void write(Path nucleotidesCsv, Path featuresCsv, List<Explanation> explanations, ZooModel model) {
        if (!Outputs.isStdout(nucleotidesCsv) && nucleotidesCsv.toAbsolutePath().normalize().equals(featuresCsv.toAbsolutePath().normalize())) {
            throw new InputError("the nucleotide and feature explanations need two different files, not both " + nucleotidesCsv);
        }
        Outputs.writeString(nucleotidesCsv, nucleotides(explanations));
        Outputs.writeString(featuresCsv, features(explanations));
        for (Path f : List.of(nucleotidesCsv, featuresCsv)) {
            if (!Outputs.isStdout(f)) Json.writeFile(f.resolveSibling(f.getFileName() + ".provenance.json"), provenance(f, explanations, model));
        }
    }

    /** The nucleotides CSV's text. */
    static String nucleotides(List<Explanation> explanations) {
        StringBuilder sb = new StringBuilder(String.join(",", NUCLEOTIDE_COLUMNS)).append('\n');
        for (Explanation e : explanations) {
            for (int i = 0; i < e.sequence().length(); i++) {
                sb.append(Delimited.csvLine(List.of(e.id(), i + 1, String.valueOf(e.sequence().charAt(i)),
                        dec(e.nucleotide()[i]), dec(e.nucleotideLow()[i]), dec(e.nucleotideHigh()[i]))));
            }
        }
        return sb.toString();
    }

    /** The features CSV's text. */
    static String features(List<Explanation> explanations) {
        StringBuilder sb = new StringBuilder(String.join(",", FEATURE_COLUMNS)).append('\n');
        for (Explanation e : explanations) {
            for (Explanation.Feature f : e.features()) {
                sb.append(Delimited.csvLine(List.of(e.id(), f.name(), dec(f.value()), dec(f.attribution()), dec(f.low()), dec(f.high()))));
            }
        }
        return sb.toString();
    }

    private static String dec(double v) {
        return ScoresCsv.decimal(v);
    }

    static Map<String, Object> provenance(Path file, List<Explanation> explanations, ZooModel model) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("file", String.valueOf(file.getFileName()));
        p.put("sha256", Hashing.sha256(file));
        p.put("model", model.zip().toString());
        p.put("model_sha256", Hashing.sha256(model.zip()));
        p.put("members", model.members().size());
        p.put("method", "integrated gradients of the logit, on the scoring graph (Sundararajan et al. 2017)");
        p.put("baseline", "inherent and MTI features at 0 after the model's standardisation (the training mean); "
                + "3-mer token histograms empty, keeping the precursor's mask and the padding of its last pooling window");
        p.put("quadrature", "Gauss-Legendre, " + "the requested points doubled per precursor while outside the tolerance, up to "
                + Explainer.MAX_REFINEMENT + " times them");
        p.put("tolerance", IntegratedGradients.TOLERANCE_DEFINITION);
        p.put("completeness", "sum of nucleotide and feature attributions = logit - baseline_logit + residual");
        p.put("nucleotides", "a pooled 3-mer cell's attribution is split equally among the window's tokens of that 3-mer, "
                + "each token's share in thirds among the 3 nucleotides it covers; position is 1-based");
        p.put("units", "logit");
        p.put("range", model.members().size() == 1 ? "one model: attribution_low = attribution_high = attribution"
                : "attribution = mean over members; attribution_low/high = the members' minimum and maximum");
        double worst = 0;
        int outside = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Explanation e : explanations) {
            worst = Math.max(worst, Math.abs(e.residual()));
            if (!e.withinTolerance()) outside++;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", e.id());
            r.put("logit", e.logit());
            r.put("baseline_logit", e.baselineLogit());
            r.put("residual", e.residual());
            r.put("tolerance", e.tolerance());
            r.put("within_tolerance", e.withinTolerance());
            r.put("steps", e.steps());
            rows.add(r);
        }
        p.put("max_abs_residual", worst);
        p.put("outside_tolerance", outside);
        p.put("precursors", rows);
        p.put("software", Provenance.environment());
        return p;
    }
}
