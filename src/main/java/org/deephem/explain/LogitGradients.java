package org.deephem.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deephem.io.InputError;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.ModelConfig;
import org.deephem.model.QuietGradients;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Reshape;

/**
 * The logit of every row of a batch and its gradient with respect to the model's inputs (token
 * histograms, standardised inherent and MTI rows), computed on a private copy of a model's
 * graph whose loss is Σ logit over the batch. No op on the inference path mixes rows (checked in
 * ExplainGraphTest), so the gradient of the sum with respect to row b's inputs is the gradient
 * of row b's logit. The model's own graph is only read (copied), never changed.
 *
 * <p>SameDiff 1.0.0-M2.1 makes no gradient variable for the token placeholder (it also feeds a
 * Shape op, which reads the batch's length); the gradient of the reshape that flattens it to
 * [B·P, V] is taken instead: the same numbers in the same order. A copy of SameDiff is not
 * thread-safe: calls are serialised.
 */
final class LogitGradients {
    /** The copy's loss: Σ logit over the batch's rows. */
    static final String TARGET = "explain_logit_sum";

    private final SameDiff g;
    private final List<String> inputs = new ArrayList<>();
    /** For each differentiated input, the variable whose gradient is read (the input itself or its flat reshape). */
    private final Map<String, String> gradientOf = new LinkedHashMap<>();
    private final DataType dataType;

    LogitGradients(SameDiff model, ModelConfig cfg) {
        requireExplainable(model);
        synchronized (model) { // scoring on another thread may be using it
            g = model.dup();
        }
        g.getVariable(DeepHemGraph.LOGIT).sum(TARGET);
        g.setLossVariables(TARGET);
        QuietGradients.create(g);
        if (cfg.useSequence()) inputs.add(DeepHemGraph.TOKENS);
        if (cfg.useInherent()) inputs.add(DeepHemGraph.INHERENT);
        if (cfg.useMti()) inputs.add(DeepHemGraph.MTI);
        for (String in : inputs) gradientOf.put(in, differentiable(in));
        dataType = g.getVariable(DeepHemGraph.LOGIT).dataType();
    }

    /**
     * Refuses a graph of a model zip saved before graphs read any length: it takes only batches of
     * one fixed shape, and the path's steps are batched at the precursor's own length.
     */
    static void requireExplainable(SameDiff model) {
        if (!DeepHemGraph.readsAnyLength(model)) {
            throw new InputError("this model was saved by an older DeepHEM-J whose graph reads one fixed length;"
                    + " explanations need a model trained since graphs read any length (it still scores as before)");
        }
    }

    /** {@code input} if SameDiff made a gradient for it, else the one Reshape of it that has one. */
    private String differentiable(String input) {
        if (g.getGradForVariable(input) != null) return input;
        List<String> found = new ArrayList<>();
        List<String> consumers = g.getVariables().get(input).getInputsForOp();
        if (consumers != null) {
            for (String opName : consumers) {
                DifferentialFunction op = g.getOpById(opName);
                if (!(op instanceof Reshape)) continue;
                String out = op.outputVariablesNames()[0];
                if (g.getGradForVariable(out) != null) found.add(out);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("cannot differentiate the model's " + input + " input (" + found.size() + " reshapes of it carry a gradient)");
        }
        return found.get(0);
    }

    /** The placeholders differentiated, in the graph's order: tokens, inherent, MTI (those the model reads). */
    List<String> inputs() {
        return inputs;
    }

    /** The floating-point type of the graph's inputs and outputs. */
    DataType dataType() {
        return dataType;
    }

    /**
     * Logits and gradients of a batch.
     *
     * @param logits    one per row
     * @param gradients per differentiated input, ∂logit_b/∂x flattened in row-major order ([B × row size])
     */
    record Result(double[] logits, Map<String, double[]> gradients) {}

    Result run(Map<String, INDArray> placeholders) {
        OutAndGrad og;
        synchronized (g) {
            og = g.calculateGradientsAndOutputs(placeholders, List.of(DeepHemGraph.LOGIT), new ArrayList<>(gradientOf.values()));
        }
        double[] logits = flat(og.getOutputs().get(DeepHemGraph.LOGIT));
        Map<String, double[]> grads = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : gradientOf.entrySet()) {
            INDArray in = placeholders.get(e.getKey());
            INDArray gr = og.getGradients().get(e.getValue());
            if (gr == null || gr.length() != in.length()) {
                throw new IllegalStateException("the gradient of the model's " + e.getKey() + " input has the wrong size");
            }
            grads.put(e.getKey(), flat(gr));
        }
        // copied out: free the native arrays now rather than when a garbage collection finds them
        // (this alone did not bound the growth of a long run: docs/ARCHITECTURE.md, "Explanations")
        close(og.getOutputs().values());
        close(og.getGradients().values());
        return new Result(logits, grads);
    }

    /** Closes arrays that own their memory (views and shared buffers are left alone). */
    static void close(java.util.Collection<INDArray> arrays) {
        for (INDArray a : arrays) if (a != null && a.closeable()) a.close();
    }

    /** Row-major doubles of any array (views and strides included). */
    static double[] flat(INDArray a) {
        INDArray c = a.dup('c');
        INDArray d = as(c, DataType.DOUBLE);
        double[] out = d.reshape(a.length()).toDoubleVector();
        d.close();
        return out;
    }

    /** {@code a} as {@code type}; a copy of another type is made and {@code a} closed (its memory freed now). */
    static INDArray as(INDArray a, DataType type) {
        if (a.dataType() == type) return a;
        INDArray c = a.castTo(type);
        if (c != a && a.closeable()) a.close();
        return c;
    }
}
