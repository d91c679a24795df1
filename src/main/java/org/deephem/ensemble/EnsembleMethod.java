package org.deephem.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.deephem.data.DeepHemDataset;
import org.deephem.method.Method;
import org.deephem.validation.Folds;

/**
 * An ensemble as a {@link Method}: several fits of one member method, scored together (the mean
 * of the members' scores; see {@link FittedEnsemble} for the per-miRNA range). Two kinds:
 * <ul>
 *   <li><b>seeds</b>: every member is fitted on all the given rows, each with its own seed;</li>
 *   <li><b>folds</b>: the given rows are split into k stratified folds and member i is fitted on
 *   all but fold i (the "CV fold models"), so that members differ in data as well as in seed.</li>
 * </ul>
 * Member seeds are drawn from {@code seed} by a {@link SplittableRandom}, so ensembles fitted
 * with neighbouring seeds share no member seed. Like any method, it sees only {@code trainRows}.
 */
public final class EnsembleMethod implements Method {
    public enum Kind { SEEDS, FOLDS }

    private final String name;
    private final Method member;
    private final Kind kind;
    private final int size;

    private EnsembleMethod(String name, Method member, Kind kind, int size) {
        if (size < 2) throw new IllegalArgumentException("an ensemble needs at least 2 members, got " + size);
        this.name = name;
        this.member = member;
        this.kind = kind;
        this.size = size;
    }

    /** {@code n} fits of {@code member} on the same rows with different seeds. */
    public static EnsembleMethod ofSeeds(String name, Method member, int n) {
        return new EnsembleMethod(name, member, Kind.SEEDS, n);
    }

    /** {@code k} fits of {@code member}, each leaving out one of k stratified folds of the rows. */
    public static EnsembleMethod ofFolds(String name, Method member, int k) {
        return new EnsembleMethod(name, member, Kind.FOLDS, k);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean scoresAreProbabilities() {
        return member.scoresAreProbabilities();
    }

    public Kind kind() {
        return kind;
    }

    public int size() {
        return size;
    }

    @Override
    public FittedEnsemble fit(DeepHemDataset ds, int[] trainRows, long seed) {
        return fit(ds, trainRows, seed, null);
    }

    /** As {@link #fit(DeepHemDataset, int[], long)}; {@code memberDone} (may be null) hears each member's name as it is fitted. */
    public FittedEnsemble fit(DeepHemDataset ds, int[] trainRows, long seed, Consumer<String> memberDone) {
        Consumer<String> done = memberDone != null ? memberDone : n -> { };
        List<Fitted> fitted = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<int[]> rowsOf = new ArrayList<>();
        if (kind == Kind.SEEDS) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < size; i++) {
                long s = rnd.nextLong();
                fitted.add(member.fit(ds, trainRows, s));
                names.add(member.name() + "-seed" + (i + 1));
                rowsOf.add(trainRows.clone());
                done.accept(names.get(i));
            }
        } else {
            int[] labels = new int[trainRows.length];
            for (int i = 0; i < labels.length; i++) labels[i] = ds.labels()[trainRows[i]];
            for (Folds.Fold f : Folds.stratified(labels, size, 1, seed)) {
                int[] rows = new int[f.train().length];
                for (int i = 0; i < rows.length; i++) rows[i] = trainRows[f.train()[i]];
                fitted.add(member.fit(ds, rows, f.fitSeed()));
                names.add(member.name() + "-fold" + (f.fold() + 1));
                rowsOf.add(rows);
                done.accept(names.get(names.size() - 1));
            }
        }
        return new FittedEnsemble(fitted, names, rowsOf, member.scoresAreProbabilities());
    }
}
