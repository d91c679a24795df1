package org.deephem.analysis;

import java.util.List;

/**
 * One vector of human scores to evaluate: a method's name, the seed of this run ("" when the
 * method has no seed or only one run), and one score per id (higher = more likely essential).
 */
public record NamedScores(String method, String seed, List<String> ids, double[] scores) {
    public NamedScores {
        if (ids.size() != scores.length) throw new IllegalArgumentException("ids and scores differ in length");
        if (seed == null) seed = "";
    }
}
