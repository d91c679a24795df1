package org.deephem.spark;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deephem.experiment.CellRunner;
import org.deephem.experiment.ChildJvm;
import org.deephem.experiment.ChildPool;

/**
 * The Spark runner ({@code --runner spark --master local[2]|spark://…|yarn}): every job (a grid
 * cell, or one of {@code all}'s trainings) is one Spark task, and the task runs the job exactly as
 * the local runner does, as one child JVM of this program ({@link ChildJvm#builder}: the
 * {@link org.deephem.experiment.CellWorker} of a cell) on the executor's machine.
 *
 * <p>Why a child JVM inside the task rather than the training in the executor's JVM: one training
 * per JVM is a rule of this program (SameDiff keeps session memory until its JVM ends; ND4J's
 * random generator and thread settings are process-wide), and an executor runs as many tasks at
 * once as it has cores, in one JVM. The child also keeps the worker's class path apart from
 * Spark's (Spark 3.5 brings Jackson 2.15, netty, log4j; the worker runs on the shaded jar alone),
 * and it gives the same cell results as the local runner, computed by the same code with the same
 * settings. Each task asks Spark for {@code threads} cores ({@code spark.task.cpus}), the OpenMP
 * threads its child uses, so an executor with C cores runs C / threads cells at once. A child
 * ends with its executor (it watches a pipe from it) and with its task (a cancelled task kills it).
 *
 * <p>Inputs and outputs are the job's own paths: on a cluster, {@code --data} and {@code -o} (and
 * for {@code all} {@code --reports} and {@code --zoo}) must be on a folder that every node mounts at
 * the same path; a child starts in the driver's working folder when the node has it (relative
 * paths). The driver writes each job's log from the task's answer, and hears each job as soon as
 * its Spark job ends (one Spark job per cell, submitted together), so a stopped run keeps what
 * finished and a rerun reuses it (the harness's content hashes decide, as for the local runner).
 */
public final class SparkCellRunner implements CellRunner {
    /** The most of a job's log that a task sends back to the driver (its end). */
    static final int LOG_LIMIT = 4 << 20;

    private final String master;
    private final int threads;
    private JavaSparkContext sc;

    /**
     * @param master  Spark master URL; null = the one spark-submit set, else local[*]
     * @param threads ND4J/OpenMP threads of each job's child JVM, and the cores each task asks for
     */
    public SparkCellRunner(String master, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.master = master;
        this.threads = threads;
    }

    /** The master as given, else spark-submit's, else local[*]. */
    String masterUrl() {
        return master != null ? master : System.getProperty("spark.master", "local[*]");
    }

    @Override
    public String describe() {
        return "Spark tasks on " + masterUrl() + " (one child JVM per task, " + threads + " thread" + (threads == 1 ? "" : "s")
                + " each; the executors' cores decide how many at once)";
    }

    private synchronized JavaSparkContext context() {
        if (sc == null) {
            SparkConf conf = new SparkConf().setAppName("deephem").setMaster(masterUrl());
            conf.setIfMissing("spark.task.cpus", Integer.toString(threads));
            // a task is one training of minutes: a slow one is not a straggler to run twice
            conf.setIfMissing("spark.speculation", "false");
            if (masterUrl().startsWith("local")) conf.setIfMissing("spark.ui.enabled", "false");
            sc = new JavaSparkContext(conf);
        }
        return sc;
    }

    @Override
    public void run(List<Job> jobs, Finished finished) {
        if (jobs.isEmpty()) return;
        JavaSparkContext context = context();
        String group = "deephem-" + UUID.randomUUID();
        String cwd = System.getProperty("user.dir");
        AtomicBoolean stop = new AtomicBoolean();
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs.size(), 512));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) return;
                    // each job its own Spark job of one task, all submitted at once: the driver hears each as it ends
                    context.setJobGroup(group, job.id(), true); // a cancelled group interrupts its tasks, which kill their children
                    Task t = new Task(job.id(), job.main(), job.args(), job.result() == null ? null : job.result().toString(), cwd, threads);
                    Answer a;
                    try {
                        a = context.parallelize(List.of(t), 1).map(SparkCellRunner::runTask).collect().get(0);
                    } catch (RuntimeException e) {
                        if (stop.get()) return; // cancelled after another job failed
                        stop.set(true);
                        failures.add(new IllegalStateException(job.id() + " failed as a Spark task: " + firstLine(e), e));
                        context.cancelJobGroup(group);
                        return;
                    }
                    writeLog(job.log(), a.log());
                    if (!a.ok() || (job.result() != null && !Files.exists(job.result()))) {
                        if (stop.getAndSet(true)) return;
                        failures.add(ChildPool.failure(job, a.exit(), a.ok() ? "its result " + job.result() + " is not on the driver's file system"
                                + " (-o must be on a folder every node shares)" : lastLine(a.log())));
                        context.cancelJobGroup(group);
                        return;
                    }
                    finished.accept(job, a.seconds());
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            stop.set(true);
            context.cancelJobGroup(group);
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.cancelJobGroup(group);
            throw new IllegalStateException("interrupted");
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) throw failures.get(0);
    }

    @Override
    public synchronized void close() {
        if (sc != null) {
            sc.stop();
            sc = null;
        }
    }

    /** What a task needs (serialised to the executor): the job, the driver's working folder, the child's threads. */
    record Task(String id, String main, List<String> args, String result, String cwd, int threads) implements Serializable {
        Task {
            args = List.copyOf(args);
        }
    }

    /** What a task answers: the child's exit, whether it wrote its result, the end of its log, its wall seconds. */
    record Answer(int exit, boolean ok, byte[] log, double seconds) implements Serializable {}

    /**
     * On an executor: runs the job's child JVM with the worker's class path ({@link #workerClassPath}),
     * its output to a temporary log, and answers with the exit code and the log. An interrupted
     * task (cancelled by the driver) kills its child first.
     */
    static Answer runTask(Task t) throws IOException, InterruptedException {
        Path log = Files.createTempFile("deephem-" + t.id().replaceAll("[^A-Za-z0-9_.-]", "_") + "-", ".log");
        try {
            ProcessBuilder pb = ChildJvm.builder(workerClassPath(), t.main(), t.args(), t.threads())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            File dir = new File(t.cwd());
            if (dir.isDirectory()) pb.directory(dir);
            long t0 = System.nanoTime();
            Process p = pb.start();
            int exit;
            try {
                exit = p.waitFor();
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            boolean ok = exit == 0 && (t.result() == null || Files.exists(Path.of(t.result())));
            return new Answer(exit, ok, tail(log, LOG_LIMIT), secs);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * The class path of a job's child JVM: the jar this class came from when it is a jar (the
     * shaded deephem jar, which holds everything the worker needs and no Spark: on a cluster the
     * executor's own class path is Spark's), else this JVM's class path (Maven's, in the tests).
     */
    static String workerClassPath() {
        try {
            Path here = Path.of(CellRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(here) && here.getFileName().toString().endsWith(".jar")) return here.toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall back to the class path
        }
        return System.getProperty("java.class.path");
    }

    private static byte[] tail(Path f, int limit) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            long n = r.length(), from = Math.max(0, n - limit);
            byte[] b = new byte[(int) (n - from)];
            r.seek(from);
            r.readFully(b);
            return b;
        }
    }

    private static void writeLog(Path log, byte[] text) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.write(log, text);
        } catch (IOException e) {
            throw org.deephem.io.WriteError.of(log, e);
        }
    }

    private static String lastLine(byte[] log) {
        List<String> lines = new String(log, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(empty log)" : lines.get(lines.size() - 1).strip();
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
