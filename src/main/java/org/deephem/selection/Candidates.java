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
