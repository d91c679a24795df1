package org.deephem.baseline;

import java.util.ArrayList;
import java.util.List;
import org.deephem.baseline.LearnedBaseline.Algorithm;
import org.deephem.method.Method;

/** Every baseline, by name, in table order. */
public final class Baselines {
    private Baselines() {}

    /** Single features first, then the learned baselines with and without the MTI features. */
    public static List<Method> all() {
        List<Method> out = new ArrayList<>(SingleFeature.ALL);
        out.add(new LearnedBaseline(Algorithm.LOGISTIC, true));
        out.add(new LearnedBaseline(Algorithm.LOGISTIC, false));
        out.add(new LearnedBaseline(Algorithm.RANDOM_FOREST, true));
        out.add(new LearnedBaseline(Algorithm.RANDOM_FOREST, false));
        return out;
    }

    /** The baseline called {@code name}, or an error listing the names. */
    public static Method byName(String name) {
        for (Method m : all()) if (m.name().equals(name)) return m;
        throw new org.deephem.io.InputError("unknown baseline '" + name + "' (known: " + names() + ")");
    }

    /** Whether the method's scores depend on the seed (the learned ones); single features do not. */
    public static boolean isSeeded(Method m) {
        return m instanceof LearnedBaseline;
    }

    public static List<String> names() {
        return all().stream().map(Method::name).toList();
    }
}
