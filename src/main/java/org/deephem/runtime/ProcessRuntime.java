package org.deephem.runtime;

import java.util.Locale;
import org.deephem.model.NativeBuild;
import org.deephem.model.NativeMalloc;
import org.deephem.model.NdMemory;
import org.deephem.model.NdThreads;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every process-wide setting of a DeepHEM JVM, made here and nowhere else. Each entry point
 * ({@code cli.Main}, which also runs {@code bench-worker}; {@code pipeline.ChildMain}, which runs
 * the trainings {@code all} starts; and {@code experiment.CellWorker}, which runs a grid's cell)
 * calls {@link #start} first, before
 * ND4J loads; {@code zoo.Backend.start} calls it again for code that never went through a main
 * (tests, embedding), where it does nothing if it already ran.
 *
 * <h2>One training per JVM</h2>
 * A JVM trains at most one network, then ends; the grids, {@code all} and Spark tasks start a
 * fresh JVM per training ({@code experiment.CellRunner}). This is a decision, for three reasons:
 * <ul>
 *   <li>ND4J has one random generator per process: {@link #seedRandom} reseeds it for each
 *       training's initial weights, so two trainings in one JVM at once would draw from each
 *       other's sequence, and one after another would still share its native state.</li>
 *   <li>A SameDiff training keeps session and array memory until its JVM ends: an in-process run
 *       of many trainings grew to 7 GB ({@code experiment.ChildPool}); and a SameDiff graph is
 *       not thread-safe (SAMEDIFF-NOTES, issue #9993).</li>
 *   <li>The settings below are read once when ND4J and JavaCPP load (threads, allocator, native
 *       build, JavaCPP's memory check): a later training cannot change them.</li>
 * </ul>
 *
 * <h2>What is set</h2>
 * <ul>
 *   <li>AWT headless: figures are drawn without a display.</li>
 *   <li>The number-format locale: {@link Locale#ROOT}, so a third-party formatter (XChart's axis
 *       labels) never writes 0,5; DeepHEM's own formatting names Locale.ROOT at every call
 *       anyway (LocaleRootTest). Messages keep the user's locale.</li>
 *   <li>ND4J/JavaCPP memory ({@link NdMemory}: SameDiff's array cache off, JavaCPP's per-allocation
 *       physical-memory check off), the C allocator ({@link NativeMalloc}) and the native build of
 *       libnd4j ({@link NativeBuild}: JavaCPP's extension, with oneDNN where the jar has it). A
 *       value the user set with {@code -D} wins for each.</li>
 *   <li>ND4J's threads ({@link NdThreads}): {@code --threads}, else OMP_NUM_THREADS, else 1;
 *       applied by {@link #applyThreads} once ND4J has loaded ({@code zoo.Backend.start}), since
 *       the command line is parsed after {@link #start}.</li>
 *   <li>ND4J's random generator: {@link #seedRandom}, by the trainer, before it builds a graph.</li>
 *   <li>Standard output is left as the JVM opens it: text in the platform encoding, data written
 *       to {@code -} as UTF-8 bytes ({@code io.Outputs}). SameDiff prints while it builds a
 *       gradient function, and only then, so {@code model.QuietGradients} filters standard output
 *       around that call alone rather than for the whole process.</li>
 * </ul>
 * The executor choice ({@code model.exec.Executor}) is a system property too; it is set from
 * the command line and passed on to child JVMs, not decided here.
 */
public final class ProcessRuntime {
    private ProcessRuntime() {}

    /**
     * The choices an entry point makes; {@link #standard()} is every entry point's today.
     *
     * @param formatLocale the default locale for formatting numbers and dates (null: the user's)
     * @param headless     AWT without a display
     */
    public record Settings(Locale formatLocale, boolean headless) {
        public static Settings standard() {
            return new Settings(Locale.ROOT, true);
        }
    }

    private static Settings started;

    /**
     * Applies {@code s} to this process, before ND4J loads. Only the first call acts; a later one
     * (Backend's, for code that started no main) leaves the settings as they are.
     */
    public static synchronized void start(Settings s) {
        if (started != null) return;
        started = s;
        if (s.headless()) System.setProperty("java.awt.headless", "true");
        if (s.formatLocale() != null) Locale.setDefault(Locale.Category.FORMAT, s.formatLocale());
        NdMemory.configure(); // JavaCPP reads its memory setting once, when it loads
        NativeMalloc.tune();
        NativeBuild.choose(); // before ND4J loads its native library
    }

    /** The settings in force, or null before {@link #start}. */
    public static synchronized Settings settings() {
        return started;
    }

    /** Applies ND4J's thread count once ND4J has loaded; returns the master threads in force. */
    public static int applyThreads() {
        return NdThreads.configure();
    }

    /**
     * Seeds ND4J's one random generator, which a graph's initial weights are drawn from. Only a
     * training calls it, once, before it builds its graph (see "One training per JVM").
     */
    public static void seedRandom(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }
}
