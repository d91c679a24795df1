package org.deephem.model.exec;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Runs one SameDiff graph by {@link Plan}s instead of SameDiff's session: outputs (the forward
 * graph), gradients and training steps (the graph's gradient function, {@code getFunction("grad")},
 * planned the same way, then the updater applied as SameDiff's TrainingSession applies it).
 * Plans are cached by the placeholders' shapes and the outputs asked for (least recently used
 * first out beyond {@link #MAX_PLANS}), and all plans of a graph share one {@link Arena}.
 * Calls on one graph are serialised.
 */
public final class PlannedGraph {
    /** Plans kept per graph (each holds its op contexts and views; the arena holds the memory). */
    public static final int MAX_PLANS = 96;
    /** System property: {@code false} updates weight by weight (for measuring {@link FlatUpdate}'s gain). */
    public static final String FLAT_PROPERTY = "deephem.flatUpdate";
    /** Graphs whose planned executors are kept (least recently used first out). */
    static final int MAX_GRAPHS = 8;

    private final SameDiff sd;
    private final Arena arena = new Arena();
    private final LinkedHashMap<String, Plan> plans = new LinkedHashMap<>(16, 0.75f, true);
    private Map<String, GradientUpdater> updaters;
    private List<String> trainable;
    /** All weights, gradients and updater state as one buffer each, or null (updated weight by weight). */
    private FlatUpdate flat;
    private long built;

    private PlannedGraph(SameDiff sd) {
        this.sd = sd;
    }

    private static final List<WeakReference<SameDiff>> KEYS = new ArrayList<>();
    private static final List<PlannedGraph> GRAPHS = new ArrayList<>();

    /** The planned executor of {@code sd} (one per graph instance, kept for the last few graphs used). */
    public static PlannedGraph of(SameDiff sd) {
        synchronized (KEYS) {
            for (int i = 0; i < KEYS.size(); i++) {
                if (KEYS.get(i).get() == sd) {
                    PlannedGraph g = GRAPHS.remove(i);
                    KEYS.add(KEYS.remove(i));
                    GRAPHS.add(g);
                    return g;
                }
            }
            PlannedGraph g = new PlannedGraph(sd);
            KEYS.add(new WeakReference<>(sd));
            GRAPHS.add(g);
            while (KEYS.size() > MAX_GRAPHS) {
                KEYS.remove(0);
                GRAPHS.remove(0).close();
            }
            return g;
        }
    }

    /** Forgets the executor of {@code sd} and frees its memory (e.g. when the graph's weights are replaced). */
    public static void release(SameDiff sd) {
        synchronized (KEYS) {
            for (int i = 0; i < KEYS.size(); i++) {
                if (KEYS.get(i).get() == sd) {
                    KEYS.remove(i);
                    GRAPHS.remove(i).close();
                    return;
                }
            }
        }
    }

    /** The forward graph's {@code names} on {@code feed}: arrays of the plan, valid until the next call on this graph. */
    public Map<String, INDArray> outputArrays(Map<String, INDArray> feed, List<String> names) {
        synchronized (sd) {
            OpTimer timer = OpTimer.current();
            return run(sd, feed, names, null, timer != null && timer.timesForward() ? timer : null);
        }
    }

    /** As {@link #outputArrays}, copied (like {@code sd.output}). */
    public Map<String, INDArray> output(Map<String, INDArray> feed, String... names) {
        synchronized (sd) {
            Map<String, INDArray> m = new LinkedHashMap<>();
            for (var e : outputArrays(feed, List.of(names)).entrySet()) m.put(e.getKey(), e.getValue().dup());
            return m;
        }
    }

    /** Gradients of the loss with respect to {@code variables} (like {@code sd.calculateGradients}), copied. */
    public Map<String, INDArray> gradients(Map<String, INDArray> feed, List<String> variables) {
        synchronized (sd) {
            SameDiff g = gradFunction();
            List<String> names = new ArrayList<>();
            for (String v : variables) names.add(gradientName(g, v));
            Map<String, INDArray> run = run(g, feed, names);
            Map<String, INDArray> m = new LinkedHashMap<>();
            for (int i = 0; i < variables.size(); i++) m.put(variables.get(i), run.get(names.get(i)).dup());
            return m;
        }
    }

    /**
     * One training step, as {@code sd.fit} does it for one batch: every trainable variable's
     * gradient, the updater (and any regularisation of the training config) applied to it, the
     * variable updated in place; the iteration count of the training config advanced. Returns
     * the arrays of {@code extra} forward variables of the step (e.g. the loss), valid until the
     * next call.
     */
    public Map<String, INDArray> trainStep(Map<String, INDArray> feed, String... extra) {
        synchronized (sd) {
            OpTimer timer = OpTimer.current();
            long t0 = timer == null ? 0 : OpTimer.cpuNow();
            TrainingConfig tc = sd.getTrainingConfig();
            if (tc == null) throw new IllegalStateException("no training configuration set");
            SameDiff g = gradFunction();
            if (updaters == null) initialiseUpdaters(g, tc);
            List<String> names = new ArrayList<>();
            for (String v : trainable) names.add(gradientName(g, v));
            for (String e : extra) names.add(e);
            int iteration = tc.getIterationCount(), epoch = tc.getEpochCount();
            Map<String, INDArray> run;
            if (flat != null) {
                flat.bound(sd, g);
                run = run(g, feed, names, flat.gradientInto(names), timer);
                long u0 = timer == null ? 0 : OpTimer.cpuNow();
                flat.collect(run, names);
                flat.update(tc, iteration, epoch);
                if (timer != null) timer.op("weight update", "adam_updater + subtract, all weights", OpTimer.cpuNow() - u0, 0);
            } else {
                run = run(g, feed, names, null, timer);
                long u0 = timer == null ? 0 : OpTimer.cpuNow();
                List<Regularization> reg = tc.getRegularization();
                double lr = tc.getUpdater().hasLearningRate() ? tc.getUpdater().getLearningRate(iteration, epoch) : 1.0;
                for (int i = 0; i < trainable.size(); i++) {
                    INDArray param = sd.getVariable(trainable.get(i)).getArr();
                    INDArray grad = run.get(names.get(i));
                    if (reg != null) for (Regularization r : reg) if (r.applyStep() == Regularization.ApplyStep.BEFORE_UPDATER) r.apply(param, grad, lr, iteration, epoch);
                    updaters.get(trainable.get(i)).applyUpdater(grad, iteration, epoch);
                    if (reg != null) for (Regularization r : reg) if (r.applyStep() == Regularization.ApplyStep.POST_UPDATER) r.apply(param, grad, lr, iteration, epoch);
                    if (tc.isMinimize()) param.subi(grad);
                    else param.addi(grad);
                }
                if (timer != null) timer.op("weight update", "adam_updater + subtract, weight by weight", OpTimer.cpuNow() - u0, 0);
            }
            tc.incrementIterationCount();
            if (timer != null) timer.step(OpTimer.cpuNow() - t0);
            Map<String, INDArray> out = new LinkedHashMap<>();
            for (String e : extra) out.put(e, run.get(e));
            return out;
        }
    }

    /** Whether training steps update all weights at once ({@link FlatUpdate}), for tests and the log. */
    public boolean updatesAtOnce() {
        synchronized (sd) {
            return flat != null;
        }
    }

    /**
     * Throws {@link Unplannable} when this graph's training steps or its {@code outputs} cannot be
     * planned; the trainer then uses the session throughout.
     */
    public void check(String... outputs) {
        synchronized (sd) {
            SameDiff g = gradFunction();
            if (updaters == null) initialiseUpdaters(g, sd.getTrainingConfig());
            List<String> names = new ArrayList<>();
            for (String v : trainable) names.add(gradientName(g, v));
            Plan.check(g, names);
            Plan.check(sd, List.of(outputs));
        }
    }

    /** Ends an epoch of {@link #trainStep}s as {@code sd.fit} ends one: the epoch count advances. */
    public void endEpoch() {
        sd.getTrainingConfig().incrementEpochCount();
    }

    /** Plans built so far (new batch shapes), for tests and the log. */
    public long plansBuilt() {
        return built;
    }

    /** Bytes of the shared arena. */
    public long arenaBytes() {
        return arena.bytes();
    }

    private SameDiff gradFunction() {
        SameDiff g = sd.getFunction("grad");
        if (g == null) {
            org.deephem.model.QuietGradients.create(sd);
            g = sd.getFunction("grad");
        }
        return g;
    }

    private static String gradientName(SameDiff g, String variable) {
        SDVariable grad = g.getVariable(variable).getGradient();
        if (grad == null) throw new Unplannable("variable '" + variable + "' has no gradient");
        return grad.name();
    }

    /**
     * Updater state as SameDiff's {@code initializeTraining} makes it (one state view per
     * trainable floating-point variable), or SameDiff's own when the graph was trained by its
     * session before.
     */
    private void initialiseUpdaters(SameDiff g, TrainingConfig tc) {
        Set<String> names = new LinkedHashSet<>();
        for (Variable v : sd.getVariables().values()) {
            SDVariable var = v.getVariable();
            if (var.getVariableType() == VariableType.VARIABLE && var.dataType().isFPType() && g.getVariable(v.getName()).getGradient() != null) names.add(v.getName());
        }
        Map<String, GradientUpdater> m = sd.isInitializedTraining() && sd.getUpdaterMap() != null ? sd.getUpdaterMap() : new HashMap<>();
        trainable = new ArrayList<>(names);
        // fresh state: all weights at once where that gives the same bits, else one updater per weight
        flat = m.isEmpty() && !"false".equals(System.getProperty(FLAT_PROPERTY)) ? FlatUpdate.of(sd, g, tc, trainable) : null;
        if (m.isEmpty() && flat == null) {
            for (String n : names) {
                INDArray arr = sd.getVariable(n).getArr();
                long size = tc.getUpdater().stateSize(arr.length());
                INDArray view = size == 0 ? null : Nd4j.createUninitialized(arr.dataType(), 1, size);
                GradientUpdater u = tc.getUpdater().instantiate(view, false);
                u.setStateViewArray(view, arr.shape(), arr.ordering(), true);
                m.put(n, u);
            }
        }
        updaters = m;
    }

    /** Runs the plan for these shapes and outputs, building it (its build is this run) when new. */
    private Map<String, INDArray> run(SameDiff graph, Map<String, INDArray> feed, List<String> names) {
        return run(graph, feed, names, null, null);
    }

    /**
     * As above; {@code into}: arrays the plan writes some outputs to (a plan of its own, "t|");
     * {@code timer}: told each op's CPU time (a plan's first run, which builds it, is not timed).
     */
    private Map<String, INDArray> run(SameDiff graph, Map<String, INDArray> feed, List<String> names, Map<String, INDArray> into, OpTimer timer) {
        String key = (graph == sd ? "f|" : into != null ? "t|" : "g|") + Plan.key(feed, names);
        Plan p = plans.get(key);
        if (p != null) return p.run(feed, timer);
        p = Plan.build(graph, arena, feed, names, into);
        built++;
        plans.put(key, p);
        Iterator<Plan> it = plans.values().iterator();
        while (plans.size() > MAX_PLANS) {
            it.next().close();
            it.remove();
        }
        return p.takeFirstOutputs();
    }

    private void close() {
        synchronized (sd) {
            for (Plan p : plans.values()) p.close();
            plans.clear();
            arena.close();
            flat = null;
        }
    }
}
