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
}
