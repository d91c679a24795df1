package org.deephem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deephem.data.DeepHemDataset;
import org.deephem.io.InputError;
import org.deephem.selection.Candidates;
import org.deephem.selection.SelectionProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "select-default", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the candidate recipes of docs/SELECTION-PROTOCOL.md (A-F, each with and without MTI) on one resumable grid, applies the protocol's rule per twin family "
                + "(mouse nested CV and target-side signals only), then the 5-seed ensemble of each pick (G), and writes every candidate's protocol figures beside its human correlations and the baselines'.",
                "Cells: one per candidate and seed (the first seed also runs the candidate's one nested CV, amendment 1; --cv 5x1 is amendment 2). Resume, --jobs and --quick as ablate.",
                "--round 2 --canonical-data DIR: round 2 of amendment 3 (R0-R3 on round 1's picks D / B, R1 and R3 on the canonical windows; eligibility by CV AUROC >= 0.80, saturation <= 50 %% and an LM-AUROC interval above 0.5; pick by the highest length-matched AUROC; no G)."})
final class SelectDefaultCommand implements Callable<Integer> {
    @Mixin
    GridOptions grid;
    @Option(names = "--candidates", split = ",", description = "recipe letters (default: A,B,C,D,E,F, as the protocol lists them)")
    List<String> ids;
    @Option(names = "--ensemble-seeds", split = ",", description = "the second 5 seeds of each pick for G (default: 6,7,8,9,10; --quick: 3,4)")
    List<Long> ensembleSeeds;
    @Option(names = "--no-ensemble", description = "skip G (the ensemble of the pick)")
    boolean noEnsemble;
    @Option(names = "--round", defaultValue = "1", description = "1: round 1 (A-F, then G); 2: round 2 of amendment 3 (R0-R3 built on round 1's picks, the LM-AUROC rule, no G) (default: ${DEFAULT-VALUE})")
    int round;
    @Option(names = "--canonical-data", description = "round 2: the canonical-window dataset folder (build-dataset --window canonical) that R1 and R3 train on")
    Path canonicalData;

    static final String CV = "5x2";
    static final List<Long> ENSEMBLE_SEEDS = List.of(6L, 7L, 8L, 9L, 10L), QUICK_ENSEMBLE_SEEDS = List.of(3L, 4L);

    @Override
    public Integer call() {
        grid.defaultCv = CV;
        grid.check();
        if (round != 1 && round != 2) throw new InputError("--round: give 1 or 2 (got " + round + ")");
        SelectionProtocol.Decision d = round == 2 ? round2() : round1();
        System.out.print(d.text());
        System.out.println("table: " + d.table() + " (and .xlsx, provenance); decision: " + d.decision());
        return 0;
    }

    private SelectionProtocol.Decision round1() {
        if (canonicalData != null) throw new InputError("--canonical-data: only --round 2 reads it");
        List<String> letters = new ArrayList<>();
        for (String id : ids != null ? ids : Candidates.RECIPES.stream().map(Candidates.Recipe::id).toList()) {
            Candidates.Recipe r = Candidates.recipe(id.strip());
            if (r == null) throw new InputError("--candidates: unknown recipe '" + id.strip() + "' (known: A, B, C, D, E, F; G is made from the pick)");
            if (!letters.contains(r.id())) letters.add(r.id());
        }
        List<Long> seeds = grid.seeds(), more = ensembleSeeds != null ? ensembleSeeds : grid.quick ? QUICK_ENSEMBLE_SEEDS : ENSEMBLE_SEEDS;
        if (!noEnsemble && more.stream().anyMatch(seeds::contains)) throw new InputError("--ensemble-seeds: must not share a seed with --seeds");
        if (!noEnsemble && more.size() != seeds.size()) throw new InputError("--ensemble-seeds: give as many seeds as --seeds (" + seeds.size() + ")");
        int[] cv = protocolCv();
        DeepHemDataset ds = grid.dataset();
        return SelectionProtocol.round1(new SelectionProtocol.Round1(grid.data(), ds, grid.network(ds), letters, seeds, noEnsemble ? null : more,
                cv[0], cv[1], grid.out, grid.runnerChoice()));
    }

    /** Round 2 of amendment 3: its options checked, both datasets read (the same checks on the canonical folder) and of the same rows. */
    private SelectionProtocol.Decision round2() {
        if (canonicalData == null) throw new InputError("--canonical-data: round 2 needs the canonical-window dataset folder (build-dataset --window canonical)");
        if (ensembleSeeds != null) throw new InputError("--ensemble-seeds: round 2 trains no G (amendment 3 item 5: the pick's seeds are its ensemble)");
        List<String> ids = new ArrayList<>();
        for (String id : this.ids != null ? this.ids : Candidates.ROUND2.stream().map(Candidates.Round2Recipe::id).toList()) {
            Candidates.Round2Recipe r = Candidates.round2(id.strip());
            if (r == null) throw new InputError("--candidates: unknown round-2 candidate '" + id.strip() + "' (known: R0, R1, R2, R3)");
            if (!ids.contains(r.id())) ids.add(r.id());
        }
        List<Long> seeds = grid.seeds();
        int[] cv = protocolCv();
        DeepHemDataset ds = grid.dataset();
        Path annotatedData = grid.data();
        DeepHemDataset canon;
        try {
            canon = grid.dataset(canonicalData); // the same checks (features, enough rows for the CV) on the canonical folder
        } catch (InputError e) {
            throw new InputError("--canonical-data: " + e.getMessage());
        }
        SelectionProtocol.checkSameRows(ds, canon);
        return SelectionProtocol.round2(new SelectionProtocol.Round2(annotatedData, ds, canonicalData, canon, grid.network(ds), grid.network(canon),
                ids, seeds, cv[0], cv[1], grid.out, grid.runnerChoice()));
    }

    /** The protocol rules on the nested CV: --cv 0 is refused. */
    private int[] protocolCv() {
        int[] cv = grid.cvFoldsRepeats();
        if (cv[0] == 0) throw new InputError("--cv: the protocol rules on the nested CV; give FOLDSxREPEATS (default " + CV + ")");
        return cv;
    }
}
