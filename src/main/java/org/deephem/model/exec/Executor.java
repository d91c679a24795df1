package org.deephem.model.exec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who runs the SameDiff graph's training and scoring steps: SameDiff's own session
 * ({@link #SESSION}) or the {@link PlannedGraph} ({@link #PLANNED}). Process-wide; set by
 * {@code --executor} or the system property {@value #PROPERTY} (child JVMs inherit it), recorded
 * in every model's provenance. A graph the planned executor refuses ({@link Unplannable}) runs
 * by the session, and the reason is logged once.
 */
public enum Executor {
    SESSION, PLANNED;

    public static final String PROPERTY = "deephem.executor";
    /**
     * The executor when neither the option nor the property says otherwise: the planned one,
     * verified to give the same bits as the session (PlannedExecutorTest) and measured at half
     * its time per default training step (docs/PERFORMANCE.md).
     */
    public static final Executor DEFAULT = PLANNED;
    /** {@link #DEFAULT} as the option spells it (a constant, for option descriptions). */
    public static final String DEFAULT_ID = "planned";

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
    private static volatile Executor chosen;
    private static volatile String refused;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Executor parse(String s) {
        for (Executor e : values()) if (e.id().equalsIgnoreCase(s.strip())) return e;
        throw new IllegalArgumentException("unknown executor '" + s + "' (session or planned)");
    }

    /** The executor in force. */
    public static Executor current() {
        Executor e = chosen;
        if (e == null) {
            String p = System.getProperty(PROPERTY);
            e = p == null || p.isBlank() ? DEFAULT : parse(p);
            chosen = e;
        }
        return e;
    }

    /** Sets the executor for this process and the child JVMs it starts. */
    public static void use(Executor e) {
        chosen = e;
        System.setProperty(PROPERTY, e.id());
    }

    /** For provenance: the executor, and why the planned one fell back to the session if it did. */
    public static String describe() {
        String r = refused;
        return current().id() + (r == null ? "" : " (fell back to session: " + r + ")");
    }

    /** Records that the planned executor refused a graph (logged once per reason). */
    public static void refusedBecause(Unplannable u) {
        if (!u.getMessage().equals(refused)) LOG.warn("planned executor: {}; this graph runs by SameDiff's session", u.getMessage());
        refused = u.getMessage();
    }

    /** {@code sd.output(feed, names)} by the executor in force (arrays of their own). */
    public static Map<String, INDArray> output(SameDiff sd, Map<String, INDArray> feed, String... names) {
        if (current() == PLANNED) {
            try {
                return PlannedGraph.of(sd).output(feed, names);
            } catch (Unplannable u) {
                refusedBecause(u);
            }
        }
        return sd.output(feed, names);
    }

    /**
     * One variable of the forward graph by the executor in force; the planned executor's array is
     * only valid until the next call on this graph (read it at once).
     */
    public static INDArray outputArray(SameDiff sd, Map<String, INDArray> feed, String name) {
        if (current() == PLANNED) {
            try {
                return PlannedGraph.of(sd).outputArrays(feed, List.of(name)).get(name);
            } catch (Unplannable u) {
                refusedBecause(u);
            }
        }
        return sd.output(feed, name).get(name);
    }
}
