package org.deephem.model.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.shape.Shape;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ops of one SameDiff graph that compute some of its variables, for one set of placeholder
 * shapes: their order, each op's input and output arrays (set once in its own op context), the
 * arrays themselves (views on an {@link Arena}, a slot reused once the value in it is dead;
 * the requested outputs are arrays of their own), and nothing else to decide per step. An op is
 * run exactly as SameDiff's InferenceSession runs it ({@code Nd4j.exec(op, context)} with
 * outputs shaped by {@code calculateOutputShape}, an Identity passes its input through), so the
 * results are the same bits; only the bookkeeping around the ops is gone.
 *
 * <p>Not planned (the caller falls back to the session): control flow (Switch, Merge, Enter,
 * Exit, NextIteration, LoopCond), TensorArray ops, Invoke, external-errors functions, Assign,
 * CreateView, Assert, random ops, control dependencies, and graphs whose integer arrays (shape
 * vectors, axes) depend on anything but the shapes of the placeholders and constants: those are
 * what makes one plan per shape valid for every batch of that shape.
 */
final class Plan {
    /** One op: its context with arrays set, the values it reads and writes. */
    private static final class Step {
        final DifferentialFunction op;
        final String name;
        final int[] in;
        final int[] out;
        OpContext ctx;
        /** Legacy op reading its second input as an axis argument (not an array input). */
        boolean axisArg;
        /** Legacy scalar op whose scalar is its second input (re-set before every run: the op object is shared). */
        boolean scalarArg;
        boolean identity;

        Step(DifferentialFunction op, String name, int[] in, int[] out) {
            this.op = op;
            this.name = name;
            this.in = in;
            this.out = out;
        }
    }

    /** Where a value's array comes from. */
    private enum Kind { PLACEHOLDER, EXTERNAL, SLOT, OUTPUT }

    private static final class Value {
        final String name;
        Kind kind;
        DataType type;
        long[] shape;
        Arena.Slot slot;
        INDArray array;
        /** An output written to an array the caller gave (not this plan's to free). */
        boolean given;

        Value(String name) {
            this.name = name;
        }
    }

    private final SameDiff sd;
    private final Arena arena;
    private final List<Value> values = new ArrayList<>();
    private final Map<String, Integer> valueOf = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Integer> placeholders = new LinkedHashMap<>();
    private final Map<String, Integer> outputs = new LinkedHashMap<>();
    /** Slots this plan's views are on, and their generations when bound. */
    private Arena.Slot[] usedSlots;
    private int[] boundGenerations;

    private Plan(SameDiff sd, Arena arena) {
        this.sd = sd;
        this.arena = arena;
    }

    /**
     * Plans the ops that compute {@code outputNames} of {@code sd} from placeholders shaped like
     * {@code feed}'s, running them once on {@code feed} to learn every op's output shape; that
     * run's outputs are {@link #takeFirstOutputs}.
     */
    static Plan build(SameDiff sd, Arena arena, Map<String, INDArray> feed, List<String> outputNames) {
        return build(sd, arena, feed, outputNames, null);
    }

    /**
     * As above; outputs named in {@code into} are written to those arrays (when shape and type
     * match; the caller checks which it got), e.g. gradients into slices of one buffer.
     */
    static Plan build(SameDiff sd, Arena arena, Map<String, INDArray> feed, List<String> outputNames, Map<String, INDArray> into) {
        Plan p = new Plan(sd, arena);
        p.order(outputNames, feed);
        p.into = into;
        p.firstOutputs = p.firstRun(feed);
        p.into = null;
        p.bind(); // slots grown during the first run left earlier (dead) values' views on replaced buffers
        return p;
    }

    /** The outputs of the run that built the plan (taken once). */
    Map<String, INDArray> takeFirstOutputs() {
        Map<String, INDArray> o = firstOutputs;
        firstOutputs = null;
        return o;
    }

    private Map<String, INDArray> firstOutputs;
    private Map<String, INDArray> into;

    /** Throws {@link Unplannable} when the ops computing {@code outputNames} cannot be planned (whatever the shapes). */
    static void check(SameDiff sd, List<String> outputNames) {
        new Plan(sd, null).order(outputNames, null);
    }

    // ---------------------------------------------------------------- ordering

