package org.deephem.data;

/**
 * File names of the DeepHEM dataset layout (sheet 1, header row, first column = ID).
 * {@code mmu_unlabelled.xlsx}, the long-form MTI TSVs, {@code mti_pca_model.tsv} and
 * {@code dataset.json} are DeepHEM-J additions; a folder without them still reads.
 */
public final class Layout {
    private Layout() {}

    public static final String SOURCE = "source_data.xlsx";
    public static final String LABELS = "mmu_label.xlsx";
    public static final String UNLABELLED_MOUSE = "mmu_unlabelled.xlsx";
    public static final String TARGET = "target_data.xlsx";
    public static final String MMU_FEATURE = "mmu_feature.xlsx";
    public static final String HSA_FEATURE = "hsa_feature.xlsx";
    public static final String MMU_MTI_TSV = "mmu_mti_feature.tsv";
    public static final String HSA_MTI_TSV = "hsa_mti_feature.tsv";
    public static final String MMU_MTI_XLSX = "mmu_mti_feature.xlsx";
    public static final String HSA_MTI_XLSX = "hsa_mti_feature.xlsx";
    public static final String MMU_PCA = "mmu_feature_pca.xlsx";
    public static final String HSA_PCA = "hsa_feature_pca.xlsx";
    public static final String PCA_MODEL = "mti_pca_model.tsv";
    public static final String CONSERVATION = "Conservation score.xlsx";
    public static final String DSW = "DSW score.xlsx";
    public static final String MANIFEST = "dataset.json";
    /** Canonical-window folders only: each row's annotated length and where its window lies (DeepHEM-J addition). */
    public static final String WINDOWS = "windows.tsv";

    /** Every name a dataset folder written by this program holds (older versions' included). */
    public static final java.util.Set<String> ALL = java.util.Set.of(SOURCE, LABELS, UNLABELLED_MOUSE, TARGET, MMU_FEATURE,
            HSA_FEATURE, MMU_MTI_TSV, HSA_MTI_TSV, MMU_MTI_XLSX, HSA_MTI_XLSX, MMU_PCA, HSA_PCA, PCA_MODEL, CONSERVATION, DSW, MANIFEST, WINDOWS);
}
