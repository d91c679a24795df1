package org.deephem.zoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.deephem.io.InputError;

/**
 * The scores a model gave a reference set (the 1,917 human miRBase 22 precursors for the shipped
 * models), stored in its zip as {@link #ENTRY}, so that a user's score can be placed among them:
 * "percentile 97" reads better than "0.83" when scores of different models are not comparable.
 * Logits are stored (they still rank where the probability rounds to 1) and the percentile is
 * taken on them.
 *
 * @param what   one line on what the reference set is, e.g. "1917 human precursors of dataset …"
 * @param ids    reference miRNAs
 * @param logits the model's logit of each (an ensemble's: the logit of its mean probability)
 */
public record ReferenceScores(String what, List<String> ids, double[] logits) {
    public static final String ENTRY = "reference_scores.csv";
    static final long MAX_BYTES = 16L << 20;
    private static final String WHAT = "# reference: ";

    public ReferenceScores {
        ids = List.copyOf(ids);
        logits = logits.clone();
        if (ids.size() != logits.length) throw new IllegalArgumentException("reference ids and logits differ in length");
        if (ids.isEmpty()) throw new IllegalArgumentException("an empty reference set");
        for (double l : logits) if (!Double.isFinite(l)) throw new IllegalArgumentException("a reference logit is not finite");
        if (what.contains("\n")) throw new IllegalArgumentException("the reference description is one line");
    }

    /**
     * The reference of a model trained on {@code ds}: its logits of the dataset's human rows
     * (null when the dataset has none), described by the folder's kind and the SHA-256 of its
     * dataset.json, never by a machine's folder.
     */
    public static ReferenceScores ofDataset(org.deephem.data.DeepHemDataset ds, double[] humanLogits) {
        if (ds.target().size() == 0) return null;
        Path folder = ds.folder();
        String kind = folder == null ? null : org.deephem.data.DatasetReader.kind(folder);
        String sha = null;
        if (folder != null && Files.isRegularFile(folder.resolve(org.deephem.data.Layout.MANIFEST))) {
            sha = org.deephem.io.Hashing.sha256(folder.resolve(org.deephem.data.Layout.MANIFEST));
        }
        String what = ds.target().size() + " human precursors of a " + (kind == null ? "dataset" : kind.split(":")[0] + " dataset")
                + (sha == null ? "" : " (dataset.json SHA-256 " + sha.substring(0, 12) + ")");
        return new ReferenceScores(what, ds.target().ids(), humanLogits);
    }

    public int size() {
        return logits.length;
    }

    /**
     * Where {@code logit} falls among the reference logits, in percent: 100 × (number below +
     * ½ number equal) / n (the mid-rank percentile, so a score equal to every reference score is 50).
     */
    public double percentile(double logit) {
        long below = 0, equal = 0;
        for (double r : logits) {
            if (r < logit) below++;
            else if (r == logit) equal++;
        }
        return 100.0 * (below + 0.5 * equal) / logits.length;
    }

    /** The zip entry's text: a description line, then {@code id,logit} rows in shortest round-trip form. */
    public byte[] toCsv() {
        StringBuilder sb = new StringBuilder(WHAT).append(what).append("\nid,logit\n");
        for (int i = 0; i < logits.length; i++) {
            sb.append(org.deephem.io.Delimited.csvLine(List.of(ids.get(i), Double.toString(logits[i]))));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static ReferenceScores parse(Path zip, byte[] bytes) {
        Path where = zip.resolve(ENTRY);
        List<String> ids = new ArrayList<>();
        double[] logits = new double[64];
        String what = "";
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith(WHAT)) {
                    what = line.substring(WHAT.length());
                    continue;
                }
                if (!header) {
                    if (!line.equals("id,logit")) throw InputError.atLine(where, lineNo, "expected the header 'id,logit'");
                    header = true;
                    continue;
                }
                int comma = line.lastIndexOf(',');
                if (comma <= 0) throw InputError.atLine(where, lineNo, "expected 'id,logit'");
                double l;
                try {
                    l = Double.parseDouble(line.substring(comma + 1));
                } catch (NumberFormatException e) {
                    throw InputError.atLine(where, lineNo, "logit '" + line.substring(comma + 1) + "' is not a number");
                }
                if (!Double.isFinite(l)) throw InputError.atLine(where, lineNo, "logit is not finite");
                String id = line.substring(0, comma);
                if (id.length() > 1 && id.startsWith("\"") && id.endsWith("\"")) id = id.substring(1, id.length() - 1).replace("\"\"", "\"");
                ids.add(id);
                if (n == logits.length) logits = Arrays.copyOf(logits, n * 2);
                logits[n++] = l;
            }
        } catch (IOException e) {
            throw InputError.at(where, "unreadable: " + e.getMessage());
        }
        if (n == 0) throw InputError.at(where, "holds no reference scores");
        return new ReferenceScores(what, ids, Arrays.copyOf(logits, n));
    }

    /**
     * The reference stored in a model or ensemble zip, or null if it has none (zips made before
     * references were stored, or trained without a human domain). The zip was checked by its
     * loader; this pass reads only the one entry, with a size cap.
     */
    public static ReferenceScores readFrom(Path zip) {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (!e.getName().equals(ENTRY)) continue;
                byte[] b = z.readNBytes((int) MAX_BYTES + 1);
                if (b.length > MAX_BYTES) throw InputError.at(zip, "entry '" + ENTRY + "' is larger than " + (MAX_BYTES >> 20) + " MiB");
                return parse(zip, b);
            }
        } catch (IOException e) {
            throw InputError.at(zip, "could not read zip: " + e.getMessage());
        }
        return null;
    }

    /** "1917 human precursors …": for messages. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d reference scores (%s)", logits.length, what);
    }
}
