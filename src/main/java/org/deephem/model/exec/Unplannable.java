package org.deephem.model.exec;

/** A graph (or an op in it) that the planned executor does not run; the caller uses SameDiff's session instead. */
public final class Unplannable extends RuntimeException {
    public Unplannable(String message) {
        super(message);
    }
}
