package org.deephem.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The round-2 rule of docs/SELECTION-PROTOCOL.md (amendment 3 item 5), within a twin:
 * <ol>
 * <li><em>Eligible</em>: saturation ≤ 50 %, mean nested-CV AUROC ≥ 0.80, and the length-matched
 *     AUROC's 95 % interval lies above 0.5 (its lower bound is above 0.5); and, as in round 1,
 *     at least 5 seeds and a defined seed stability;</li>
 * <li><em>Pick</em>: the eligible candidate with the highest LM-AUROC;</li>
 * <li><em>Ties</em> (LM-AUROC within 0.02 of the highest): the higher seed stability, then the
 *     lower mean CV log-loss, then the simpler recipe (annotated before canonical, unweighted
 *     before weighted), then the name, so the outcome never depends on input order;</li>
 * <li>no candidate eligible: no pick (the shipped default stays round 1's pick).</li>
 * </ol>
 * Like {@link ProtocolFigures}, it sees human <em>score</em> vectors and mouse figures only.
 */
public final class Round2Rule {
    private Round2Rule() {}

    /**
     * A round-2 candidate: its round-1 style figures' inputs, its length-matched AUROC with the
     * interval (from its first seed's nested CV), and its recipe's shape for the simplicity tie-break.
     */
    public record Candidate(ProtocolFigures.Candidate base, double lmAuroc, double lmLo, double lmHi, boolean canonical, boolean weighted) {
        public String name() {
            return base.name();
        }

        public String family() {
            return base.family();
        }
    }

    /** The rule's constants. */
    public record Rule(double minAuroc, double maxSaturation, double lmFloor, double lmTie, int minSeeds) {}

    /** As amendment 3 item 5 writes it. */
    public static final Rule PROTOCOL = new Rule(0.80, 0.50, 0.5, 0.02, 5);

    private static final double EPS = 1e-12;

    /** The rule applied to each family separately, families in order of first appearance. */
    public static Map<String, ProtocolFigures.Decision> pickByFamily(List<Candidate> candidates, Rule rule) {
        Map<String, List<Candidate>> byFamily = new LinkedHashMap<>();
        for (Candidate c : candidates) byFamily.computeIfAbsent(c.family(), f -> new ArrayList<>()).add(c);
        Map<String, ProtocolFigures.Decision> out = new LinkedHashMap<>();
        for (var e : byFamily.entrySet()) out.put(e.getKey(), pick(e.getValue(), rule));
        return out;
    }

    public static ProtocolFigures.Decision pick(List<Candidate> family, Rule rule) {
        if (family.isEmpty()) throw new IllegalArgumentException("no candidates");
        String name = family.get(0).family();
        List<ProtocolFigures.Verdict> verdicts = new ArrayList<>();
        List<Candidate> eligible = new ArrayList<>();
        Map<String, ProtocolFigures.Figures> figs = new LinkedHashMap<>();
        for (Candidate c : family) {
            if (!c.family().equals(name)) throw new IllegalArgumentException("candidates of families " + name + " and " + c.family() + " are ruled on separately");
            ProtocolFigures.Figures f = ProtocolFigures.figures(c.base());
            figs.put(c.name(), f);
            List<String> why = new ArrayList<>();
            if (f.seeds() < rule.minSeeds()) why.add(f.seeds() + " seeds, fewer than " + rule.minSeeds());
            if (Double.isNaN(f.seedStability())) why.add("seed stability undefined (a seed's human scores are all equal)");
            if (!(f.cvAuroc().mean() >= rule.minAuroc() - EPS)) why.add(String.format(Locale.ROOT, "CV AUROC %.3f below %.2f", f.cvAuroc().mean(), rule.minAuroc()));
            if (!(f.saturation().mean() <= rule.maxSaturation() + EPS)) {
                why.add(String.format(Locale.ROOT, "saturation %.1f %% above %.0f %%", 100 * f.saturation().mean(), 100 * rule.maxSaturation()));
            }
            if (Double.isNaN(c.lmAuroc()) || Double.isNaN(c.lmLo())) why.add("length-matched AUROC undefined");
            else if (!(c.lmLo() > rule.lmFloor())) {
                why.add(String.format(Locale.ROOT, "length-matched AUROC %.3f, interval [%.3f, %.3f] not above %.1f", c.lmAuroc(), c.lmLo(), c.lmHi(), rule.lmFloor()));
            }
            verdicts.add(new ProtocolFigures.Verdict(f, why.isEmpty(), why.isEmpty() ? "eligible" : String.join("; ", why)));
            if (why.isEmpty()) eligible.add(c);
        }
        if (eligible.isEmpty()) return new ProtocolFigures.Decision(name, verdicts, null, "no candidate is eligible: the shipped default stays round 1's pick");
        double top = eligible.stream().mapToDouble(Candidate::lmAuroc).max().orElseThrow();
        List<Candidate> tied = eligible.stream().filter(c -> c.lmAuroc() >= top - rule.lmTie() - EPS).toList();
        Candidate chosen = tied.stream().min(Comparator.comparingDouble((Candidate c) -> -figs.get(c.name()).seedStability())
                .thenComparingDouble(c -> figs.get(c.name()).cvLogLoss().mean()).thenComparing(Candidate::canonical)
                .thenComparing(Candidate::weighted).thenComparing(Candidate::name)).orElseThrow();
        String why = tied.size() == 1
                ? String.format(Locale.ROOT, "highest length-matched AUROC (%.3f, interval [%.3f, %.3f]) among %d eligible", chosen.lmAuroc(), chosen.lmLo(),
                        chosen.lmHi(), eligible.size())
                : String.format(Locale.ROOT, "%d eligible candidates within %.2f of the highest length-matched AUROC %.3f: highest seed stability (%.3f), "
                        + "then lower CV log-loss, then the simpler recipe", tied.size(), rule.lmTie(), top, figs.get(chosen.name()).seedStability());
        return new ProtocolFigures.Decision(name, verdicts, chosen.name(), why);
    }
}
