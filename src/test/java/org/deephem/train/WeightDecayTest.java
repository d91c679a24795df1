package org.deephem.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deephem.model.DeepHemGraph;
import org.deephem.model.Fusion;
import org.deephem.model.ModelConfig;
import org.deephem.model.ModelInputs;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The L2 penalty is (l2/2)·Σ‖W‖² over weight matrices only. Closed form: two graphs with the
 * same seed differ only by that term, so their gradients must differ by exactly l2·W for every
 * weight matrix and by 0 for every bias and layer-norm gain/bias; the term's value must equal
 * the sum computed here directly from the variables.
 */
class WeightDecayTest {
    static final double L2 = 0.1;

    @Test
    void decayCoversWeightMatricesOnly() {
        ModelConfig base = GradientCheckTest.tiny(Fusion.CROSS_ATTENTION);
        ModelInputs in = GradientCheckTest.randomInputs(base, 5);
        Map<String, INDArray> ph = Trainer.batch(base, in, new int[] {1, 0, 1, 0}, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}, 4, 0.5, 0.0);

        SameDiff plain = DeepHemGraph.build(base.withRegularisation(0.0, 0.2));
        SameDiff decayed = DeepHemGraph.build(base.withRegularisation(L2, 0.2));
        List<String> vars = new ArrayList<>();
        for (SDVariable v : decayed.variables()) if (v.getVariableType() == VariableType.VARIABLE) vars.add(v.name());
        Map<String, INDArray> g0 = plain.calculateGradients(ph, vars), g1 = decayed.calculateGradients(ph, vars);

        double expectedTerm = 0;
        int matrices = 0, exempt = 0;
        for (String name : vars) {
            INDArray w = decayed.getVariable(name).getArr();
            boolean bias = name.endsWith("_b"), gain = name.endsWith("_g");
            for (long i = 0; i < w.length(); i++) {
                double diff = g1.get(name).getDouble(i) - g0.get(name).getDouble(i);
                double want = bias || gain ? 0.0 : L2 * w.getDouble(i);
                assertEquals(want, diff, 1e-9, name + "[" + i + "]");
                if (!bias && !gain) expectedTerm += L2 / 2 * w.getDouble(i) * w.getDouble(i);
            }
            if (bias || gain) exempt++;
            else matrices++;
        }
        assertTrue(matrices >= 10 && exempt >= 10, matrices + " matrices, " + exempt + " biases/gains");
        assertTrue(vars.stream().anyMatch(v -> v.endsWith("_ln1_g")), "layer-norm gains are among the checked variables");
        double term = decayed.output(ph, DeepHemGraph.L2_LOSS).get(DeepHemGraph.L2_LOSS).getDouble(0);
        assertEquals(expectedTerm, term, 1e-12 * Math.max(1, expectedTerm));
        assertEquals(0.0, plain.output(ph, DeepHemGraph.L2_LOSS).get(DeepHemGraph.L2_LOSS).getDouble(0), 0.0);
    }
}
