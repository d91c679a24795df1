package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deephem.io.AtomicFiles;
import org.deephem.io.Outputs;
import org.deephem.testutil.Fifos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit issue 23, WEAK (saving): train killed (kill -9) between its writes left the previous
 * run's figures beside the new model. A child JVM saves as train does ({@link TrainCommand#saveAfterTraining})
 * and is killed at a chosen point; what is left must never mix the two runs.
 */
class KilledSaveTest {
    @TempDir
    Path tmp;

    /**
     * The child: saves zip, log and scores of a "new" run over the "old" one, with one more write
     * that blocks where the test wants the kill. {@code staging}: while the figure is being
     * written; {@code renaming}: between renames (a write through to a FIFO nobody reads blocks
     * the commit after the zip and log are in place).
     */
    public static final class Child {
        public static void main(String[] a) {
            Path zip = Path.of(a[1]), out = Path.of(a[2]), fifo = Path.of(a[3]);
            List<Path> previous = org.deephem.pipeline.TrainingJob.OUT_FILES.stream().map(out::resolve).toList();
            org.deephem.pipeline.TrainingJob.saveAfterTraining(1, 1, previous, () -> {
                AtomicFiles.writeString(zip, "new");
                AtomicFiles.writeString(out.resolve("training_log.csv"), "new");
                if (a[0].equals("renaming")) AtomicFiles.writeString(fifo, "the commit blocks here\n");
                AtomicFiles.writeString(out.resolve("human_scores.csv"), "new");
                AtomicFiles.write(out.resolve("training_curves.png"), os -> {
                    os.write("new".getBytes(StandardCharsets.UTF_8));
                    if (a[0].equals("staging")) {
                        System.out.println("writing the figure");
                        System.out.flush();
                        try {
                            Thread.sleep(600_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                AtomicFiles.writeString(out.resolve("training_curves.svg"), "new");
                AtomicFiles.writeString(out.resolve("training_curves.pdf"), "new");
            });
            System.out.println("saved");
        }
    }

    /** Runs the child until it blocks, kills it (SIGKILL) and returns what each output holds (absent: null). */
    private List<String> killDuring(String when) throws Exception {
        Path zip = Files.writeString(Files.createDirectories(tmp.resolve("zoo")).resolve("m.zip"), "old");
        Path out = Files.createDirectories(tmp.resolve("out"));
        for (String f : org.deephem.pipeline.TrainingJob.OUT_FILES) Files.writeString(out.resolve(f), "old");
        Path fifo = Fifos.make(tmp.resolve("progress.fifo"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), when, zip.toString(), out.toString(), fifo.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (when.equals("staging")) {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null && !line.equals("writing the figure")) {
                    assertFalse(line.equals("saved"), "the child was not stopped");
                }
                assertNotNull(line, "the child ended early");
            } else {
                // the commit is blocked on the FIFO once the log is renamed in
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!"new".equals(read(out.resolve("training_log.csv"))) || !"new".equals(read(zip))) {
                    assertTrue(p.isAlive() && System.nanoTime() < until, "the child did not reach the FIFO");
                    Thread.sleep(50);
                }
                Thread.sleep(300);
                assertTrue(p.isAlive(), "blocked on the FIFO");
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        List<String> left = new ArrayList<>();
        left.add(read(zip));
        for (String f : org.deephem.pipeline.TrainingJob.OUT_FILES) left.add(read(out.resolve(f)));
        // what the kill left (temporary files) does not stop the next train from writing there
        Outputs.requireOwnFolder("--out", out, "train", org.deephem.pipeline.TrainingJob.OUT_FILES);
        return left;
    }

    /** What a file holds, null when it is not there. */
    private static String read(Path f) throws IOException {
        try {
            return Files.readString(f);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /** No file of the old run is beside a new one. */
    private static void consistent(List<String> left) {
        boolean anyNew = left.contains("new"), anyOld = left.contains("old");
        assertFalse(anyNew && anyOld, "files of both runs side by side (zip, then " + org.deephem.pipeline.TrainingJob.OUT_FILES + "): " + left);
    }

    @Test
    void killedWhileWritingTheFiguresLeavesThePreviousRunAsItWas() throws Exception {
        List<String> left = killDuring("staging");
        assertEquals(java.util.Collections.nCopies(1 + org.deephem.pipeline.TrainingJob.OUT_FILES.size(), "old"), left, "the zip and every file train writes");
    }

    @Test
    void killedBetweenRenamesLeavesNoFileOfThePreviousRunBesideTheNewModel() throws Exception {
        List<String> left = killDuring("renaming");
        consistent(left);
        assertEquals("new", left.get(0), "the zip was renamed in before the kill");
    }
}
