package org.deephem.experiment;

import java.util.List;
import java.util.Locale;
import org.deephem.io.InputError;

/**
 * Chooses a {@link CellRunner} by name: {@code local} (child JVMs on this machine, the default) or
 * {@code spark} (one Spark task per job). The Spark runner lives in a source folder compiled only
 * by the {@code spark} Maven profile ({@code src/spark/java}), so it is found by name here: the
 * default jar carries neither it nor Spark, and asking it for Spark is one line, exit 2.
 */
public final class CellRunners {
    private CellRunners() {}

    public static final String LOCAL = "local", SPARK = "spark";
    public static final List<String> NAMES = List.of(LOCAL, SPARK);
    /** The Spark runner's class, compiled only with {@code -Pspark}. */
    public static final String SPARK_RUNNER = "org.deephem.spark.SparkCellRunner";
    /** What to do when this build has no Spark runner. */
    public static final String BUILD_WITH_SPARK = "this jar was built without Spark; build it with: mvn -Pspark -DskipTests package (README, 'Grids on Apache Spark')";

    /**
     * @param name    local or spark
     * @param master  Spark master URL (local[2], spark://host:7077, yarn); null = spark-submit's, else local[*]; not for local
     * @param jobs    local: jobs at once (Spark: the executors' cores decide)
     * @param threads ND4J/OpenMP threads per job
     */
    public static CellRunner create(String name, String master, int jobs, int threads) {
        String n = name == null ? LOCAL : name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case LOCAL -> {
                if (master != null) throw new InputError("--master: only --runner spark has a master");
                return new LocalCellRunner(jobs, threads);
            }
            case SPARK -> {
                return spark(master, threads);
            }
            default -> throw new InputError("--runner: give local or spark (got '" + name + "')");
        }
    }

    /**
     * Refuses, before any work, a runner name that is unknown, a master without Spark, and Spark
     * in a jar that has no Spark runner or no Spark beside it (one line each, exit 2).
     */
    public static void check(String name, String master) {
        String n = name == null ? LOCAL : name.strip().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) throw new InputError("--runner: give local or spark (got '" + name + "')");
        if (n.equals(LOCAL) && master != null) throw new InputError("--master: only --runner spark has a master");
        if (n.equals(SPARK)) {
            try {
                Class.forName(SPARK_RUNNER);
            } catch (ClassNotFoundException e) {
                throw new InputError("--runner spark: " + BUILD_WITH_SPARK);
            }
            try {
                Class.forName("org.apache.spark.SparkContext");
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                throw noSpark(new NoClassDefFoundError("org/apache/spark/SparkContext"));
            }
        }
    }

    private static CellRunner spark(String master, int threads) {
        Class<?> c;
        try {
            c = Class.forName(SPARK_RUNNER);
        } catch (ClassNotFoundException e) {
            throw new InputError("--runner spark: " + BUILD_WITH_SPARK);
        }
        try {
            return (CellRunner) c.getConstructor(String.class, int.class).newInstance(master, threads);
        } catch (NoClassDefFoundError e) {
            throw noSpark(e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof NoClassDefFoundError missing) throw noSpark(missing);
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Spark runner could not be made: " + e, e);
        }
    }

    /** The -Pspark jar without Spark beside it (Spark is the cluster's: provided scope). */
    private static InputError noSpark(NoClassDefFoundError missing) {
        return new InputError("--runner spark: Spark is not on the class path (no " + missing.getMessage() + "; the -Pspark jar leaves it to the cluster):"
                + " start it with spark-submit, or java -cp \"target/deephem.jar:$SPARK_HOME/jars/*\" org.deephem.cli.Main ... (README, 'Grids on Apache Spark')");
    }
}
