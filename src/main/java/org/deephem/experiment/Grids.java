package org.deephem.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deephem.baseline.Baselines;
import org.deephem.method.Method;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.ModelConfig;
import org.deephem.validation.MethodCatalog;

/** The grids of {@code ablate} and {@code compare}, as values of {@link ModelConfig} and catalog names. */
public final class Grids {
    private Grids() {}

    public static final String FULL = "full";
    public static final List<String> ABLATION_GROUPS = List.of("features", "fusion", "kernel", "loss");

    /** Default methods of {@code compare}: the network, the adaptation baselines, then every baseline. */
    public static List<String> comparisonMethods() {
        List<String> out = new ArrayList<>(List.of("deephem", "ddc", "dan", "source-only", "tca"));
        out.addAll(Baselines.names());
        return out;
    }

    /**
     * The ablation rows of the chosen groups around {@code full} (the sized default config); a
     * variant equal to {@code full} is the full model's own row (key {@value #FULL}).
     */
    public static List<Grid.Row> ablation(ModelConfig full, List<String> groups) {
        List<Grid.Row> rows = new ArrayList<>();
        // every group lists the full model as one of its variants: that row is the reference
        for (String g : groups) {
            switch (g) {
                case "features" -> {
                    add(rows, full, g, "seq", full.withBranches(true, false, false));
                    add(rows, full, g, "mti", full.withBranches(false, false, true));
                    add(rows, full, g, "inherent", full.withBranches(false, true, false));
                    add(rows, full, g, "seq+mti", full.withBranches(true, false, true));
                    add(rows, full, g, "seq+inherent", full.withBranches(true, true, false));
                    add(rows, full, g, "mti+inherent", full.withBranches(false, true, true));
                    add(rows, full, g, "all", full.withBranches(true, true, true));
                }
                case "fusion" -> {
                    for (Fusion f : List.of(Fusion.ADD, Fusion.CROSS_ATTENTION, Fusion.CONCAT)) add(rows, full, g, f.name(), full.withFusion(f));
                }
                case "kernel" -> {
                    for (MmdKernel k : List.of(MmdKernel.MULTI, MmdKernel.SINGLE)) add(rows, full, g, k.name(), full.withKernel(k));
                }
                case "loss" -> {
                    double mmd = full.mmdWeight() > 0 ? full.mmdWeight() : 1, adv = full.advWeight() > 0 ? full.advWeight() : 1;
                    add(rows, full, g, "cls only", full.withLossWeights(0, 0));
                    add(rows, full, g, "mmd+cls", full.withLossWeights(mmd, 0));
                    add(rows, full, g, "adv+cls", full.withLossWeights(0, adv));
                    add(rows, full, g, "full", full.withLossWeights(mmd, adv));
                }
                default -> throw new IllegalArgumentException("unknown ablation group '" + g + "' (known: " + String.join(", ", ABLATION_GROUPS) + ")");
            }
        }
        return rows;
    }

    private static void add(List<Grid.Row> rows, ModelConfig full, String group, String variant, ModelConfig cfg) {
        String key = cfg.equals(full) ? FULL : group + "-" + slug(variant);
        rows.add(new Grid.Row(group, variant, key, cfg.equals(full) ? FULL : group + " " + variant, cfg));
    }

    /** Lower-case letters, digits and '-' only (file names). */
    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The comparison rows: each catalog name once; network methods carry their config (sized {@code base}). */
    public static List<Grid.Row> comparison(ModelConfig base, List<String> methods) {
        List<Grid.Row> rows = new ArrayList<>();
        for (String name : methods) {
            Method m = MethodCatalog.create(name, base);
            ModelConfig net = m.networkConfig().orElse(null);
            rows.add(new Grid.Row("compare", name, slug(name), name, net));
        }
        return rows;
    }

    /**
     * {@code rows} plus one row for the reference method as an ensemble of {@code n} seeds (group
     * "ensemble", key {@code <reference>-ens<n>}): each of its cells fits the reference n times with
     * seeds drawn from the cell's seed and scores the mean, so it is compared, paired by grid seed,
     * with the single model like any other row.
     */
    public static List<Grid.Row> withEnsemble(List<Grid.Row> rows, String reference, int n) {
        Grid.Row ref = rows.stream().filter(r -> r.key().equals(reference)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row is the reference " + reference));
        List<Grid.Row> out = new ArrayList<>(rows);
        out.add(new Grid.Row("ensemble", "mean of " + n + " seeds of " + reference, reference + "-ens" + n, ref.method(), ref.network(), n));
        return out;
    }
}
