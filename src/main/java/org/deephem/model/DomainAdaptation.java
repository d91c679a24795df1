package org.deephem.model;

import static org.deephem.model.ModelConfig.range;

import java.util.ArrayList;
import java.util.List;

/**
 * The terms that pull mouse and human features together, each with its weight (0 = off), and
 * which rows are the target side. Part of {@link ModelConfig}.
 *
 * <p>{@link #terms} holds every kind once, in the order of {@link Term}'s permitted types (a
 * kind left out is added switched off), so two configs that train alike are equal. Adding a
 * domain-adaptation method: a new {@link Term} record here, its loss in {@code DeepHemGraph},
 * and its flat field in {@link ModelConfig#FIELDS} (the JSON and the CLI read that).
 *
 * @param unlabelledMouseTarget the unlabelled mouse precursors join the human rows as target-side
 *                              rows of the terms (never as labels)
 */
public record DomainAdaptation(List<Term> terms, boolean unlabelledMouseTarget) {

    /** One domain-adaptation loss term. */
    public sealed interface Term permits Mmd, Adversarial, LengthAdversarial {
        /** Weight of the term in the loss; 0 turns it off. */
        double weight();

        default boolean on() {
            return weight() > 0;
        }
    }

    /**
     * Maximum mean discrepancy between mouse and human fused features.
     *
     * @param onHidden also on the classifier's hidden layer (DAN's several-layer MK-MMD)
     */
    public record Mmd(double weight, MmdKernel kernel, boolean onHidden) implements Term {
        public Mmd {
            if (kernel == null) throw new ModelConfig.Invalid("kernel", "is missing");
            range("mmdWeight", weight, 0, ModelConfig.MAX_LOSS_WEIGHT, true);
        }
    }

    /** A gradient-reversed discriminator that tells mouse from human fused features. */
    public record Adversarial(double weight) implements Term {
        public Adversarial {
            range("advWeight", weight, 0, ModelConfig.MAX_LOSS_WEIGHT, true);
        }
    }

    /** A gradient-reversed head that regresses the standardised precursor length (squared loss). */
    public record LengthAdversarial(double weight) implements Term {
        public LengthAdversarial {
            range("lengthAdvWeight", weight, 0, ModelConfig.MAX_LOSS_WEIGHT, true);
        }
    }

    public DomainAdaptation {
        Mmd mmd = null;
        Adversarial adv = null;
        LengthAdversarial len = null;
        if (terms == null) throw new ModelConfig.Invalid("terms", "is missing");
        for (Term t : terms) {
            if (t == null) throw new ModelConfig.Invalid("terms", "has a missing term");
            if (t instanceof Mmd m) mmd = once(mmd, m);
            else if (t instanceof Adversarial a) adv = once(adv, a);
            else if (t instanceof LengthAdversarial l) len = once(len, l);
        }
        List<Term> all = new ArrayList<>(3);
        all.add(mmd != null ? mmd : new Mmd(0, MmdKernel.MULTI, false));
        all.add(adv != null ? adv : new Adversarial(0));
        all.add(len != null ? len : new LengthAdversarial(0));
        terms = List.copyOf(all);
    }

    private static <T extends Term> T once(T seen, T t) {
        if (seen != null) throw new ModelConfig.Invalid("terms", "has " + t.getClass().getSimpleName() + " twice");
        return t;
    }

    public Mmd mmd() {
        return (Mmd) terms.get(0);
    }

    public Adversarial adversarial() {
        return (Adversarial) terms.get(1);
    }

    public LengthAdversarial lengthAdversarial() {
        return (LengthAdversarial) terms.get(2);
    }

    /** The terms with a weight above 0. */
    public List<Term> active() {
        return terms.stream().filter(Term::on).toList();
    }
}
