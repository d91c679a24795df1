package org.deephem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Per-op time and output size of SameDiff training steps, by op type (matmul, softmax_bp, …) or,
 * {@linkplain #byInstance() by instance}, by the op's own name in the graph (one broadcast op among
 * the 58 {@code add}s of a step is then a row of its own).
 * Time is the calling thread's CPU time, which a loaded shared machine disturbs far less than
 * wall time (ND4J runs each op on the calling thread at one thread). Output bytes are what each
 * op allocates per step: a training session keeps forward outputs for the backward pass, so
 * their sum bounds what one step holds. SameDiff's own ProfilingListener writes a Chrome trace
 * per op instance; this one sums by type, which is what the performance notes need.
 * The same profile takes the planned executor's op times ({@link org.deephem.model.exec.OpTimer}:
 * install it with {@code OpTimer.use}), which adds each step's whole thread CPU.
 */
public final class OpProfile extends BaseListener implements org.deephem.model.exec.OpTimer {
    /** One op type's totals. */
    public record Row(String op, long calls, double cpuSeconds, double outputMiB) {}

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, long[]> totals = new HashMap<>(); // op → calls, cpu ns, output bytes
    private final boolean byInstance;
    private long started;
    private int steps;
    private long stepNanos;

    /** Totals by op type. */
    public OpProfile() {
        this(false);
    }

    private OpProfile(boolean byInstance) {
        this.byInstance = byInstance;
    }

    /** Totals by op instance: rows are named "instance (type)", e.g. {@code "add_17 (add)"}. */
    public static OpProfile byInstance() {
        return new OpProfile(true);
    }

    /** Softmax forward and backward as a share of all op CPU (0..1); by type or by instance alike. */
    public double softmaxShare() {
        double all = 0, softmax = 0;
        for (Row r : rows(false)) {
            all += r.cpuSeconds();
            if (type(r.op()).equals("softmax") || type(r.op()).equals("softmax_bp")) softmax += r.cpuSeconds();
        }
        return all > 0 ? softmax / all : Double.NaN;
    }

    private static String type(String row) {
        int open = row.lastIndexOf(" (");
        return open >= 0 && row.endsWith(")") ? row.substring(open + 2, row.length() - 1) : row;
    }

    static String key(String instance, String type, boolean byInstance) {
        return byInstance ? instance + " (" + type + ")" : type;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet data, org.nd4j.autodiff.listeners.Loss loss) {
        steps++;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext ctx) {
        started = threads.getCurrentThreadCpuTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext ctx, INDArray[] outputs) {
        long ns = threads.getCurrentThreadCpuTime() - started;
        long bytes = 0;
        if (outputs != null) for (INDArray o : outputs) if (o != null && !o.isEmpty()) bytes += o.length() * o.dataType().width();
        long[] t = totals.computeIfAbsent(key(op.getName(), op.getOp().opName(), byInstance), k -> new long[3]);
        t[0]++;
        t[1] += ns;
        t[2] += bytes;
    }

    @Override
    public void op(String instance, String type, long cpuNanos, long outputBytes) {
        long[] t = totals.computeIfAbsent(key(instance, type, byInstance), k -> new long[3]);
        t[0]++;
        t[1] += cpuNanos;
        t[2] += outputBytes;
    }

    @Override
    public void step(long cpuNanos) {
        steps++;
        stepNanos += cpuNanos;
    }

    /** Thread CPU of a whole training step in ms (planned executor only; NaN for the session's listeners). */
    public double stepCpuMs() {
        return stepNanos > 0 && steps > 0 ? stepNanos / 1e6 / steps : Double.NaN;
    }

    /** Training steps seen. */
    public int steps() {
        return steps;
    }

    /** Op types (or instances) by CPU time, largest first; per step when {@code perStep}. */
    public List<Row> rows(boolean perStep) {
        double div = perStep && steps > 0 ? steps : 1;
        List<Row> out = new ArrayList<>();
        for (var e : totals.entrySet()) {
            long[] t = e.getValue();
            out.add(new Row(e.getKey(), Math.round(t[0] / div), t[1] / 1e9 / div, t[2] / 1048576.0 / div));
        }
        out.sort((a, b) -> Double.compare(b.cpuSeconds(), a.cpuSeconds()));
        return out;
    }
}
