package org.deephem.features;

/** An annotated mature miRNA of a precursor. */
public record Mature(String name, String sequence) {
    /** The matures (from a user's FASTA) whose sequence lies inside this precursor. */
    public static java.util.List<Mature> containedIn(String precursor, java.util.List<Mature> candidates) {
        java.util.List<Mature> out = new java.util.ArrayList<>();
        for (Mature m : candidates) if (precursor.contains(m.sequence())) out.add(m);
        return out;
    }
}
