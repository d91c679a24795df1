package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deephem.io.AtomicFiles;
import org.deephem.io.WriteError;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit issue 23, WEAK (saving): a full disk said "its results were not saved" after the zip and
 * the log had in fact been saved. The saving steps are one unit now; a write failure is injected
 * on the Nth file instead of filling a disk.
 */
class SaveAfterTrainingTest {
    @TempDir
    Path tmp;
    Path zip, log, scores, figure;

    @BeforeEach
    void previousRun() throws IOException {
        zip = Files.writeString(Files.createDirectories(tmp.resolve("zoo")).resolve("m.zip"), "old zip");
        Path out = Files.createDirectories(tmp.resolve("out"));
        log = Files.writeString(out.resolve("training_log.csv"), "old log");
        scores = Files.writeString(out.resolve("human_scores.csv"), "old scores");
        figure = Files.writeString(out.resolve("training_curves.png"), "old figure");
    }

    /** The four files in the order train writes them, the {@code failing}th (1-based; 0: none) failing as a full disk does. */
    private Runnable save(int failing) {
        return () -> {
            List<Path> order = List.of(zip, log, scores, figure);
            for (int i = 0; i < order.size(); i++) {
                boolean fail = i + 1 == failing;
                AtomicFiles.write(order.get(i), os -> {
                    os.write("new".getBytes(StandardCharsets.UTF_8));
                    if (fail) throw new IOException("No space left on device");
                });
            }
        };
    }

    /** What train passes: every file it writes under --out, as an earlier run may have left it. */
    private List<Path> previous() {
        return org.deephem.pipeline.TrainingJob.OUT_FILES.stream().map(log.getParent()::resolve).toList();
    }

    private List<String> contents() throws IOException {
        return List.of(Files.readString(zip), Files.readString(log), Files.readString(scores), Files.readString(figure));
    }

    @Test
    void aWriteFailingOnTheThirdFileChangesNothingAndSaysSo() throws IOException {
        WriteError e = assertThrows(WriteError.class, () -> org.deephem.pipeline.TrainingJob.saveAfterTraining(12.3, 4, previous(), save(3)));
        assertEquals("training finished (12 s, epoch 4 kept) but its results were not saved (nothing was changed): could not write "
                + scores + ": no space left on device", e.getMessage());
        assertFalse(e.userCaused(), "a full disk is not bad input");
        assertEquals(List.of("old zip", "old log", "old scores", "old figure"), contents(), "every output as it was");
        assertEquals(List.of("m.zip"), TestData.names(zip.getParent()), "no temporary file left");
        assertEquals(List.of("human_scores.csv", "training_curves.png", "training_log.csv"), TestData.names(log.getParent()));
    }

    @Test
    void aFailureWhileRenamingSaysExactlyWhichFilesAreNewAndWhichAreNot() throws IOException {
        Runnable save = save(0);
        WriteError e = assertThrows(WriteError.class, () -> org.deephem.pipeline.TrainingJob.saveAfterTraining(7, 2, previous(), () -> {
            save.run();
            try { // once all are written, a folder takes the figure's place: its rename fails
                Files.delete(figure);
                Files.writeString(Files.createDirectory(figure).resolve("x"), "in the way");
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
        }));
        assertEquals("training finished (7 s, epoch 2 kept) but only part of its results were saved: " + zip + ", " + log + " and " + scores
                + " are new; " + figure + " is not saved: could not write " + figure + ": is a directory", e.getMessage());
        assertEquals(List.of("new", "new", "new"), List.of(Files.readString(zip), Files.readString(log), Files.readString(scores)));
        assertEquals(List.of("m.zip"), TestData.names(zip.getParent()));
        assertEquals(List.of("human_scores.csv", "training_curves.png", "training_log.csv"), TestData.names(log.getParent()),
                "the figure's temporary file is deleted");
    }

    @Test
    void withoutAFailureEveryFileIsNew() throws IOException {
        org.deephem.pipeline.TrainingJob.saveAfterTraining(1, 1, previous(), save(0));
        assertEquals(List.of("new", "new", "new", "new"), contents());
        assertEquals(List.of("human_scores.csv", "training_curves.png", "training_log.csv"), TestData.names(log.getParent()));
    }

    /** Audit issue 23, WEAK: a run that writes no figure (an empty log) left the previous run's beside its model. */
    @Test
    void aFileThePreviousRunWroteAndThisOneDoesNotIsRemoved() throws IOException {
        Path svg = Files.writeString(log.getParent().resolve("training_curves.svg"), "old svg");
        org.deephem.pipeline.TrainingJob.saveAfterTraining(1, 1, previous(), () -> {
            AtomicFiles.writeString(zip, "new");
            AtomicFiles.writeString(log, "new");
            AtomicFiles.writeString(scores, "new");
        });
        assertEquals(List.of("new", "new", "new"), List.of(Files.readString(zip), Files.readString(log), Files.readString(scores)));
        assertFalse(Files.exists(figure) || Files.exists(svg), "the previous run's figures are gone");
        assertEquals(List.of("human_scores.csv", "training_log.csv"), TestData.names(log.getParent()));
    }
}
