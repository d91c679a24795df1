package org.deephem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.deephem.cli.CliTest.Run;
import org.deephem.testutil.HoldLock;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit issue 23, BAD 6: two trainings with the same --name at once left the zip of one beside
 * human_scores.csv and the log of the other, both exit 0. A run's outputs are one unit now: the
 * second training is refused (exit 2, one line naming the zip and the holder's pid).
 */
class ConcurrentTrainingTest {
    @TempDir
    Path tmp;

    private String[] train(long seed) {
        return new String[] {"train", "--data", TestData.demo().toString(), "--name", "same", "--epochs", "1", "--seed", Long.toString(seed),
                "--zoo", tmp.resolve("zoo").toString(), "--out", tmp.resolve("out").toString()};
    }

    @Test
    void twoTrainingsOfTheSameNameAtOnceLeaveTheOutputsOfOneOfThem() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> exits = new ArrayList<>();
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (long seed : new long[] {1, 2}) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return Main.run(train(seed));
                }));
            }
            for (Future<Integer> f : runs) exits.add(f.get(10, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(0, 2), exits.stream().sorted().toList(), "one trains, the other is refused: " + exits);
        // what is left is one run: the scores written at training time are the saved model's
        Path zip = tmp.resolve("zoo").resolve("same.zip");
        Path rescored = tmp.resolve("rescored.csv");
        Run s = CliTest.run("score", "--model", zip.toString(), "--data", TestData.demo().toString(), "-o", rescored.toString());
        assertEquals(0, s.exit(), s.err());
        assertEquals(Files.readAllLines(rescored), Files.readAllLines(tmp.resolve("out").resolve("human_scores.csv")));
        long winner = exits.get(0) == 0 ? 1 : 2;
        assertTrue(String.valueOf(org.deephem.zoo.ModelZip.load(zip).provenance().get("seeds")).contains("=" + winner),
                "the zip is the winner's (seed " + winner + ")");
    }

    @Test
    void aTrainingIsRefusedWhileAnotherProcessWritesTheSameModel() throws Exception {
        Path zip = tmp.resolve("zoo").resolve("same.zip");
        Process holder = HoldLock.start(zip);
        try {
            Run r = CliTest.run(train(1));
            assertEquals(2, r.exit(), r.err());
            assertEquals(List.of("error: another training is writing " + zip + " (pid " + holder.pid()
                    + "); wait for it to finish, or choose another --name or --zoo"), r.err().lines().filter(l -> l.startsWith("error")).toList());
            assertFalse(Files.exists(zip));
            assertFalse(Files.exists(tmp.resolve("out")));
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
