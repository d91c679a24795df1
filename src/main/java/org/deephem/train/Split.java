package org.deephem.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, stratified split of labelled rows into the rows trained on and the rows held out to
 * choose the epoch ("selection rows"). Indices are into {@code labels}.
 */
public record Split(int[] train, int[] validation) {
    public static Split stratified(int[] labels, double fraction, long seed) {
        return stratified(labels, null, fraction, seed);
    }

    /** Splits only {@code usable} (null = all rows); rows outside it are in neither part. */
    public static Split stratified(int[] labels, int[] usable, double fraction, long seed) {
        int[] pool = usable != null ? usable : Trainer.range(labels.length);
        Random rnd = new Random(seed ^ 0x5EEDL);
        List<Integer> tr = new ArrayList<>(), va = new ArrayList<>();
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> rows = new ArrayList<>();
            for (int i : pool) if (labels[i] == cls) rows.add(i);
            java.util.Collections.shuffle(rows, rnd);
            int nVal = (int) Math.round(rows.size() * fraction);
            va.addAll(rows.subList(0, nVal));
            tr.addAll(rows.subList(nVal, rows.size()));
        }
        java.util.Collections.sort(tr);
        java.util.Collections.sort(va);
        return new Split(tr.stream().mapToInt(Integer::intValue).toArray(), va.stream().mapToInt(Integer::intValue).toArray());
    }
}
