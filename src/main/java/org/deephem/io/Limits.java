package org.deephem.io;

/**
 * Upper bounds on what the readers accept, far above the real data (1,917 human and 1,234 mouse
 * precursors, ~48,000 miRBase matures) but low enough that a wrong or hostile file fails in
 * seconds instead of filling the memory. Every reader checks them while streaming.
 */
public final class Limits {
    private Limits() {}

    /** Data rows of one xlsx sheet or one TSV/CSV table. */
    public static final long MAX_TABLE_ROWS = 1_000_000;

    /**
     * Distinct text cells of one xlsx workbook (POI holds them all before the first row): IDs and
     * sequences, a few per row, plus the gene names of a wide MTI header.
     */
    public static final long MAX_XLSX_TEXTS = 5_000_000;

    /** Records of one FASTA file. */
    public static final long MAX_FASTA_RECORDS = 1_000_000;

    /** Letters of one FASTA record (precursors are under 200 nt; whole genomes are not input). */
    public static final int MAX_SEQUENCE_LENGTH = 1_000_000;

    /**
     * Letters of one FASTA file in all: 100 M, ~25× miRBase 22's mature.fa of every species
     * (3.9 MB) and ~30× its hairpin.fa; a reader that keeps the records would hold them all.
     */
    public static final long MAX_FASTA_LETTERS = 100_000_000;

    /**
     * Characters of one line of any text file, checked while it is read: a one-line FASTA record
     * at {@link #MAX_SEQUENCE_LENGTH} plus 64 Ki for its header. Real lines are far shorter (the
     * widest, a header of 15,879 gene names, would be ~150 k; the real tables' are under 800).
     */
    public static final int MAX_LINE_LENGTH = MAX_SEQUENCE_LENGTH + 65_536;

    /**
     * Characters of one TSV/CSV table, which is held whole: 100 M, 20× the largest real one (the
     * human long-form MTI pairs, hsa_mti_feature.tsv: 263 k rows, 5.0 M characters).
     */
    public static final long MAX_TABLE_CHARS = 100_000_000;

    /**
     * Cells of one table held whole (TSV, CSV, xlsx; rows × columns) or of an MTI PCA basis:
     * 5 M, ~10× the largest real ones (hsa_mti_feature.tsv, 526 k cells; mti_pca_model.tsv,
     * 15,879 genes × 34 columns = 540 k).
     */
    public static final long MAX_TABLE_CELLS = 5_000_000;

    /** Columns of an xlsx sheet: Excel's own limit (A to XFD); a cell reference past it is refused. */
    public static final int MAX_XLSX_COLUMNS = 16_384;

    /**
     * Cells of one xlsx sheet as streamed, counting the empty ones a row is padded with up to its
     * last cell: 100 M. The widest sheet the readers take, a wide 0/1 MTI sheet (one column per
     * gene), would be ~1,900 human precursors × 15,880 columns = 30 M; a row padded to column
     * XFD is 16,384 cells, so a few MB of rows that each end in a far cell stop here.
     */
    public static final long MAX_XLSX_CELLS = 100_000_000;
}
