package org.deephem.ensemble;

import java.util.List;
import org.deephem.data.Domain;
import org.deephem.eval.MemberSpread;
import org.deephem.method.Method;

/**
 * Fitted members scored together: the score of a miRNA is the mean of its member scores (the
 * mean probability for the network), and {@link #range} gives the 2.5–97.5 % range of the member
 * scores ({@link MemberSpread}), the same numbers {@code score} writes for a saved ensemble.
 *
 * @param memberRows the labelled rows each member was fitted on (indices into the dataset's source)
 */
public record FittedEnsemble(List<Method.Fitted> members, List<String> memberNames, List<int[]> memberRows,
                             boolean probabilities) implements Method.Fitted {
    public FittedEnsemble {
        members = List.copyOf(members);
        memberNames = List.copyOf(memberNames);
        memberRows = List.copyOf(memberRows);
    }

    /** {@code [member][row]}. */
    public double[][] memberScores(Domain domain) {
        double[][] out = new double[members.size()][];
        for (int m = 0; m < out.length; m++) out[m] = members.get(m).score(domain);
        return out;
    }

    @Override
    public double[] score(Domain domain) {
        return mean(memberScores(domain));
    }

    /** {@code [row] = {low, high}}: the 2.5–97.5 % range of the member scores of each row. */
    public double[][] range(Domain domain) {
        double[][] s = memberScores(domain);
        double[][] out = new double[domain.size()][];
        double[] column = new double[s.length];
        for (int r = 0; r < out.length; r++) {
            for (int m = 0; m < s.length; m++) column[m] = s[m][r];
            out[r] = MemberSpread.range(column);
        }
        return out;
    }

    static double[] mean(double[][] s) {
        double[] out = new double[s[0].length];
        for (double[] member : s) for (int r = 0; r < out.length; r++) out[r] += member[r];
        for (int r = 0; r < out.length; r++) out[r] /= s.length;
        return out;
    }
}
