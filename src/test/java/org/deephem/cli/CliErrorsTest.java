package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deephem.io.WriteError;
import org.deephem.model.Fusion;
import org.deephem.model.MmdKernel;
import org.deephem.model.Selection;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and one-line messages for user mistakes on the command line and in files. */
class CliErrorsTest {
    @TempDir
    Path tmp;

    /**
     * Exit 2 and the error as one last line "error: ..." without Java class names, containing every
     * {@code expected}; at most an informational line before it (the backend line of score).
     */
    private static String badInput(CliTest.Run r, String... expected) {
        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.err().strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("error: "), r.err());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("error")).count(), "one error line: " + r.err());
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(0).startsWith("ND4J "), "nothing else: " + r.err());
        assertFalse(last.matches("(?s).*(java\\.|Exception|picocli\\.).*"), "no class names: " + r.err());
        for (String e : expected) assertTrue(last.contains(e), "'" + e + "' in: " + r.err());
        return last;
    }

    @Test
    void folderGivenAsFileAndFileGivenAsFolder() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("precursors.fa"));
        badInput(CliTest.run("features", folder.toString(), "-o", tmp.resolve("f.csv").toString()), folder + ": is a folder, not a file");
        Path fa = Files.writeString(tmp.resolve("ok.fa"), ">a\nGGGAAACCC\n");
        Path outFolder = Files.createDirectory(tmp.resolve("out"));
        badInput(CliTest.run("features", fa.toString(), "-o", outFolder.toString()), outFolder + ": is a folder; give the name of a file to write");
        badInput(CliTest.run("score", "--model", outFolder.toString(), "--fasta", fa.toString(), "-o", tmp.resolve("s.csv").toString()), outFolder.toString());
        Path zooFile = Files.writeString(tmp.resolve("zoo"), "not a folder");
        badInput(CliTest.run("train", "--data", TestData.demo().toString(), "--zoo", zooFile.toString(), "--out", tmp.resolve("logs").toString()),
                zooFile + ": is a file, but a folder is needed");
        assertEquals(List.of("ok.fa", "out", "precursors.fa", "zoo"), TestData.names(tmp), "nothing written");
        assertEquals(List.of(), TestData.names(outFolder));
    }

    @Test
    void optionConversionErrorsAreOneLineNamingTheOption() {
        badInput(CliTest.run("train", "--epochs", "ten"), "--epochs", "'ten'", "see 'deephem train --help'");
        badInput(CliTest.run("train", "--mmd-weight", "NaN"), "--mmd-weight", "not finite");
        badInput(CliTest.run("train", "--adv-weight", "0x1p3"), "--adv-weight", "not a number");
        badInput(CliTest.run("train", "--fusion", "sum"), "--fusion", "CONCAT");
        badInput(CliTest.run("features", "in\u0000.fa", "-o", "x.csv"), "not a usable path");
        badInput(CliTest.run("score", "--model", "m.zip"), "--data", "--fasta");
        badInput(CliTest.run("score", "--model", "m.zip", "--data", "data"), "-o/--out is required");
        badInput(CliTest.run("score", "--model", "m.zip", "--data", "data", "--record-expected"), "--record-expected goes with --fasta");
        badInput(CliTest.run("no-such-command"), "no-such-command");
    }

    /** --threads is checked on every command that has it, before any work; nothing is written. */
    @Test
    void threadsOutOfRangeIsOneLine() throws IOException {
        String[] out = {"--zoo", tmp.resolve("zoo").toString(), "--out", tmp.resolve("logs").toString()};
        badInput(CliTest.run(cat(new String[] {"train", "--threads", "0"}, out)), "--threads", "between 1 and 256", "got 0");
        badInput(CliTest.run("score", "--threads", "999", "--model", "m.zip", "--data", "data", "-o", tmp.resolve("s.csv").toString()), "--threads");
        badInput(CliTest.run("cv", "--threads", "-1", "-o", tmp.resolve("cv").toString()), "--threads");
        badInput(CliTest.run("all", "--threads", "0", "--zoo", tmp.resolve("zoo").toString(), "--reports", tmp.resolve("r").toString()), "--threads");
        badInput(CliTest.run("bench", "--threads", "0"), "--threads");
        badInput(CliTest.run("bench", "--pairs", "0"), "--pairs");
        badInput(CliTest.run("train", "--threads", "two"), "--threads", "'two'");
        assertEquals(List.of(), TestData.names(tmp), "nothing written");
    }

    /** `all` refuses bad seeds and fold counts before any work, writing nothing. */
    @Test
    void allChecksItsOptionsFirst() throws IOException {
        String[] out = {"--zoo", tmp.resolve("zoo").toString(), "--reports", tmp.resolve("reports").toString()};
        badInput(CliTest.run(cat(new String[] {"all", "--seeds", "1,1"}, out)), "--seeds", "twice");
        badInput(CliTest.run(cat(new String[] {"all", "--folds", "1"}, out)), "--folds", "at least 2");
        badInput(CliTest.run(cat(new String[] {"all", "--cv-epochs", "0"}, out)), "--cv-epochs");
        badInput(CliTest.run(cat(new String[] {"all", "--seeds", "one"}, out)), "--seeds", "'one'");
        badInput(CliTest.run(cat(new String[] {"all", "--comparison-set", tmp.resolve("nowhere").toString()}, out)), "--comparison-set", "no such dataset folder");
        assertEquals(List.of(), TestData.names(tmp), "nothing written");
    }

    private static String[] cat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void enumOptionsInAnyCase() {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult pr = cl.parseArgs("train", "--fusion", "cross_attention", "--kernel", "single", "--select", "val_auc");
        TrainCommand t = (TrainCommand) pr.subcommand().commandSpec().userObject();
        assertEquals(Fusion.CROSS_ATTENTION, t.fusion);
        assertEquals(MmdKernel.SINGLE, t.kernel);
        assertEquals(Selection.VAL_AUC, t.select);
        TrainCommand u = (TrainCommand) Main.commandLine().parseArgs("train", "--fusion", "Concat", "--kernel", "MULTI", "--select", "last")
                .subcommand().commandSpec().userObject();
        assertEquals(List.of(Fusion.CONCAT, MmdKernel.MULTI, Selection.LAST), List.of(u.fusion, u.kernel, u.select));
    }

    @Test
    void versionOnEveryCommand() {
        String version = new Main.Version().getVersion()[0];
        assertTrue(version.startsWith("DeepHEM-J "), version);
        for (String c : List.of("build-dataset", "inspect", "features", "make-demo", "train", "score", "bench")) {
            for (String flag : List.of("-V", "--version")) {
                CliTest.Run r = CliTest.run(c, flag);
                assertEquals(0, r.exit(), c + " " + flag + ": " + r.err());
                assertEquals(version, r.out().strip(), c + " " + flag);
            }
        }
        assertEquals(version, CliTest.run("-V").out().strip());
    }

    @Test
    void unexpectedFailuresExitOneWithoutClassNamesAndWriteFailuresByCause() {
        CliTest.Run r = captured(() -> Main.report(new IllegalStateException("traceback failed at pair 3,9")));
        assertEquals(1, r.exit());
        assertEquals("error: unexpected failure: traceback failed at pair 3,9 (run again with --debug for the details)", r.err().strip());
        assertEquals(1, captured(() -> Main.report(new WriteError("could not write m.zip: no space left on device", false, null))).exit());
        CliTest.Run denied = captured(() -> Main.report(new WriteError("could not write /x/m.zip: permission denied", true, null)));
        assertEquals(2, denied.exit());
        assertEquals("error: could not write /x/m.zip: permission denied", denied.err().strip());
        assertEquals(0, CliTest.run("train", "--debug", "--help").exit(), "--debug is accepted by every command");
    }

    private static synchronized CliTest.Run captured(java.util.function.IntSupplier call) {
        PrintStream e = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = call.getAsInt();
            return new CliTest.Run(code, "", err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(e);
        }
    }

    @Test
    void turkishLocaleGivesTheSameOutput() throws IOException {
        Path fa = Files.writeString(tmp.resolve("in.fa"), ">mir-i1\nggcugagguaguagguuguauaguuagaaaauacuauacaaccuacuaccucagcc\n");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            CliTest.Run rootInspect = CliTest.run("inspect", TestData.demo().toString());
            CliTest.Run rootFeatures = CliTest.run("features", fa.toString(), "-o", tmp.resolve("root.csv").toString());
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            CliTest.Run trInspect = CliTest.run("inspect", TestData.demo().toString());
            CliTest.Run trFeatures = CliTest.run("features", fa.toString(), "-o", tmp.resolve("tr.csv").toString());
            assertEquals(0, rootInspect.exit(), rootInspect.err());
            assertEquals(0, trFeatures.exit(), trFeatures.err());
            assertTrue(rootInspect.out().contains("."), "has decimals to compare");
            assertEquals(rootInspect.out(), trInspect.out());
            assertEquals(rootFeatures.err().replace("root.csv", "X"), trFeatures.err().replace("tr.csv", "X"));
            assertEquals(Files.readString(tmp.resolve("root.csv")), Files.readString(tmp.resolve("tr.csv")));
        } finally {
            Locale.setDefault(before);
        }
    }

    /** train adds its logs to --out; a folder holding another run's report is refused before any data is read. */
    @Test
    void trainRefusesAnOutFolderHoldingAReport() throws IOException {
        Path report = Files.createDirectories(tmp.resolve("reports").resolve("deephem-real"));
        Files.writeString(report.resolve("index.html"), "<html>");
        Files.writeString(report.resolve("human_scores.csv"), "id,score,logit\n");
        Path zoo = tmp.resolve("zoo");
        badInput(CliTest.run("train", "--data", TestData.demo().toString(), "--epochs", "1", "--zoo", zoo.toString(), "--out", report.toString()),
                "--out " + report + ": holds files train did not write (index.html)", "choose another output");
        assertFalse(Files.exists(zoo), "refused before anything was made");
        assertEquals("id,score,logit\n", Files.readString(report.resolve("human_scores.csv")));
    }

    @Test
    void aFailedSaveAfterTrainingSaysThatTheTrainingFinished() throws IOException {
        // before training: a model path that is a folder is refused at once
        Path zoo = Files.createDirectories(tmp.resolve("zoo"));
        Files.createDirectories(zoo.resolve("m.zip").resolve("in-the-way"));
        badInput(CliTest.run("train", "--data", TestData.demo().toString(), "--zoo", zoo.toString(), "--name", "m"),
                zoo.resolve("m.zip") + ": is a folder, so the model cannot be saved there");
        // after training (e.g. the disk filled up meanwhile): the message says the training finished
        WriteError full = new WriteError("could not write zoo/m.zip: no space left on device", false, null);
        WriteError w = org.junit.jupiter.api.Assertions.assertThrows(WriteError.class,
                () -> org.deephem.pipeline.TrainingJob.saveAfterTraining(361.4, 12, java.util.List.of(), () -> {
                    throw full;
                }));
        assertEquals("training finished (361 s, epoch 12 kept) but its results were not saved (nothing was changed): could not write zoo/m.zip: no space left on device",
                w.getMessage());
        assertFalse(w.userCaused());
    }
}
