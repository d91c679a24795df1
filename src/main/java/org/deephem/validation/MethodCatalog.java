package org.deephem.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deephem.baseline.Baselines;
import org.deephem.baseline.Tca;
import org.deephem.method.Method;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;
import org.deephem.train.NetworkMethod;

/**
 * The methods the {@code cv} command knows by name. Each entry turns the network config of the
 * run (sized for the dataset, with the command's epochs/patience) into a {@link Method}; every
 * baseline of {@link Baselines} is known by its own name too.
 */
public final class MethodCatalog {
    private MethodCatalog() {}

    private static final Map<String, Function<ModelConfig, Method>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("deephem", c -> new NetworkMethod("deephem", c));
        // the honest twin: without the MTI branch (TargetScan's conserved targets nearly encode conservation)
        METHODS.put("deephem-nomti", c -> new NetworkMethod("deephem-nomti", c.withBranches(c.useSequence(), c.useInherent(), false)));
        // domain-adaptation baselines as configs of the same network (compare)
        METHODS.put("ddc", c -> new NetworkMethod("ddc", ddc(c)));
        METHODS.put("dan", c -> new NetworkMethod("dan", dan(c)));
        METHODS.put("source-only", c -> new NetworkMethod("source-only", sourceOnly(c)));
        METHODS.put("tca", c -> new Tca());
    }

    /** DDC (Tzeng et al. 2014): single-kernel MMD on one layer (the fused one), no adversarial term. */
    public static ModelConfig ddc(ModelConfig c) {
        return c.withKernel(MmdKernel.SINGLE).withMmdOnHidden(false).withLossWeights(c.mmdWeight(), 0);
    }

    /** DAN (Long et al. 2015): multi-kernel MMD on the fused and the classifier's hidden layer, summed; no adversarial term. */
    public static ModelConfig dan(ModelConfig c) {
        return c.withKernel(MmdKernel.MULTI).withMmdOnHidden(true).withLossWeights(c.mmdWeight(), 0);
    }

    /** The network with no adaptation: classification loss only. */
    public static ModelConfig sourceOnly(ModelConfig c) {
        return c.withMmdOnHidden(false).withLossWeights(0, 0);
    }

    public static List<String> names() {
        List<String> all = new java.util.ArrayList<>(METHODS.keySet());
        all.addAll(Baselines.names());
        return all;
    }

    /** The method called {@code name}, or an IllegalArgumentException listing the known names. */
    public static Method create(String name, ModelConfig network) {
        Function<ModelConfig, Method> f = METHODS.get(name);
        if (f == null && Baselines.names().contains(name)) return Baselines.byName(name);
        if (f == null) throw new IllegalArgumentException("unknown method '" + name + "' (known: " + String.join(", ", names()) + ")");
        return f.apply(network);
    }
}
