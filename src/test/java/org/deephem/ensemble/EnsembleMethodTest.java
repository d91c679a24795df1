package org.deephem.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.data.Domain;
import org.deephem.method.Method;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnsembleMethodTest {
    static DeepHemDataset demo;

    @BeforeAll
    static void read() {
        demo = DatasetReader.read(TestData.demo());
    }

    /** Remembers what each fit saw; scores row r of any domain as r + (number of rows it was fitted on). */
    static final class Recorder implements Method {
        final List<int[]> rows = new ArrayList<>();
        final List<Long> seeds = new ArrayList<>();

        @Override
        public String name() {
            return "rec";
        }

        @Override
        public Fitted fit(DeepHemDataset ds, int[] trainRows, long seed) {
            rows.add(trainRows.clone());
            seeds.add(seed);
            int n = trainRows.length;
            return d -> IntStream.range(0, d.size()).mapToDouble(r -> r + n).toArray();
        }
    }

    @Test
    void seedMembersSeeAllRowsEachWithItsOwnSeed() {
        Recorder rec = new Recorder();
        int[] train = IntStream.range(0, 40).toArray();
        List<String> heard = new ArrayList<>();
        FittedEnsemble e = EnsembleMethod.ofSeeds("ens", rec, 4).fit(demo, train, 7, heard::add);
        assertEquals(4, e.members().size());
        assertEquals(e.memberNames(), heard);
        assertEquals(List.of("rec-seed1", "rec-seed2", "rec-seed3", "rec-seed4"), e.memberNames());
        assertEquals(4, new HashSet<>(rec.seeds).size(), "every member has its own seed");
        for (int[] r : rec.rows) assertArrayEquals(train, r);
        // the same master seed gives the same member seeds; a neighbouring one shares none
        Recorder again = new Recorder(), next = new Recorder();
        EnsembleMethod.ofSeeds("ens", again, 4).fit(demo, train, 7);
        EnsembleMethod.ofSeeds("ens", next, 4).fit(demo, train, 8);
        assertEquals(rec.seeds, again.seeds);
        Set<Long> shared = new HashSet<>(rec.seeds);
        shared.retainAll(next.seeds);
        assertTrue(shared.isEmpty());
    }

    @Test
    void foldMembersEachLeaveOutOneFoldOfTheGivenRowsOnly() {
        Recorder rec = new Recorder();
        // every second labelled row: the members must never see the others
        int[] train = IntStream.range(0, demo.labels().length).filter(i -> i % 2 == 0).toArray();
        FittedEnsemble e = EnsembleMethod.ofFolds("ens", rec, 3).fit(demo, train, 5);
        assertEquals(3, e.members().size());
        Set<Integer> allowed = new HashSet<>();
        for (int r : train) allowed.add(r);
        List<Integer> leftOut = new ArrayList<>();
        for (int[] rows : rec.rows) {
            Set<Integer> seen = new HashSet<>();
            for (int r : rows) {
                assertTrue(allowed.contains(r), "row " + r + " is outside the given rows");
                seen.add(r);
            }
            for (int r : train) if (!seen.contains(r)) leftOut.add(r);
        }
        // the left-out folds partition the given rows
        assertEquals(train.length, leftOut.size());
        assertEquals(allowed, new HashSet<>(leftOut));
    }

    @Test
    void scoreIsTheMemberMeanAndRangeTheirSpread() {
        Recorder rec = new Recorder();
        // 5 essential + 6 non-essential rows in 2 stratified folds: members fitted on 5 and 6 rows
        int[] picked = IntStream.concat(IntStream.range(0, demo.labels().length).filter(i -> demo.labels()[i] == 1).limit(5),
                IntStream.range(0, demo.labels().length).filter(i -> demo.labels()[i] == 0).limit(6)).toArray();
        FittedEnsemble e = EnsembleMethod.ofFolds("ens", rec, 2).fit(demo, picked, 1);
        // so they score row r as r + 5 and r + 6: mean r + 5.5, range (R type 7) r + 5.025 .. r + 5.975
        Domain d = new Domain("x", List.of("a", "b"), List.of("A", "C"), null, null);
        double[] s = e.score(d);
        assertArrayEquals(new double[] {5.5, 6.5}, s, 1e-15);
        double[][] range = e.range(d);
        assertArrayEquals(new double[] {5.025, 5.975}, range[0], 1e-12);
        assertArrayEquals(new double[] {6.025, 6.975}, range[1], 1e-12);
        assertEquals(2, rec.rows.size());
        int[] sizes = rec.rows.stream().mapToInt(r -> r.length).sorted().toArray();
        assertArrayEquals(new int[] {5, 6}, sizes);
    }

    @Test
    void oneMemberIsNotAnEnsemble() {
        assertThrows(IllegalArgumentException.class, () -> EnsembleMethod.ofSeeds("e", new Recorder(), 1));
        assertEquals(false, EnsembleMethod.ofSeeds("e", new Recorder(), 2).scoresAreProbabilities());
        assertEquals("e", EnsembleMethod.ofFolds("e", new Recorder(), 2).name());
    }
}
