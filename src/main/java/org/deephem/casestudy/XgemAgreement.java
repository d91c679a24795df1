package org.deephem.casestudy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deephem.eval.Metrics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Agreement of our scores with XGEM's own 0/1 calls on the unlabelled mouse miRNAs. XGEM's calls
 * are another model's predictions, not knockout results: a sanity comparison, never truth, and
 * never used to choose anything.
 */
public final class XgemAgreement {
    private XgemAgreement() {}

    /**
     * @param n                  miRNAs with both our score and an XGEM call
     * @param auroc              how well our scores rank XGEM's 1s above its 0s (0.5 = no agreement)
     * @param topCalledEssential of our top {@code top}, how many XGEM calls essential
     * @param expectedByChance   top × share of XGEM's 1s
     */
    public record Result(int n, int calledEssential, double auroc, int top, int topCalledEssential, double expectedByChance) {}

    public static Result of(List<String> ids, double[] rankKey, Map<String, Integer> calls, int topN) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) if (calls.containsKey(ids.get(i))) rows.add(i);
        if (rows.isEmpty()) return null;
        double[] key = new double[rows.size()];
        int[] label = new int[rows.size()];
        int ones = 0;
        for (int k = 0; k < key.length; k++) {
            key[k] = rankKey[rows.get(k)];
            label[k] = calls.get(ids.get(rows.get(k)));
            ones += label[k];
        }
        int top = Math.min(topN, key.length);
        int hits = 0;
        for (int r : CaseStudy.top(key, top)) hits += label[r];
        double auc = Metrics.auc(key, label); // NaN when XGEM calls only one class
        return new Result(key.length, ones, auc, top, hits, top * (double) ones / key.length);
    }

    public static Table table(Result r) {
        return Table.create("xgem_agreement",
                StringColumn.create("comparison", List.of("our scores vs XGEM's calls on the unlabelled mouse (a sanity comparison, not truth)")),
                IntColumn.create("n", new int[] {r.n()}), IntColumn.create("xgem_essential", new int[] {r.calledEssential()}),
                DoubleColumn.create("auroc", new double[] {r.auroc()}), IntColumn.create("top_n", new int[] {r.top()}),
                IntColumn.create("top_n_xgem_essential", new int[] {r.topCalledEssential()}), DoubleColumn.create("expected_by_chance", new double[] {r.expectedByChance()}));
    }
}
