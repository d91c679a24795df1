package org.deephem.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.deephem.experiment.Grid;
import org.deephem.model.ModelConfig;

/**
 * The candidate recipes of docs/SELECTION-PROTOCOL.md ("The candidates", fixed before any was
 * trained), as edits of the default config. Each comes in two twins: with MTI and without
 * ({@code --branches seq,inherent}). G, the 5-seed ensemble of the pick, is not a config: it is
 * made from the pick's cells after the rule has run ({@link CandidateStudy}).
 */
public final class Candidates {
    private Candidates() {}

    public static final String MTI = "MTI", NO_MTI = "no-MTI";

    /** One recipe: its letter, what it is in words, its lever family and the edit of the default. */
    public record Recipe(String id, String description, String lever, UnaryOperator<ModelConfig> edit) {}

    /** B: the regularisation bundle every later recipe starts from. */
    static ModelConfig regularised(ModelConfig c) {
        return c.withDropout(0.3, 0.3, 0.3).withTokenDropout(0.1).withLabelSmoothing(0.1)
                .withRegularisation(1e-3, c.validationFraction());
    }

    public static final List<Recipe> RECIPES = List.of(
            new Recipe("A", "today's default", "-", c -> c),
            new Recipe("B", "dropout 0.3 (branches, encoder, head), 3-mer token dropout 0.1, label smoothing 0.1, L2 1e-3",
                    "regularisation", Candidates::regularised),
            new Recipe("C", "B + lambda and alpha ramped over 10 epochs", "schedule", c -> regularised(c).withSchedule(10, 0)),
            new Recipe("D", "B + a gradient-reversal head predicting precursor length (weight 1)", "confound removal",
                    c -> regularised(c).withLengthAdvWeight(1)),
            new Recipe("E", "B + the unlabelled mouse precursors as extra target-side rows", "more unlabelled data",
                    c -> regularised(c).withUnlabelledMouseTarget(true)),
            new Recipe("F", "B with width 16 and MLP hidden 16", "smaller model",
                    c -> { ModelConfig b = regularised(c); return b.withSize(b.maxLength(), b.tokenPool(), 16, b.heads(), b.layers(), 16); }));

    /**
     * A round-2 candidate of amendment 3 (docs/SELECTION-PROTOCOL.md, "Round 2 (issue 24)", item
     * 4): round 1's pick of the twin ({@link #roundOneRecipe}) on annotated or canonical windows,
     * with or without length-balanced training.
     */
    public record Round2Recipe(String id, String description, boolean canonical, boolean weighted) {}

    public static final List<Round2Recipe> ROUND2 = List.of(
            new Round2Recipe("R0", "round 1's recipe on annotated windows", false, false),
            new Round2Recipe("R1", "R0 on canonical windows", true, false),
            new Round2Recipe("R2", "R0 with length-balanced training", false, true),
            new Round2Recipe("R3", "R0 on canonical windows with length-balanced training", true, true));

    /** The round-2 recipe of an id (R0–R3, any case), or null. */
    public static Round2Recipe round2(String id) {
        for (Round2Recipe r : ROUND2) if (r.id().equalsIgnoreCase(id)) return r;
        return null;
    }

    /** Round 1's pick of a twin, the recipe round 2 builds on: D without MTI, B with MTI (round 1's outcome). */
    public static Recipe roundOneRecipe(String family) {
        return recipe(family.equals(MTI) ? "B" : "D");
    }

    /**
     * The round-2 grid rows: every id in {@code ids} (in the order of {@link #ROUND2}), the no-MTI
     * twin first, then the MTI twin; group = family, variant = id. Canonical rows train on
     * {@code canonicalData} with the config sized for it.
     *
     * @param annotated the default config sized for the annotated dataset, with the run's epochs
     * @param canonical the same sized for the canonical-window dataset
     */
    public static List<Grid.Row> round2Rows(ModelConfig annotated, ModelConfig canonical, java.nio.file.Path canonicalData, List<String> ids) {
        List<Grid.Row> rows = new ArrayList<>();
        for (String family : List.of(NO_MTI, MTI)) {
            for (Round2Recipe r : ROUND2) {
                if (ids.stream().noneMatch(i -> i.equalsIgnoreCase(r.id()))) continue;
                ModelConfig cfg = twin(roundOneRecipe(family).edit().apply(r.canonical() ? canonical : annotated), family).withLengthBalance(r.weighted());
                rows.add(new Grid.Row(family, r.id(), key(r.id(), family), r.id() + " " + family, cfg, null, r.canonical() ? canonicalData : null));
            }
        }
        return rows;
    }

    /** The recipe of a letter, or null. */
    public static Recipe recipe(String id) {
        for (Recipe r : RECIPES) if (r.id().equalsIgnoreCase(id)) return r;
        return null;
    }

    /** Grid key of a recipe's twin, e.g. {@code b-nomti}. */
    public static String key(String id, String family) {
        return id.toLowerCase(Locale.ROOT) + (family.equals(MTI) ? "-mti" : "-nomti");
    }

    /** The twin of {@code c}: the MTI branch on or off, the rest unchanged. */
    public static ModelConfig twin(ModelConfig c, String family) {
        return c.withBranches(c.useSequence(), c.useInherent(), family.equals(MTI));
    }

    /**
     * The grid rows: every recipe in {@code ids} (in the order of {@link #RECIPES}), no-MTI twin first
     * (the headline family), then the MTI twin; group = family, variant = letter.
     *
     * @param base the default config, already sized for the dataset and with the run's epochs
     */
    public static List<Grid.Row> rows(ModelConfig base, List<String> ids) {
        List<Grid.Row> rows = new ArrayList<>();
        for (String family : List.of(NO_MTI, MTI)) {
            for (Recipe r : RECIPES) {
                if (ids.stream().noneMatch(i -> i.equalsIgnoreCase(r.id()))) continue;
                ModelConfig cfg = twin(r.edit().apply(base), family);
                rows.add(new Grid.Row(family, r.id(), key(r.id(), family), r.id() + " " + family, cfg));
            }
        }
        return rows;
    }
}
