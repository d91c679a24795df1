package org.deephem.cli;

import java.util.Locale;
import java.util.Map;
import org.deephem.io.InputError;
import org.deephem.model.ModelConfig;
import picocli.CommandLine.Option;

/**
 * The model-size, regularisation, schedule, confound and data levers, shared by {@code train},
 * {@code cv} and {@code all} (a picocli mixin). Left out, each keeps the {@link ModelConfig}
 * default (every lever off = today's model). Every value ends up in the model's config.json.
 */
final class LeverOptions {
    @Option(names = "--width", description = "model width d (default: 32)")
    Integer width;
    @Option(names = "--hidden", description = "hidden width of the MLPs: branches, classifier, discriminator (default: 32)")
    Integer hidden;
    @Option(names = "--weight-decay", description = "L2 penalty (l2/2)·Σ‖W‖² on weight matrices, 0 to 1 (default: 1e-4)")
    Double weightDecay;
    @Option(names = "--dropout", description = "dropout rate on each branch embedding, training only, 0 to 0.9 (default: 0)")
    Double dropout;
    @Option(names = "--encoder-dropout", description = "dropout rate on the encoder's attention and feed-forward outputs, training only (default: 0)")
    Double encoderDropout;
    @Option(names = "--head-dropout", description = "dropout rate in the classifier head, training only (default: 0)")
    Double headDropout;
    @Option(names = "--token-dropout", description = "share of 3-mer token positions zeroed per training row, 0 to 0.9 (default: 0)")
    Double tokenDropout;
    @Option(names = "--branch-dropout", description = "probability of dropping a whole branch embedding for a training row (one branch is always kept), 0 to 0.9 (default: 0)")
    Double branchDropout;
    @Option(names = "--label-smoothing", description = "ε: classification targets ε/2 and 1−ε/2, 0 to 0.5 (default: 0)")
    Double labelSmoothing;
    @Option(names = "--ramp-epochs", description = "epochs over which λ and α ramp up after the warm-up (default: the epochs left after the warm-up, i.e. all epochs without one)")
    Integer rampEpochs;
    @Option(names = "--warmup-epochs", description = "classifier warm-up: epochs with λ = α = 0 before the ramp (default: 0)")
    Integer warmupEpochs;
    @Option(names = "--length-adv-weight", description = "weight of a gradient-reversal head that predicts precursor length from the fused features, 0 = off (default: 0)")
    Double lengthAdvWeight;
    @Option(names = "--length-balance", arity = "0..1", fallbackValue = "true", description = "weigh each labelled mouse row by min(p_ess, p_non) / p_class of its 10-nt length bin in the classification loss "
            + "and the selection log-loss, so that both classes have the same weighted length distribution (docs/SELECTION-PROTOCOL.md amendment 3; default: off)")
    Boolean lengthBalance;
    @Option(names = "--unlabelled-mouse", description = "target: add the unlabelled mouse precursors as target-side rows of the domain terms (never as labels); off (default: off)")
    String unlabelledMouse;

    /** The option that sets each config field, so that a bad value is reported under the name the user typed. */
    static final Map<String, String> OPTION_OF = Map.ofEntries(Map.entry("width", "--width"), Map.entry("hidden", "--hidden"),
            Map.entry("l2", "--weight-decay"), Map.entry("featureDropout", "--dropout"),
            Map.entry("encoderDropout", "--encoder-dropout"), Map.entry("headDropout", "--head-dropout"),
            Map.entry("tokenDropout", "--token-dropout"), Map.entry("branchDropout", "--branch-dropout"),
            Map.entry("labelSmoothing", "--label-smoothing"), Map.entry("rampEpochs", "--ramp-epochs"),
            Map.entry("warmupEpochs", "--warmup-epochs"), Map.entry("lengthAdvWeight", "--length-adv-weight"));

    /** {@code c} with every given lever; a value out of bounds is an {@link InputError} naming its option. */
    ModelConfig apply(ModelConfig c) {
        try {
            ModelConfig r = c.withSize(c.maxLength(), c.tokenPool(), width != null ? width : c.width(), c.heads(), c.layers(),
                            hidden != null ? hidden : c.hidden())
                    .withRegularisation(weightDecay != null ? weightDecay : c.l2(), c.validationFraction())
                    .withDropout(dropout != null ? dropout : c.featureDropout(), encoderDropout != null ? encoderDropout : c.encoderDropout(),
                            headDropout != null ? headDropout : c.headDropout())
                    .withTokenDropout(tokenDropout != null ? tokenDropout : c.tokenDropout())
                    .withBranchDropout(branchDropout != null ? branchDropout : c.branchDropout())
                    .withLabelSmoothing(labelSmoothing != null ? labelSmoothing : c.labelSmoothing())
                    .withSchedule(rampEpochs != null ? rampEpochs : c.rampEpochs(), warmupEpochs != null ? warmupEpochs : c.warmupEpochs())
                    .withLengthAdvWeight(lengthAdvWeight != null ? lengthAdvWeight : c.lengthAdvWeight());
            if (lengthBalance != null) r = r.withLengthBalance(lengthBalance);
            return unlabelledMouse != null ? r.withUnlabelledMouseTarget(unlabelledTarget()) : r;
        } catch (ModelConfig.Invalid e) {
            throw invalid(e, Map.of());
        }
    }

    /** A config value out of bounds as a one-line error naming the option that set it ({@code more}: a command's own options). */
    static InputError invalid(ModelConfig.Invalid e, Map<String, String> more) {
        String option = more.getOrDefault(e.field(), OPTION_OF.getOrDefault(e.field(), e.field()));
        if (e.field().equals("heads") && e.problem().startsWith("must divide")) option = "--heads/--width";
        if (e.field().equals("useSequence")) option = "--branches";
        return new InputError(option + ": " + e.problem());
    }

    private boolean unlabelledTarget() {
        return switch (unlabelledMouse.strip().toLowerCase(Locale.ROOT)) {
            case "target" -> true;
            case "off" -> false;
            default -> throw new InputError("--unlabelled-mouse: use target or off, not '" + unlabelledMouse + "'");
        };
    }
}
