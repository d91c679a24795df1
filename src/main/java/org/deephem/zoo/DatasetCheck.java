package org.deephem.zoo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Layout;
import org.deephem.features.MtiPca;
import org.deephem.io.Columns;
import org.deephem.io.InputError;

/**
 * Checks that data to be scored means to the model what its training data meant: the same
 * inherent feature columns in the same order, MTI components in the model's own PCA basis over
 * genes it knows, and (a warning only) the same files as at training. A mismatch would not fail
 * anywhere else: the numbers would simply be wrong.
 *
 * <p>Zips written before {@code inputs.json} carry no inherent column names; for them the
 * column names and order are not checked (only their number).
 */
public final class DatasetCheck {
    private DatasetCheck() {}

    /** Refuses inherent feature columns other than the model's, or in another order. */
    public static void requireInherentNames(TrainedModel m, List<String> names, String source) {
        List<String> want = m.inherentNames();
        if (!m.config().useInherent() || want == null || names == null) return;
        if (names.equals(want)) return;
        // every column that differs, by position and name (a renamed column is named, not just counted)
        throw new InputError(source + ": inherent feature columns differ from the model's: "
                + Columns.difference(names, want, "the model was trained with", 1) + " (" + want.size()
                + " columns in training order: " + String.join(", ", want) + ")");
    }

    /**
     * For a dataset folder whose PCA columns are used as they are (no gene sets to re-project):
     * refuses them unless the folder's basis ({@code mti_pca_model.tsv}) is the model's.
     * Returns a warning when neither has a basis, so nothing can be compared.
     */
    public static String requireSameBasis(TrainedModel m, DeepHemDataset ds) {
        if (!m.config().useMti()) return null;
        Path file = ds.folder().resolve(Layout.PCA_MODEL);
        MtiPca folder = Files.exists(file) ? MtiPca.read(file) : null;
        if (m.pca() == null && folder == null) {
            return "warning: neither the model nor " + ds.folder() + " has an MTI PCA basis (" + Layout.PCA_MODEL
                    + "), so it cannot be checked that the folder's PCA columns are the model's";
        }
        if (folder == null) {
            throw InputError.at(ds.folder(), "has PCA columns but no " + Layout.PCA_MODEL + " and no MTI gene files,"
                    + " so they cannot be checked against the model's basis");
        }
        if (m.pca() == null) throw InputError.at(file, "the model carries no MTI PCA basis to check this one against");
        if (!folder.sameBasis(m.pca())) {
            throw InputError.at(file, "is not the model's MTI PCA basis (" + folder + " vs the model's " + m.pca()
                    + "): its PCA columns would be read in the wrong coordinates");
        }
        return null;
    }

    /**
     * The least share of a gene-set file's distinct genes that must be in the model's PCA basis.
     * Genes outside the basis project to nothing, so below half the MTI input would describe a
     * minority of the miRNAs' targets: a file of another species or gene naming (Ensembl IDs,
     * mouse symbols for a human model), or a target source far from the training one. The
     * training data itself is always at 100 %; a file at half or more is scored, with a note.
     */
    public static final double MIN_KNOWN_GENE_SHARE = 0.5;

    /**
     * Refuses gene sets fewer than {@link #MIN_KNOWN_GENE_SHARE} of whose distinct genes are in
     * the model's basis (none at all: every miRNA would count as target-less). Returns a note with
     * the share of genes known otherwise.
     */
    public static String requireKnownGenes(TrainedModel m, Map<String, Set<String>> targets, String source) {
        if (!m.config().useMti() || m.pca() == null || targets == null) return null;
        Set<String> all = new TreeSet<>();
        for (Set<String> g : targets.values()) all.addAll(g);
        if (all.isEmpty()) return null;
        int known = 0;
        String unknown = null;
        for (String g : all) {
            if (m.pca().knows(g)) known++;
            else if (unknown == null) unknown = g;
        }
        if (known == 0) {
            throw new InputError(source + ": none of its " + all.size() + " target genes (e.g. '" + all.iterator().next()
                    + "') is among the " + m.pca().genes().size() + " genes of the model's MTI PCA basis; was the model trained on other data?");
        }
        if (known < MIN_KNOWN_GENE_SHARE * all.size()) {
            throw new InputError(String.format(java.util.Locale.ROOT, "%s: only %d of its %d target genes (%.0f %%; e.g. '%s' is not) are among"
                    + " the %d genes of the model's MTI PCA basis, at least %.0f %% must be: genes outside it count for nothing,"
                    + " so the MTI input would describe a minority of the targets (another species or gene naming?)", source, known,
                    all.size(), 100.0 * known / all.size(), unknown, m.pca().genes().size(), 100 * MIN_KNOWN_GENE_SHARE));
        }
        return String.format(java.util.Locale.ROOT, "MTI: %d of %d target genes are in the model's PCA basis", known, all.size());
    }

    /**
     * A one-line warning when the folder's files differ from the hashes recorded at training
     * ({@code provenance.json → dataset_sha256}); null when they agree or none were recorded.
     * Only files the dataset layout reads ({@link Layout#ALL}) are compared: one recorded then
     * and missing or changed now, or one the layout reads that was not there then. Anything else
     * in the folder (a README, notes) changes no feature and is ignored, then and now.
     */
    public static String hashWarning(TrainedModel m, Path folder) {
        if (!(m.provenance().get("dataset_sha256") instanceof Map<?, ?> trained) || trained.isEmpty()) return null;
        Map<String, String> now = Provenance.datasetHashes(folder);
        Set<String> names = new TreeSet<>();
        for (Object k : trained.keySet()) if (Layout.ALL.contains(String.valueOf(k))) names.add(String.valueOf(k));
        for (String n : now.keySet()) if (Layout.ALL.contains(n)) names.add(n);
        List<String> differ = new ArrayList<>();
        for (String n : names) {
            Object was = trained.get(n);
            String is = now.get(n);
            if (was == null) differ.add(n + " new");
            else if (is == null) differ.add(n + " missing");
            else if (!was.equals(is)) differ.add(n + " changed");
        }
        if (differ.isEmpty()) return null;
        return "warning: " + differ.size() + " file(s) of " + folder + " differ from the model's training data ("
                + String.join(", ", differ.subList(0, Math.min(5, differ.size()))) + (differ.size() > 5 ? ", ..." : "")
                + "); the scores are right only if their features were computed the same way";
    }
}
