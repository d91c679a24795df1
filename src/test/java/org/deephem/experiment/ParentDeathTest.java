package org.deephem.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.deephem.io.AtomicFiles;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit issue 23, WEAK (kill -9 of all/ablate): the child JVMs of a parent killed with SIGKILL
 * were orphaned and went on for ~20 s, then wrote their cell or model. A child now ends with its
 * parent (ChildJvm.watchParent), deleting the temporary files it was writing.
 */
class ParentDeathTest {
    @TempDir
    Path tmp;

    /** Waits up to {@code seconds} for {@code done}; true if it came. */
    private static boolean within(double seconds, BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until) {
            if (done.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return done.getAsBoolean();
    }

    private static List<String> names(Path dir) {
        try {
            return Files.isDirectory(dir) ? TestData.names(dir) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A process's command line from /proc (ProcessHandle.Info leaves it out for some). */
    private static String commandLine(ProcessHandle h) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline")), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The child JVMs of {@code parent} whose command line has {@code marker}, once one is there,
     * waiting up to 120 s (a child not yet through exec shows its parent's command line, so the
     * marker must be the child's own).
     */
    private static List<ProcessHandle> children(Process parent, String marker) throws InterruptedException {
        List<ProcessHandle> found = new ArrayList<>();
        assertTrue(within(120, () -> {
            found.clear();
            parent.toHandle().children().filter(h -> commandLine(h).contains(marker)).forEach(found::add);
            return !found.isEmpty() || !parent.isAlive();
        }), "no child JVM started");
        assertTrue(parent.isAlive() && !found.isEmpty(), "the parent ended before starting a child");
        return found;
    }

    /** SIGKILLs the parent; the children must be gone within a few seconds. */
    private static void killParentAndExpectTheChildrenGone(Process parent, List<ProcessHandle> children) throws InterruptedException {
        try {
            parent.destroyForcibly(); // kill -9: no shutdown hook runs in the parent
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
            assertTrue(within(10, () -> children.stream().noneMatch(ProcessHandle::isAlive)),
                    "children still running 10 s after their parent was killed: " + children.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
        } finally {
            children.forEach(ProcessHandle::destroyForcibly); // never leave an orphan behind a failed test
        }
    }

    /** The real path: ablate runs its cells in child JVMs (CellWorker); its parent is killed mid-cell. */
    @Test
    void theCellsOfAKilledAblateStopWithItAndWriteNoCell() throws Exception {
        Path grid = tmp.resolve("grid");
        Path log = tmp.resolve("ablate.log");
        Process parent = new ProcessBuilder(ChildJvm.command(org.deephem.cli.Main.class.getName(), List.of("ablate", "--quick", "--groups", "kernel", "--jobs", "1", "--threads", "1",
                "--data", TestData.demo().toAbsolutePath().toString(), "-o", grid.toString())))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            List<ProcessHandle> children = children(parent, CellWorker.class.getName());
            Thread.sleep(2000); // the cell is training: this is the moment the audit killed `all`
            killParentAndExpectTheChildrenGone(parent, children);
        } finally {
            parent.destroyForcibly();
        }
        Thread.sleep(2000);
        assertEquals(List.of(), names(grid.resolve("cells")), "no cell file (and no temporary one) after the kill");
    }

    /**
     * A parent JVM running one child through ChildPool, as all does: a features run over a FASTA
     * large enough to take a while, streaming into its temporary output file.
     */
    public static final class Parent {
        public static void main(String[] a) {
            Path fasta = Path.of(a[0]), out = Path.of(a[1]), log = Path.of(a[2]);
            ChildPool.run(List.of(new CellRunner.Job("features", org.deephem.cli.Main.class.getName(), List.of("features", fasta.toString(), "-o", out.toString()), log, out)),
                    1, 1, (t, s) -> System.out.println("finished"));
        }
    }

    @Test
    void aChildWhoseParentIsKilledDeletesItsUnfinishedOutputAndWritesNothing() throws Exception {
        Random rnd = new Random(1);
        StringBuilder fa = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            fa.append(">r").append(i).append('\n');
            for (int j = 0; j < 110; j++) fa.append("ACGU".charAt(rnd.nextInt(4)));
            fa.append('\n');
        }
        Path fasta = Files.writeString(tmp.resolve("big.fa"), fa);
        Path outDir = Files.createDirectory(tmp.resolve("out"));
        Path out = outDir.resolve("features.csv");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Parent.class.getName(), fasta.toString(), out.toString(), tmp.resolve("child.log").toString()));
        Process parent = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("parent.log").toFile()).start();
        try {
            List<ProcessHandle> children = children(parent, "org.deephem.cli.Main features");
            String temp = AtomicFiles.tempPrefixOf("features.csv");
            assertTrue(within(120, () -> names(outDir).stream().anyMatch(n -> n.startsWith(temp))), "the child never began its output");
            killParentAndExpectTheChildrenGone(parent, children);
        } finally {
            parent.destroyForcibly();
        }
        Thread.sleep(1000);
        assertEquals(List.of(), names(outDir), "neither the output nor its temporary file");
        assertTrue(Files.readString(tmp.resolve("child.log")).contains("stopping: the parent process is gone"), Files.readString(tmp.resolve("child.log")));
    }
}
