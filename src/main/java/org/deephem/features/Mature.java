package org.deephem.features;

/** An annotated mature miRNA of a precursor. */
public record Mature(String name, String sequence) {
    /** Matures from a FASTA (name = first word of the header); an absent file gives none. */
    public static java.util.List<Mature> readFasta(java.nio.file.Path fasta) {
        java.util.List<Mature> out = new java.util.ArrayList<>();
        if (fasta != null) org.deephem.io.Fasta.read(fasta, r -> out.add(new Mature(r.id(), r.sequence())));
        return out;
    }

    /** The matures (from a user's FASTA) whose sequence lies inside this precursor. */
    public static java.util.List<Mature> containedIn(String precursor, java.util.List<Mature> candidates) {
        java.util.List<Mature> out = new java.util.ArrayList<>();
        for (Mature m : candidates) if (precursor.contains(m.sequence())) out.add(m);
        return out;
    }
}
