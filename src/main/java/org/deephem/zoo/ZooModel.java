package org.deephem.zoo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.eval.MemberSpread;
import org.deephem.features.Mature;

/**
 * What {@code --model} names: a single model zip (one member, scored exactly as before) or an
 * ensemble zip (its members scored one by one and combined by {@link MemberSpread}).
 */
public record ZooModel(Path zip, List<EnsembleZip.Member> members, boolean ensemble, Map<String, Object> manifest) {
    public ZooModel {
        members = List.copyOf(members);
    }

    public static ZooModel load(Path zip) {
        if (EnsembleZip.isEnsemble(zip)) {
            EnsembleZip.Loaded e = EnsembleZip.load(zip);
            return new ZooModel(zip, e.members(), true, e.manifest());
        }
        return new ZooModel(zip, List.of(new EnsembleZip.Member(stem(zip), ModelZip.load(zip))), false, Map.of());
    }

    private static String stem(Path zip) {
        String n = zip.getFileName() == null ? "model" : zip.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    public List<TrainedModel> models() {
        return members.stream().map(EnsembleZip.Member::model).toList();
    }

    /** Each member's logits of new precursors, {@code [member][row]}. */
    public double[][] logitsOfSequences(List<String> ids, List<String> seqs, List<List<Mature>> matures, Map<String, Set<String>> targets) {
        double[][] out = new double[members.size()][];
        for (int m = 0; m < out.length; m++) out[m] = new Scorer(members.get(m).model()).logitsOfSequences(ids, seqs, matures, targets);
        return out;
    }

    /** The scores a user sees: σ(logit) for one model, the mean member probability for an ensemble. */
    public static double[] scores(double[][] memberLogits) {
        double[] out = new double[memberLogits[0].length];
        if (memberLogits.length == 1) {
            for (int r = 0; r < out.length; r++) out[r] = 1.0 / (1.0 + Math.exp(-memberLogits[0][r]));
            return out;
        }
        MemberSpread.Band[] b = MemberSpread.of(memberLogits);
        for (int r = 0; r < out.length; r++) out[r] = b[r].score();
        return out;
    }
}
