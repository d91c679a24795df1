package org.deephem.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * The seam under every grid ({@code ablate}, {@code compare}, {@code select-default},
 * {@code training-length}) and under the trainings of {@code all}: runs a list of {@link Job}s,
 * each a fresh JVM of this program's class path that starts {@link Job#main} with {@link Job#args}
 * and writes {@link Job#result}. What it must keep, whatever runs the jobs: one job per JVM (a
 * SameDiff training keeps memory until its JVM ends; ND4J's random generator and threads are
 * process-wide), {@code threads} ND4J/OpenMP threads per job, the job's output in {@link Job#log},
 * the first failure stops the run and is thrown with the job's last log line (exit 2 as an
 * {@link org.deephem.io.InputError}), and {@link Finished} heard for each job that ended well, as
 * soon as it ends (the harness reads its result then, so a run stopped midway keeps what finished).
 *
 * <p>Implementations: {@link LocalCellRunner} (child JVMs on this machine, the default) and
 * {@code org.deephem.spark.SparkCellRunner} (one Spark task per job; built with {@code -Pspark}),
 * chosen by {@link CellRunners#create}.
 */
public interface CellRunner extends AutoCloseable {

    /**
     * One job: run {@code main} (a class with a {@code main(String[])}) with {@code args} in a
     * fresh JVM; its output goes to {@code log}, and the existence of {@code result} says it
     * succeeded (null: the exit code alone). Paths are as this process sees them (for a cluster,
     * on a folder every node mounts at the same path).
     */
    record Job(String id, String main, List<String> args, Path log, Path result) {
        public Job {
            args = List.copyOf(args);
        }
    }

    /** Hears each job that ended well, with its wall seconds (may be called from several threads at once). */
    interface Finished {
        void accept(Job job, double seconds);
    }

    /** Runs every job (see the class comment for what must hold); returns when all have ended well. */
    void run(List<Job> jobs, Finished finished);

    /** How jobs run, for the progress line, e.g. "2 at a time in local child JVMs, 1 thread each". */
    String describe();

    /** Releases what the runner holds (a Spark context); a no-op for the local runner. */
    @Override
    default void close() {}
}