    private void order(List<String> outputNames, Map<String, INDArray> feed) {
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String o : outputNames) visit(o, done, visiting, feed);
        for (String o : outputNames) outputs.put(o, valueOf.get(o));
        checkIntegerArrays();
    }

    /** Depth-first, inputs before the op that reads them (iterative: graphs are a few hundred ops deep). */
    private void visit(String root, Set<String> done, Set<String> visiting, Map<String, INDArray> feed) {
        Stack stack = new Stack();
        stack.push(root, false);
        while (!stack.isEmpty()) {
            String v = stack.peekName();
            boolean expanded = stack.peekExpanded();
            stack.pop();
            if (done.contains(v)) continue;
            Variable var = sd.getVariables().get(v);
            if (var == null) throw new Unplannable("no variable '" + v + "'");
            if (var.getControlDeps() != null && !var.getControlDeps().isEmpty()) throw new Unplannable("control dependencies on '" + v + "'");
            SDVariable sv = var.getVariable();
            VariableType t = sv.getVariableType();
            if (t == VariableType.PLACEHOLDER) {
                INDArray a = feed == null ? null : feed.get(v);
                if (a == null && feed != null) throw new IllegalArgumentException("no array was given for placeholder '" + v + "'");
                Value val = newValue(v, Kind.PLACEHOLDER);
                val.type = sv.dataType();
                val.shape = a == null ? null : a.shape();
                placeholders.put(v, valueOf.get(v));
                done.add(v);
                continue;
            }
            if (t == VariableType.CONSTANT || t == VariableType.VARIABLE) {
                INDArray a = sv.getArr();
                if (a == null) throw new Unplannable("'" + v + "' has no array");
                Value val = newValue(v, Kind.EXTERNAL);
                val.array = a;
                val.type = a.dataType();
                val.shape = a.shape();
                done.add(v);
                continue;
            }
            String opName = var.getOutputOfOp();
            if (opName == null) throw new Unplannable("'" + v + "' is computed by no op");
            SameDiffOp op = sd.getOps().get(opName);
            if (!expanded) {
                if (!visiting.add(opName)) throw new Unplannable("cycle at op '" + opName + "'");
                stack.push(v, true);
                List<String> ins = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
                for (int i = ins.size() - 1; i >= 0; i--) if (!done.contains(ins.get(i))) stack.push(ins.get(i), false);
                continue;
            }
            addStep(op);
            for (String o : op.getOutputsOfOp()) done.add(o);
        }
    }

    private Value newValue(String name, Kind kind) {
        Value v = new Value(name);
        v.kind = kind;
        valueOf.put(name, values.size());
        values.add(v);
        return v;
    }

    private void addStep(SameDiffOp sdo) {
        DifferentialFunction df = sdo.getOp();
        refuse(sdo, df);
        String[] args = df.argNames();
        int[] in = new int[args == null ? 0 : args.length];
        for (int i = 0; i < in.length; i++) {
            Integer id = valueOf.get(args[i]);
            if (id == null) throw new Unplannable("op '" + sdo.getName() + "' reads '" + args[i] + "' before it is computed");
            in[i] = id;
        }
        List<String> outs = sdo.getOutputsOfOp();
        int[] out = new int[outs.size()];
        Step s = new Step(df, sdo.getName(), in, out);
        if (df instanceof Identity) {
            if (in.length != 1 || out.length != 1) throw new Unplannable("identity op '" + sdo.getName() + "' with " + in.length + " inputs");
            s.identity = true;
            valueOf.put(outs.get(0), in[0]); // the session passes the input array through
            out[0] = in[0];
        } else {
            for (int i = 0; i < out.length; i++) out[i] = valueOf.containsKey(outs.get(i)) ? refuseTwice(outs.get(i)) : idOf(newValue(outs.get(i), Kind.SLOT));
        }
        steps.add(s);
    }

    private int idOf(Value v) {
        return valueOf.get(v.name);
    }

    private static int refuseTwice(String name) {
        throw new Unplannable("variable '" + name + "' is written twice");
    }

    private static void refuse(SameDiffOp sdo, DifferentialFunction df) {
        if (sdo.getControlDeps() != null && !sdo.getControlDeps().isEmpty()) throw new Unplannable("op '" + sdo.getName() + "' has control dependencies");
        if (sdo.getVarControlDeps() != null && !sdo.getVarControlDeps().isEmpty()) throw new Unplannable("op '" + sdo.getName() + "' has control dependencies");
        String pkg = df.getClass().getName();
        if (pkg.contains(".controlflow.") && !pkg.endsWith(".StopGradient")) throw new Unplannable("control-flow op " + df.getClass().getSimpleName());
        if (df instanceof RandomOp || pkg.contains(".random.")) throw new Unplannable("random op " + df.getClass().getSimpleName());
        switch (df.getClass().getSimpleName()) {
            case "Assign", "CreateView", "Assert", "Invoke", "ExternalErrorsFunction", "GradientBackwardsMarker" ->
                    throw new Unplannable("op " + df.getClass().getSimpleName() + " is executed specially by the session");
            default -> { }
        }
        if (!(df instanceof CustomOp) && !(df instanceof Op)) throw new Unplannable("op " + df.getClass().getSimpleName() + " is neither a custom nor a legacy op");
    }

    /**
     * Integer arrays (shape vectors, axes, sizes) must be functions of shapes and constants only:
     * each is computed by a Shape op or by ops that read only integer values and constants.
     */
    private void checkIntegerArrays() {
        for (Step s : steps) {
            if (s.identity || s.op instanceof Shape) continue;
            boolean intOut = false;
            for (int o : s.out) intOut |= sd.getVariable(values.get(o).name).dataType().isIntType();
            if (!intOut) continue;
            for (int i : s.in) {
                Value v = values.get(i);
                SDVariable var = sd.getVariable(v.name);
                boolean ok = v.kind == Kind.EXTERNAL ? var.isConstant() : v.kind != Kind.PLACEHOLDER && var.dataType().isIntType();
                if (!ok) throw new Unplannable("integer array at op '" + s.name + "' reads '" + v.name + "': it may depend on values, not shapes");
            }
        }
    }

    // ---------------------------------------------------------------- shapes and arrays

    /**
     * The first run, on {@code feed}: each op's output shapes as it comes (its inputs are
     * computed by then), its outputs placed on arena slots by liveness — a value takes a free slot
     * of its type (the smallest that holds it, else the largest, grown) when its op runs and
     * gives it back after its last reader has run; placeholders keep theirs; requested outputs
     * get arrays of their own. Returns the outputs of this run.
     */
    private Map<String, INDArray> firstRun(Map<String, INDArray> feed) {
        int[] lastUse = new int[values.size()];
        Arrays.fill(lastUse, -1);
        for (int k = 0; k < steps.size(); k++) for (int i : steps.get(k).in) lastUse[i] = k;
        for (int id : outputs.values()) if (values.get(id).kind == Kind.SLOT) values.get(id).kind = Kind.OUTPUT;
        Map<Integer, INDArray> given = new HashMap<>();
        if (into != null) for (Map.Entry<String, Integer> e : outputs.entrySet()) if (into.containsKey(e.getKey())) given.putIfAbsent(e.getValue(), into.get(e.getKey()));
        Map<DataType, List<Arena.Slot>> free = new HashMap<>();
        Map<DataType, Integer> next = new HashMap<>();
        List<Arena.Slot> used = new ArrayList<>();
        for (Value v : values) {
            if (v.kind != Kind.PLACEHOLDER) continue;
            v.slot = take(v, free, next, used);
            v.array = Arena.view(v.slot, v.shape);
            v.array.assign(feed.get(v.name));
        }
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (s.identity) continue;
            INDArray[] args = new INDArray[s.in.length];
            for (int i = 0; i < args.length; i++) args[i] = values.get(s.in[i]).array;
            s.ctx = Nd4j.getExecutioner().buildContext();
            List<LongShapeDescriptor> shapes = parameterise(s, s.ctx, args);
            for (int i = 0; i < s.out.length; i++) {
                Value v = values.get(s.out[i]);
                LongShapeDescriptor d = shapes.get(i);
                if (d.isEmpty()) throw new Unplannable("op '" + s.name + "' gives an empty array");
                // as the session: a custom op's output takes its variable's type, a legacy op's the computed one
                v.type = s.op instanceof CustomOp ? sd.getVariable(v.name).dataType() : d.dataType();
                v.shape = d.getShape();
                INDArray target = given.get(s.out[i]);
                if (v.kind == Kind.OUTPUT && target != null && target.dataType() == v.type && Arrays.equals(target.shape(), v.shape)) {
                    v.array = target;
                    v.given = true;
                } else if (v.kind == Kind.OUTPUT) {
                    v.array = Nd4j.createUninitializedDetached(v.type, v.shape);
                } else {
                    v.slot = take(v, free, next, used);
                    v.array = Arena.view(v.slot, v.shape);
                }
                s.ctx.setOutputArray(i, v.array);
            }
            exec(s);
            for (int o : s.out) {
                Value v = values.get(o);
                if (v.kind == Kind.SLOT && lastUse[o] < 0) free.computeIfAbsent(v.type, t -> new ArrayList<>()).add(v.slot); // never read
            }
            Set<Integer> seen = new HashSet<>();
            for (int i : s.in) {
                Value v = values.get(i);
                if (v.kind == Kind.SLOT && lastUse[i] == k && seen.add(i)) free.computeIfAbsent(v.type, t -> new ArrayList<>()).add(v.slot);
            }
        }
        usedSlots = used.toArray(new Arena.Slot[0]);
        boundGenerations = new int[usedSlots.length];
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : outputs.entrySet()) out.put(e.getKey(), values.get(e.getValue()).array);
        return out;
    }

    /** Sets the op's inputs and arguments in {@code oc}; returns the output shapes (as the session does). */
    private List<LongShapeDescriptor> parameterise(Step s, OpContext oc, INDArray[] args) {
        DifferentialFunction df = s.op;
        if (df instanceof CustomOp) {
            DynamicCustomOp c = (DynamicCustomOp) df;
            oc.setArgs(args, c.iArgs(), c.dArgs(), c.tArgs(), c.bArgs());
            List<LongShapeDescriptor> shapes = c.calculateOutputShape(oc);
            if (shapes == null || shapes.size() != s.out.length) throw new Unplannable("op '" + s.name + "': " + (shapes == null ? 0 : shapes.size()) + " output shapes for " + s.out.length + " outputs");
            return shapes;
        }
        Op op = (Op) df;
        if (op instanceof ReduceOp && ((ReduceOp) op).getOpType() != Op.Type.REDUCE3 && args.length == 2) {
            INDArray axis = args[1];
            if (axis.isEmpty()) throw new Unplannable("empty reduction axes at op '" + s.name + "'");
            int[] dims = org.nd4j.linalg.api.shape.Shape.normalizeAxis(args[0].rank(), axis.toIntVector());
            df.setDimensions(dims);
            ((BaseReduceOp) op).setEmptyReduce(false);
            s.axisArg = true;
        } else if (op instanceof ScalarOp && args.length == 2) {
            ((ScalarOp) op).setScalar(args[1]);
            s.scalarArg = true;
        }
        if (args.length > 0) {
            oc.setInputArray(0, args[0]);
            if (args.length == 2 && !s.axisArg) oc.setInputArray(1, args[1]);
        }
        List<LongShapeDescriptor> shapes = ((BaseOp) op).calculateOutputShape(oc);
        if (shapes == null || shapes.size() != 1 || s.out.length != 1) throw new Unplannable("legacy op '" + s.name + "' without one output shape");
        return shapes;
    }

    private Arena.Slot take(Value v, Map<DataType, List<Arena.Slot>> free, Map<DataType, Integer> next, List<Arena.Slot> used) {
        long need = org.nd4j.linalg.api.shape.Shape.lengthOf(v.shape);
        List<Arena.Slot> l = free.computeIfAbsent(v.type, t -> new ArrayList<>());
        Arena.Slot best = null;
        for (Arena.Slot s : l) if (s.capacity >= need && (best == null || s.capacity < best.capacity)) best = s;
        if (best == null) for (Arena.Slot s : l) if (best == null || s.capacity > best.capacity) best = s;
        if (best != null) {
            l.remove(best);
        } else {
            int n = next.merge(v.type, 1, Integer::sum) - 1;
            best = arena.slot(v.type, n);
            used.add(best);
        }
        Arena.ensure(best, need);
        return best;
    }

    /** Views on the arena's current buffers, and every op context's arrays. */
    private void bind() {
        for (Value v : values) {
            if (v.kind == Kind.SLOT || v.kind == Kind.PLACEHOLDER) {
                Arena.ensure(v.slot, org.nd4j.linalg.api.shape.Shape.lengthOf(v.shape));
            }
        }
        for (Value v : values) if (v.kind == Kind.SLOT || v.kind == Kind.PLACEHOLDER) v.array = Arena.view(v.slot, v.shape);
        for (Step s : steps) {
            if (s.identity) continue;
            if (s.ctx == null) s.ctx = Nd4j.getExecutioner().buildContext();
            INDArray[] args = new INDArray[s.in.length];
            for (int i = 0; i < args.length; i++) args[i] = values.get(s.in[i]).array;
            if (s.op instanceof CustomOp) {
                DynamicCustomOp c = (DynamicCustomOp) s.op;
                s.ctx.setArgs(args, c.iArgs(), c.dArgs(), c.tArgs(), c.bArgs());
            } else {
                if (args.length > 0) s.ctx.setInputArray(0, args[0]);
                if (args.length == 2 && !s.axisArg) s.ctx.setInputArray(1, args[1]);
            }
            for (int i = 0; i < s.out.length; i++) s.ctx.setOutputArray(i, values.get(s.out[i]).array);
        }
        for (int i = 0; i < usedSlots.length; i++) boundGenerations[i] = usedSlots[i].generation;
    }

    private void exec(Step s) {
        if (s.scalarArg) ((ScalarOp) s.op).setScalar(values.get(s.in[1]).array != null ? values.get(s.in[1]).array : s.ctx.getInputArray(1));
        if (s.op instanceof CustomOp) Nd4j.exec((CustomOp) s.op, s.ctx);
        else Nd4j.exec((Op) s.op, s.ctx);
    }

    private void timed(Step s, OpTimer timer) {
        long t0 = OpTimer.cpuNow();
        exec(s);
        long ns = OpTimer.cpuNow() - t0, bytes = 0;
        for (int o : s.out) {
            INDArray a = values.get(o).array;
            if (a != null && !a.isEmpty()) bytes += a.length() * a.dataType().width();
        }
        timer.op(s.name, s.op.opName(), ns, bytes);
    }

    // ---------------------------------------------------------------- running

    /** The placeholder shapes this plan was made for, as a cache key. */
    static String key(Map<String, INDArray> feed, List<String> outputNames) {
        StringBuilder b = new StringBuilder(String.join(",", outputNames)).append('|');
        feed.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey()).append(Arrays.toString(e.getValue().shape())).append(e.getValue().dataType()).append(';'));
        return b.toString();
    }

    /**
     * Runs the plan on {@code feed} (same shapes as when built); returns the requested outputs,
     * arrays of this plan that the next run overwrites.
     */
    Map<String, INDArray> run(Map<String, INDArray> feed) {
        return run(feed, null);
    }

    /** As above, each op's thread CPU told to {@code timer} (when not null). */
    Map<String, INDArray> run(Map<String, INDArray> feed, OpTimer timer) {
        boolean stale = false;
        // a variable or constant given a new array object since (values assigned in place need nothing)
        for (Value v : values) {
            if (v.kind != Kind.EXTERNAL) continue;
            INDArray now = sd.getVariable(v.name).getArr();
            if (now != v.array) {
                if (now == null || !Arrays.equals(now.shape(), v.shape) || now.dataType() != v.type) throw new IllegalStateException("'" + v.name + "' changed shape or type since the plan was made");
                v.array = now;
                stale = true;
            }
        }
        for (int i = 0; i < usedSlots.length; i++) stale |= usedSlots[i].generation != boundGenerations[i] || usedSlots[i].buffer == null;
        if (stale) bind();
        for (Map.Entry<String, Integer> e : placeholders.entrySet()) {
            INDArray given = feed.get(e.getKey());
            if (given == null) throw new IllegalArgumentException("no array was given for placeholder '" + e.getKey() + "'");
            Value v = values.get(e.getValue());
            if (!Arrays.equals(given.shape(), v.shape)) throw new IllegalArgumentException("placeholder '" + e.getKey() + "' is " + Arrays.toString(given.shape()) + ", the plan's " + Arrays.toString(v.shape));
            v.array.assign(given);
        }
        if (timer == null) {
            for (Step s : steps) if (!s.identity) exec(s);
        } else {
            for (Step s : steps) if (!s.identity) timed(s, timer);
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : outputs.entrySet()) out.put(e.getKey(), values.get(e.getValue()).array);
        return out;
    }

    /** Ops run per step. */
    int ops() {
        int n = 0;
        for (Step s : steps) if (!s.identity) n++;
        return n;
    }

    /** Frees the op contexts and the outputs' own arrays (arena slots stay with the arena). */
    void close() {
        for (Step s : steps) closeContext(s);
        for (Value v : values) if (v.kind == Kind.OUTPUT && !v.given && v.array != null && v.array.closeable()) v.array.close();
    }

    private static void closeContext(Step s) {
        if (s.ctx == null) return;
        try {
            s.ctx.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the op context of '" + s.name + "'", e);
        }
        s.ctx = null;
    }

    /** A stack of (variable, expanded) pairs. */
    private static final class Stack {
        private final java.util.ArrayDeque<Object[]> d = new java.util.ArrayDeque<>();

        void push(String name, boolean expanded) {
            d.push(new Object[] {name, expanded});
        }

        String peekName() {
            return (String) d.peek()[0];
        }

        boolean peekExpanded() {
            return (Boolean) d.peek()[1];
        }

        void pop() {
            d.pop();
        }

        boolean isEmpty() {
            return d.isEmpty();
        }
    }
}
