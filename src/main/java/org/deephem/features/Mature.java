package org.deephem.features;

/** An annotated mature miRNA of a precursor. */
public record Mature(String name, String sequence) {
    /** Matures from a FASTA (name = first word of the header); an absent file gives none. */
    public static java.util.List<Mature> readFasta(java.nio.file.Path fasta) {
        java.util.List<Mature> out = new java.util.ArrayList<>();
        if (fasta != null) org.deephem.io.Fasta.read(fasta, r -> out.add(new Mature(r.id(), r.sequence())));
        return out;
    }

    /**
     * Where this mature lies in a precursor, as {@code build-dataset} finds it: the 0-based start
     * of its first occurrence, or −1 if the precursor does not contain it.
     */
    public int positionIn(String precursor) {
        return precursor.indexOf(sequence);
    }

    /**
     * {@code build-dataset}'s arm rule for the features 15–18: a mature starting at {@code pos}
     * of a precursor of {@code length} nt is a 5′-arm mature if it starts in the first half.
     */
    public static boolean startsInFirstHalf(int pos, int length) {
        return pos < length / 2.0;
    }

    /** The matures (from a user's FASTA) whose sequence lies inside this precursor. */
    public static java.util.List<Mature> containedIn(String precursor, java.util.List<Mature> candidates) {
        java.util.List<Mature> out = new java.util.ArrayList<>();
        for (Mature m : candidates) if (precursor.contains(m.sequence())) out.add(m);
        return out;
    }
}
