package org.deephem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.deephem.testutil.HoldLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit issue 23, BAD 6: two runs writing the same outputs at once; one holds the lock, the other is refused. */
class OutputLockTest {
    @TempDir
    Path dir;

    @Test
    void ofThreadsContendingForTheSameOutputExactlyOneWins() throws Exception {
        Path zip = dir.resolve("zoo").resolve("m.zip");
        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Object>> tries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tries.add(pool.submit(() -> {
                    start.await();
                    try {
                        return OutputLock.acquire(zip, "training", "wait");
                    } catch (InputError e) {
                        return e;
                    }
                }));
            }
            List<OutputLock> won = new ArrayList<>();
            for (Future<Object> f : tries) {
                Object r = f.get(30, TimeUnit.SECONDS);
                if (r instanceof OutputLock l) won.add(l);
                else assertTrue(((InputError) r).getMessage().startsWith("another training is writing " + zip + " (pid "
                        + ProcessHandle.current().pid() + ", this process); wait"), ((InputError) r).getMessage());
            }
            assertEquals(1, won.size());
            won.get(0).close();
            OutputLock.acquire(zip, "training", "wait").close(); // free again once released
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherProcessHoldingTheLockIsNamedByPidAndItsDeathFreesIt() throws Exception {
        Path zip = dir.resolve("m.zip");
        Process holder = HoldLock.start(zip);
        try {
            InputError e = assertThrows(InputError.class, () -> OutputLock.acquire(zip, "training", "wait for it"));
            assertEquals("another training is writing " + zip + " (pid " + holder.pid() + "); wait for it", e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // killed, not closed: the operating system dropped its lock
        try (OutputLock l = OutputLock.acquire(zip, "training", "wait")) {
            assertTrue(java.nio.file.Files.isRegularFile(OutputLock.fileFor(zip)));
        }
        assertEquals(List.of(".m.zip.deephem-lock"), org.deephem.testutil.TestData.names(dir), "only the lock file beside the output");
    }
}
