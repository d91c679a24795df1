package org.deephem.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * FASTA reading (one-line or wrapped sequences) and writing. Records are streamed, so a large
 * file is read once and never held whole unless {@link #readAll} is asked for.
 */
public final class Fasta {
    private Fasta() {}

    /** A record that was left out: its ID, header line and why. */
    public record Invalid(String id, long line, String problem) {}

    /**
     * Streams records to {@code sink}, validating letters, empty records and duplicate IDs, and
     * refusing more than {@link Limits#MAX_FASTA_RECORDS} records, a record longer than
     * {@link Limits#MAX_SEQUENCE_LENGTH} letters, more than {@link Limits#MAX_FASTA_LETTERS}
     * letters in all or a line longer than {@link Limits#MAX_LINE_LENGTH} as soon as the limit
     * is passed (a line before it is held).
     */
    public static void read(Path file, Consumer<FastaRecord> sink) {
        read(file, sink, null);
    }

    /**
     * As {@link #read(Path, Consumer)}, but a record with letters other than A/C/G/U/T (e.g. the
     * IUPAC codes of some miRBase entries) or an empty sequence goes to {@code invalid} instead of
     * stopping the read, when {@code invalid} is not null. Duplicate IDs always stop it.
     * gzip-compressed files are read directly (recognised by their magic bytes).
     */
    public static void read(Path file, Consumer<FastaRecord> sink, Consumer<Invalid> invalid) {
        read(file, sink, invalid, Limits.MAX_FASTA_RECORDS);
    }

    static void read(Path file, Consumer<FastaRecord> sink, long maxRecords) {
        read(file, sink, null, maxRecords);
    }

    private static void read(Path file, Consumer<FastaRecord> sink, Consumer<Invalid> invalid, long maxRecords) {
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = TextFiles.open(file)) {
            String header = null;
            long headerLine = 0;
            StringBuilder seq = new StringBuilder();
            String line;
            long n = 0, letters = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith(";")) continue;
                if (t.startsWith(">")) {
                    if (header != null) emit(record(file, header, headerLine, seq, seen, invalid), sink);
                    if (seen.size() >= maxRecords) throw InputError.atLine(file, n, "more than " + maxRecords + " records (the limit for one FASTA file)");
                    header = t.substring(1).strip();
                    headerLine = n;
                    seq.setLength(0);
                    if (header.isEmpty()) throw InputError.atLine(file, n, "FASTA header without a name");
                } else {
                    if (header == null) {
                        throw InputError.atLine(file, n, "sequence text before the first '>' header (is this a FASTA file?)");
                    }
                    if (seq.length() + t.length() > Limits.MAX_SEQUENCE_LENGTH) {
                        throw InputError.atLine(file, headerLine, "record longer than " + Limits.MAX_SEQUENCE_LENGTH + " letters (the limit for one sequence)");
                    }
                    if ((letters += t.length()) > Limits.MAX_FASTA_LETTERS) {
                        throw InputError.atLine(file, n, "more than " + Limits.MAX_FASTA_LETTERS + " letters in all (the limit for one FASTA file)");
                    }
                    seq.append(t);
                }
            }
            if (header != null) emit(record(file, header, headerLine, seq, seen, invalid), sink);
            if (n == 0 || header == null) throw InputError.at(file, "no FASTA records found");
        } catch (IOException e) {
            throw TextFiles.readFailure(file, e);
        }
    }

    private static void emit(FastaRecord r, Consumer<FastaRecord> sink) {
        if (r != null) sink.accept(r);
    }

    /** The record, or null when it is invalid and {@code invalid} takes it. */
    private static FastaRecord record(Path file, String header, long line, StringBuilder seq, Set<String> seen,
                                      Consumer<Invalid> invalid) {
        int sp = firstSpace(header);
        String id = sp < 0 ? header : header.substring(0, sp);
        String desc = sp < 0 ? "" : header.substring(sp + 1).strip();
        if (!seen.add(id)) throw InputError.atLine(file, line, "duplicate record name '" + id + "'");
        try {
            String s = Rna.normalise(seq.toString(), file, line, "record '" + id + "'", "line");
            return new FastaRecord(id, desc, s, line);
        } catch (InputError e) {
            if (invalid == null) throw e;
            invalid.accept(new Invalid(id, line, e.getMessage()));
            return null;
        }
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    /**
     * How many records the file holds (its '>' header lines), counted without validating, for a
     * progress bar over a streamed read; stops counting past {@link Limits#MAX_FASTA_RECORDS},
     * where the read itself will refuse the file.
     */
    public static long countRecords(Path file) {
        long n = 0;
        try (BufferedReader in = TextFiles.open(file)) {
            String line;
            while (n <= Limits.MAX_FASTA_RECORDS && (line = in.readLine()) != null) if (line.strip().startsWith(">")) n++;
        } catch (IOException e) {
            throw TextFiles.readFailure(file, e);
        }
        return n;
    }

    /** Reads all records into a list. */
    public static List<FastaRecord> readAll(Path file) {
        return readAll(file, null);
    }

    /** Reads all valid records; invalid ones go to {@code invalid} if it is not null. */
    public static List<FastaRecord> readAll(Path file, Consumer<Invalid> invalid) {
        List<FastaRecord> out = new ArrayList<>();
        read(file, out::add, invalid);
        return out;
    }

    /** Writes records with one-line sequences. */
    public static void write(Writer out, List<FastaRecord> records) throws IOException {
        for (FastaRecord r : records) {
            out.write('>');
            out.write(r.id());
            if (!r.description().isEmpty()) out.write(" " + r.description());
            out.write('\n');
            out.write(r.sequence());
            out.write('\n');
        }
    }
}
