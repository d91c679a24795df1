package org.deephem.zoo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deephem.eval.MemberSpread;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.data.Layout;
import org.deephem.features.Mature;
import org.deephem.io.InputError;
import org.deephem.io.Progress;

/**
 * What {@code --model} names: a single model zip (one member, scored exactly as before) or an
 * ensemble zip (its members scored one by one and combined by {@link MemberSpread}).
 */
public record ZooModel(Path zip, List<EnsembleZip.Member> members, boolean ensemble, Map<String, Object> manifest,
                       ReferenceScores reference) {
    public ZooModel {
        members = List.copyOf(members);
    }

    /** Members without reference scores (an ensemble being made, or a test's). */
    public ZooModel(Path zip, List<EnsembleZip.Member> members, boolean ensemble, Map<String, Object> manifest) {
        this(zip, members, ensemble, manifest, null);
    }

    public static ZooModel load(Path zip) {
        if (EnsembleZip.isEnsemble(zip)) {
            EnsembleZip.Loaded e = EnsembleZip.load(zip);
            return new ZooModel(zip, e.members(), true, e.manifest(), ReferenceScores.readFrom(zip));
        }
        TrainedModel m = ModelZip.load(zip);
        return new ZooModel(zip, List.of(new EnsembleZip.Member(stem(zip), m)), false, Map.of(), ReferenceScores.readFrom(zip));
    }

    private static String stem(Path zip) {
        String n = zip.getFileName() == null ? "model" : zip.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    /** True if any member was trained on the synthetic demo data (its scores of anything mean nothing). */
    public boolean trainedOnDemo() {
        return models().stream().anyMatch(m -> String.valueOf(m.provenance().get(DATASET_KIND)).startsWith("synthetic"));
    }

    /** Provenance key of the trained-on dataset's {@code kind} (its dataset.json), e.g. "real" or "synthetic demo …". */
    public static final String DATASET_KIND = "dataset_kind";

    /**
     * The window the members' training data was cut to (their provenance; models saved before
     * windows were recorded: annotated). Members that disagree are refused in one line.
     */
    public org.deephem.features.WindowRule window() {
        org.deephem.features.WindowRule w = null;
        for (EnsembleZip.Member m : members) {
            org.deephem.features.WindowRule x = org.deephem.features.WindowRule.recorded(m.model().provenance(), zip + ", member " + m.name() + ", provenance");
            if (w != null && w != x) throw InputError.at(zip, "its members were trained on different windows (" + w.label + " and " + x.label + ")");
            w = x;
        }
        return w == null ? org.deephem.features.WindowRule.ANNOTATED : w;
    }

    /** True if any member reads the MTI branch. */
    public boolean readsMti() {
        return models().stream().anyMatch(m -> m.config().useMti());
    }

    public List<TrainedModel> models() {
        return members.stream().map(EnsembleZip.Member::model).toList();
    }

    /** The checks and inputs of new precursors for this model ({@link SequenceTranslator}). */
    public SequenceTranslator translator() {
        return new SequenceTranslator(this);
    }

    /** Each member's logits of new precursors as given (cut here to the model's window), {@code [member][row]}. */
    public double[][] logitsOfSequences(List<String> ids, List<String> seqs, List<List<Mature>> matures, Map<String, Set<String>> targets) {
        // cut to the window the model was trained on, as score --fasta does (placed with the first member's folding)
        SequenceTranslator t = translator();
        org.deephem.features.WindowRule.Cut cut = t.cut(seqs, matures);
        List<Scorer.Prepared> in = t.inputs(ids, cut.sequences(), cut.matures(), targets);
        double[][] out = new double[members.size()][];
        for (int m = 0; m < out.length; m++) out[m] = new Scorer(members.get(m).model()).logits(in.get(m));
        return out;
    }

    /** A domain of a dataset by its {@code --domain} name: human, mouse (labelled) or unlabelled-mouse. */
    public static Domain domain(DeepHemDataset ds, String name) {
        return switch (name) {
            case "human" -> ds.target();
            case "mouse" -> ds.source();
            case "unlabelled-mouse" -> ds.unlabelledMouse();
            default -> throw new InputError("--domain must be human, mouse or unlabelled-mouse, not '" + name + "'");
        };
    }

    /**
     * Each member's logits of one domain of a dataset folder, {@code [member][row]}, after checking
     * that the folder means to every member what its training data meant ({@link DatasetCheck});
     * notes are said once (from the first member).
     */
    public double[][] logitsOfFolder(DeepHemDataset ds, String domainName) {
        FolderDomain f = checkedDomain(ds, domainName);
        boolean human = domainName.equals("human");
        String inherent = ds.folder().resolve(human ? Layout.HSA_FEATURE : Layout.MMU_FEATURE).toString();
        double[][] out = new double[members.size()][];
        for (int k = 0; k < out.length; k++) {
            TrainedModel m = members.get(k).model();
            // MTI components are projected from the folder's gene sets when the model has a basis, else read from its PCA sheet
            String mti = m.pca() != null && f.targets() != null ? "the MTI components projected from the gene sets of " + ds.folder()
                    : ds.folder().resolve(human ? Layout.HSA_PCA : Layout.MMU_PCA).toString();
            out[k] = new Scorer(m).logits(f.domain(), f.targets(), inherent, mti);
        }
        return out;
    }

    /** A domain of a dataset folder and the gene sets of its species (null when the folder has none). */
    public record FolderDomain(Domain domain, Map<String, Set<String>> targets) {}

    /**
     * The domain {@link #logitsOfFolder} scores and its gene sets, after the same checks: each
     * member's {@link Scorer#prepare} of them gives that member's inputs.
     */
    public FolderDomain checkedDomain(DeepHemDataset ds, String domainName) {
        Domain d = domain(ds, domainName);
        Path folder = ds.folder();
        boolean human = domainName.equals("human");
        Map<String, Set<String>> tg = human ? ds.humanTargets() : ds.mouseTargets();
        for (int k = 0; k < members.size(); k++) {
            TrainedModel m = members.get(k).model();
            if (m.config().useInherent() && d.inherent() == null) throw InputError.at(folder, "no inherent feature file for " + domainName);
            DatasetCheck.requireInherentNames(m, ds.inherentNames(), folder.resolve(human ? Layout.HSA_FEATURE : Layout.MMU_FEATURE).toString());
            if (m.config().useMti()) {
                if (d.mtiPca() == null && (tg == null || m.pca() == null)) throw InputError.at(folder, "no MTI features for " + domainName);
                if (m.pca() != null && tg != null) {
                    sayOnce(k, DatasetCheck.requireKnownGenes(m, tg, folder.toString()));
                } else {
                    sayOnce(k, DatasetCheck.requireSameBasis(m, ds));
                }
            }
            sayOnce(k, DatasetCheck.hashWarning(m, folder));
        }
        return new FolderDomain(d, tg);
    }

    /** {@link DatasetCheck#requireKnownGenes} for every member; the note is said once. */
    public void requireKnownGenes(Map<String, Set<String>> targets, String source) {
        for (int k = 0; k < members.size(); k++) sayOnce(k, DatasetCheck.requireKnownGenes(members.get(k).model(), targets, source));
    }

    /** Ensemble members usually share their data notes: say each once (from the first member). */
    private static void sayOnce(int member, String line) {
        if (member == 0 && line != null) Progress.say("%s", line);
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
