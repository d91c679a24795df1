package org.deephem.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded, stratified k-fold splits of the labelled rows, repeated with fresh shuffles. */
public final class Folds {
    private Folds() {}

    /**
     * One outer fold: the method is fitted on {@code train} and scored on {@code test}.
     *
     * @param fitSeed the seed handed to {@code Method.fit} (the same for every method of this fold)
     */
    public record Fold(int repeat, int fold, int[] train, int[] test, long fitSeed) {}

    /**
     * {@code repeats} × {@code k} folds. Within a repeat each class's rows are shuffled and dealt
     * round-robin to the folds, so every row is tested exactly once per repeat and the class
     * counts of two folds differ by at most one. All random choices come from {@code seed}.
     */
    public static List<Fold> stratified(int[] labels, int k, int repeats, long seed) {
        if (k < 2) throw new IllegalArgumentException("at least 2 folds are needed, got " + k);
        if (repeats < 1) throw new IllegalArgumentException("at least 1 repeat is needed, got " + repeats);
        for (int cls = 0; cls <= 1; cls++) {
            int c = cls;
            long n = Arrays.stream(labels).filter(y -> y == c).count();
            if (n < k) throw new IllegalArgumentException(k + " folds need at least " + k + " rows of each class; label " + cls + " has " + n);
        }
        Random master = new Random(seed);
        List<Fold> out = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            Random shuffle = new Random(master.nextLong());
            int[] foldOf = new int[labels.length];
            for (int cls = 0; cls <= 1; cls++) {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < labels.length; i++) if (labels[i] == cls) rows.add(i);
                java.util.Collections.shuffle(rows, shuffle);
                // continue the round-robin across classes so that fold sizes stay balanced too
                int start = cls == 0 ? 0 : (int) (Arrays.stream(labels).filter(y -> y == 0).count() % k);
                for (int j = 0; j < rows.size(); j++) foldOf[rows.get(j)] = (start + j) % k;
            }
            for (int f = 0; f < k; f++) {
                int ff = f;
                int[] test = java.util.stream.IntStream.range(0, labels.length).filter(i -> foldOf[i] == ff).toArray();
                int[] train = java.util.stream.IntStream.range(0, labels.length).filter(i -> foldOf[i] != ff).toArray();
                out.add(new Fold(r + 1, f + 1, train, test, master.nextLong()));
            }
        }
        return out;
    }
}
