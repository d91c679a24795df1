package org.deephem.model.exec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The weight update of a training step in two op calls instead of two per weight (the default
 * graph has 145 weights): every trainable weight, its gradient and Adam's state are slices of
 * one buffer each (the graph's weight arrays become views onto the weights' buffer, the
 * training plan writes each gradient into its slice), then Adam runs once over all gradients
 * and one subtraction updates all weights. Adam is element-wise with one step size per call, so
 * every element gets the bits it gets weight by weight (PlannedExecutorTest compares whole
 * trainings with SameDiff's session). Used only where that holds: plain {@link Adam}, state
 * made fresh here (not a session's), no regularisation in the training config, one data type.
 */
final class FlatUpdate {
    private final List<String> names;
    private final INDArray params, grads;
    private final INDArray[] paramViews, gradViews;
    private final GradientUpdater updater;
    private Map<String, INDArray> into;

    private FlatUpdate(List<String> names, INDArray params, INDArray grads, INDArray[] paramViews, INDArray[] gradViews, GradientUpdater updater) {
        this.names = names;
        this.params = params;
        this.grads = grads;
        this.paramViews = paramViews;
        this.gradViews = gradViews;
        this.updater = updater;
    }

    /** The flat update of these weights, their values moved into it; null where it would not give the same bits. */
    static FlatUpdate of(SameDiff sd, SameDiff g, TrainingConfig tc, List<String> trainable) {
        if (trainable.isEmpty() || tc.getUpdater().getClass() != Adam.class) return null;
        if (tc.getRegularization() != null && !tc.getRegularization().isEmpty()) return null;
        DataType type = sd.getVariable(trainable.get(0)).getArr().dataType();
        long n = 0;
        for (String name : trainable) {
            INDArray a = sd.getVariable(name).getArr();
            if (a.dataType() != type || a.isEmpty()) return null;
            n += a.length();
        }
        INDArray params = Nd4j.createUninitializedDetached(type, 1, n);
        INDArray grads = Nd4j.createUninitializedDetached(type, 1, n);
        INDArray[] pv = new INDArray[trainable.size()], gv = new INDArray[trainable.size()];
        long off = 0;
        for (int i = 0; i < pv.length; i++) {
            INDArray a = sd.getVariable(trainable.get(i)).getArr();
            long[] shape = a.shape();
            pv[i] = Nd4j.create(params.data(), shape, Arena.strides(shape), off, 'c', type);
            gv[i] = Nd4j.create(grads.data(), shape, Arena.strides(shape), off, 'c', type);
            pv[i].assign(a);
            off += a.length();
        }
        // as SameDiff's initializeTraining makes each weight's state, for all of them at once (zeros)
        INDArray state = Nd4j.createUninitialized(type, 1, tc.getUpdater().stateSize(n));
        GradientUpdater u = tc.getUpdater().instantiate(state, false);
        u.setStateViewArray(state, new long[] {1, n}, 'c', true);
        FlatUpdate f = new FlatUpdate(List.copyOf(trainable), params, grads, pv, gv, u);
        f.adopt(sd, g);
        return f;
    }

    /**
     * Makes the graph's (and its gradient function's) weight arrays the views, values kept. The
     * graph's variables move to a holder that keeps arrays as given (SameDiff's default,
     * thread-safe holder copies a view; the gradient function's holder is of this kind already;
     * on a CPU both hold one array per variable).
     */
    private void adopt(SameDiff sd, SameDiff g) {
        if (!(sd.getVariablesArrays() instanceof SingleThreadArrayHolder)) {
            SingleThreadArrayHolder h = new SingleThreadArrayHolder();
            h.initFrom(sd.getVariablesArrays());
            sd.setVariablesArrays(h);
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            INDArray now = sd.getVariable(name).getArr();
            if (now != paramViews[i]) {
                if (!Arrays.equals(now.shape(), paramViews[i].shape()) || now.dataType() != paramViews[i].dataType())
                    throw new IllegalStateException("weight '" + name + "' changed shape or type during training");
                paramViews[i].assign(now);
                sd.setArrayForVariable(name, paramViews[i]);
            }
            if (g != sd && g.getVariable(name).getArr() != paramViews[i]) g.setArrayForVariable(name, paramViews[i]);
        }
    }

    /** Before a step: the graph still holds the views (a weight given a new array since is copied in). */
    void bound(SameDiff sd, SameDiff g) {
        for (int i = 0; i < names.size(); i++) {
            if (sd.getVariable(names.get(i)).getArr() != paramViews[i] || (g != sd && g.getVariable(names.get(i)).getArr() != paramViews[i])) {
                adopt(sd, g);
                return;
            }
        }
    }

    /** Where the training plan writes each gradient (by gradient name, in {@code gradientNames}' order). */
    Map<String, INDArray> gradientInto(List<String> gradientNames) {
        if (into == null) {
            into = new LinkedHashMap<>();
            for (int i = 0; i < gradViews.length; i++) into.put(gradientNames.get(i), gradViews[i]);
        }
        return into;
    }

    /** Copies into the flat gradient any gradient the plan could not write there itself. */
    void collect(Map<String, INDArray> run, List<String> gradientNames) {
        for (int i = 0; i < gradViews.length; i++) {
            INDArray a = run.get(gradientNames.get(i));
            if (a != gradViews[i]) gradViews[i].assign(a);
        }
    }

    /** Adam over all gradients at once, then all weights updated, as SameDiff's session does weight by weight. */
    void update(TrainingConfig tc, int iteration, int epoch) {
        updater.applyUpdater(grads, iteration, epoch);
        if (tc.isMinimize()) params.subi(grads);
        else params.addi(grads);
    }
}
