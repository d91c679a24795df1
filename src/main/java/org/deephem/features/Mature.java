package org.deephem.features;

/** An annotated mature miRNA of a precursor. */
public record Mature(String name, String sequence) {}
