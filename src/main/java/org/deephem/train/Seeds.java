package org.deephem.train;

/**
 * The three random choices of a training run, kept apart so that each can be varied alone:
 * which labelled rows are held out for epoch selection ({@code split}), the initial weights
 * ({@code init}), and the order of the batches ({@code order}).
 */
public record Seeds(long split, long init, long order) {
    /** All three from one seed (what {@code train --seed} does unless told otherwise). */
    public static Seeds of(long seed) {
        return new Seeds(seed, seed, seed);
    }
}
