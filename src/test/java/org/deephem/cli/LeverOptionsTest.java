package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.model.ModelConfig;
import org.deephem.testutil.TestData;
import org.deephem.zoo.ModelZip;
import org.deephem.zoo.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lever options reach the saved model's config, and `all` hands them on to `train` unchanged. */
class LeverOptionsTest {
    @TempDir
    Path tmp;

    static final String[] LEVERS = {"--width", "16", "--hidden", "8", "--weight-decay", "0.001", "--dropout", "0.2",
            "--encoder-dropout", "0.1", "--head-dropout", "0.3", "--token-dropout", "0.15", "--branch-dropout", "0.25",
            "--label-smoothing", "0.1", "--ramp-epochs", "3", "--warmup-epochs", "1", "--length-adv-weight", "0.5",
            "--unlabelled-mouse", "target"};

    static ModelConfig expected(ModelConfig c) {
        return c.withSize(c.maxLength(), c.tokenPool(), 16, c.heads(), c.layers(), 8).withRegularisation(0.001, c.validationFraction())
                .withDropout(0.2, 0.1, 0.3).withTokenDropout(0.15).withBranchDropout(0.25).withLabelSmoothing(0.1)
                .withSchedule(3, 1).withLengthAdvWeight(0.5).withUnlabelledMouseTarget(true);
    }

    @Test
    void everyLeverIsRecordedInTheSavedModelAndItScores() throws Exception {
        Path zoo = tmp.resolve("zoo");
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", TestData.demo().toString(), "--name", "levers",
                "--zoo", zoo.toString(), "--out", tmp.resolve("logs").toString(), "--epochs", "1", "--seed", "3"));
        args.addAll(List.of(LEVERS));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("dropout branches 0.20 encoder 0.10 head 0.30") && r.err().contains("unlabelled mouse as target rows"), r.err());
        TrainedModel m = ModelZip.load(zoo.resolve("levers.zip"));
        assertEquals(expected(m.config().withDropout(0, 0, 0).withTokenDropout(0).withBranchDropout(0).withLabelSmoothing(0)
                .withSchedule(0, 0).withLengthAdvWeight(0).withUnlabelledMouseTarget(false)), m.config());

        // the saved graph's keep-mask placeholders are fed with ones when scoring: the scores are
        // the ones training wrote for the kept weights
        Path a = tmp.resolve("a.csv");
        CliTest.Run s = CliTest.run("score", "--model", zoo.resolve("levers.zip").toString(), "--data", TestData.demo().toString(), "-o", a.toString());
        assertEquals(0, s.exit(), s.err());
        assertEquals(Files.readString(tmp.resolve("logs").resolve("human_scores.csv")), Files.readString(a));
    }

    @Test
    void allHandsTheLeversOnToTrainUnchanged() {
        AllCommand all = (AllCommand) Main.commandLine().parseArgs(prepend("all", LEVERS)).subcommand().commandSpec().userObject();
        TrainCommand train = (TrainCommand) Main.commandLine().parseArgs(prepend("train", LEVERS)).subcommand().commandSpec().userObject();
        ModelConfig d = ModelConfig.defaults();
        assertEquals(expected(d), all.levers.apply(d));
        assertEquals(expected(d), train.levers.apply(d));
        // all's child trainings are given the config itself: the one train makes of the same levers
        assertEquals(train.configure(d, d.maxLength(), d.mtiDim()), org.deephem.pipeline.AllPipeline.trainingConfig(all.levers.apply(d), train.seed, "deephem"));
        assertEquals(d, new LeverOptions().apply(d), "no option given, today's config");
    }

    @Test
    void lengthBalanceIsAFlagThatAllHandsOnAndOffIsTodaysConfig() {
        ModelConfig d = ModelConfig.defaults();
        TrainCommand on = (TrainCommand) Main.commandLine().parseArgs("train", "--length-balance").subcommand().commandSpec().userObject();
        assertEquals(d.withLengthBalance(true), on.levers.apply(d));
        TrainCommand off = (TrainCommand) Main.commandLine().parseArgs("train", "--length-balance", "false").subcommand().commandSpec().userObject();
        assertEquals(d, off.levers.apply(d));
        // round 2's R2 / R3 cells are train --recipe D (or B) --length-balance, config for config
        for (String family : List.of(org.deephem.selection.Candidates.NO_MTI, org.deephem.selection.Candidates.MTI)) {
            String branches = family.equals(org.deephem.selection.Candidates.MTI) ? "seq,inherent,mti" : "seq,inherent";
            String letter = org.deephem.selection.Candidates.roundOneRecipe(family).id();
            TrainCommand t = (TrainCommand) Main.commandLine().parseArgs("train", "--recipe", letter, "--branches", branches, "--length-balance")
                    .subcommand().commandSpec().userObject();
            ModelConfig r2 = org.deephem.selection.Candidates.round2Rows(d, d, Path.of("c"), List.of("R2")).stream()
                    .filter(r -> r.group().equals(family)).findFirst().orElseThrow().network();
            assertEquals(r2, t.configure(d, d.maxLength(), d.mtiDim()), "R2 " + family);
        }
        AllCommand all = (AllCommand) Main.commandLine().parseArgs("all", "--length-balance").subcommand().commandSpec().userObject();
        assertEquals(d.withLengthBalance(true), org.deephem.pipeline.AllPipeline.trainingConfig(all.levers.apply(d), d.seed(), "deephem"),
                "the config all's child trainings are given");
    }

    @Test
    void trainRecipeIsTheCandidateSelectDefaultTrains() {
        ModelConfig d = ModelConfig.defaults();
        for (String letter : List.of("A", "B", "D", "F")) {
            for (String family : List.of(org.deephem.selection.Candidates.NO_MTI, org.deephem.selection.Candidates.MTI)) {
                String branches = family.equals(org.deephem.selection.Candidates.MTI) ? "seq,inherent,mti" : "seq,inherent";
                TrainCommand train = (TrainCommand) Main.commandLine().parseArgs("train", "--recipe", letter.toLowerCase(java.util.Locale.ROOT),
                        "--branches", branches).subcommand().commandSpec().userObject();
                ModelConfig grid = org.deephem.selection.Candidates.rows(d, List.of(letter)).stream()
                        .filter(r -> r.group().equals(family)).findFirst().orElseThrow().network();
                assertEquals(grid, train.configure(d, d.maxLength(), d.mtiDim()), letter + " " + family);
            }
        }
        CliTest.Run bad = CliTest.run("train", "--data", TestData.demo().toString(), "--recipe", "Z", "--zoo", tmp.resolve("z").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().strip().equals("error: --recipe: unknown recipe 'Z' (known: A, B, C, D, E, F; see docs/SELECTION-PROTOCOL.md)"), bad.err());
        assertTrue(!Files.exists(tmp.resolve("z")), "nothing written");
    }

    private static String[] prepend(String first, String... rest) {
        String[] a = new String[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }
}
