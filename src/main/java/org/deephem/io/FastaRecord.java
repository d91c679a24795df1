package org.deephem.io;

/**
 * One FASTA record: the first word of the header is the ID, the rest is the description.
 *
 * @param line 1-based line of the header in its file, for error messages
 */
public record FastaRecord(String id, String description, String sequence, long line) {}
