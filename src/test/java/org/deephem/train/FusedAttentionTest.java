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
import org.deephem.model.QuietGradients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * libnd4j's fused multi-head attention op against the same attention written in basic ops (the
 * default), in double precision, from the same initial weights: equal loss, logits and gradients
 * of every weight, to rounding. GradientCheckTest checks the basic graph against finite
 * differences, so the fused one is checked through this equality.
 */
class FusedAttentionTest {
    @ParameterizedTest
    @EnumSource(Fusion.class)
    void fusedEncoderEqualsBasicOps(Fusion fusion) {
        ModelConfig cfg = ModelConfig.defaults().withSize(14, 2, 8, 2, 2, 6).withFusion(fusion).withMtiDim(3)
                .withTraining(1, 4, 4, 1e-3, 7).withDoublePrecision(true);
        ModelInputs in = GradientCheckTest.randomInputs(cfg, 3);
        // λ = 0.5, α = 0.5: every term of the loss, MMD included, is on
        Map<String, INDArray> ph = Trainer.batch(cfg, in, new int[] {1, 0, 1, 0}, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}, 4, 0.5, 0.5);
        SameDiff basic = DeepHemGraph.build(cfg, DeepHemGraph.Ops.BASIC), fused = DeepHemGraph.build(cfg, DeepHemGraph.Ops.LIBND4J_ATTENTION);
        QuietGradients.create(basic);
        QuietGradients.create(fused);

        Map<String, INDArray> ob = basic.output(ph, DeepHemGraph.LOSS, DeepHemGraph.LOGIT), of = fused.output(ph, DeepHemGraph.LOSS, DeepHemGraph.LOGIT);
        assertClose(ob.get(DeepHemGraph.LOSS), of.get(DeepHemGraph.LOSS), "loss");
        assertClose(ob.get(DeepHemGraph.LOGIT), of.get(DeepHemGraph.LOGIT), "logits");

        List<String> vars = new ArrayList<>();
        for (SDVariable v : basic.variables()) if (v.getVariableType() == VariableType.VARIABLE) vars.add(v.name());
        assertEquals(vars.size(), fused.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).count(), "same weights");
        Map<String, INDArray> gb = basic.calculateGradients(ph, vars), gf = fused.calculateGradients(ph, vars);
        int attention = 0;
        for (String name : vars) {
            INDArray b = gb.get(name), f = gf.get(name);
            if (f.rank() == 3) { // per-head projection [H, dh, d] of a [d, d] matrix: bring it back to [d, d]
                f = f.permute(2, 0, 1).reshape(b.shape());
                attention++;
            }
            assertClose(b.reshape(b.length()), f.reshape(f.length()), "gradient of " + name);
        }
        assertEquals(6, attention, "q, k, v projections of both layers are the fused op's");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(expected.length(), actual.length(), what + ": size");
        double scale = expected.norm2Number().doubleValue() / Math.sqrt(expected.length()) + 1e-12;
        for (long i = 0; i < expected.length(); i++) {
            double e = expected.getDouble(i), a = actual.getDouble(i);
            assertTrue(Math.abs(e - a) <= 1e-8 * Math.max(Math.abs(e), scale), what + "[" + i + "]: basic " + e + ", fused " + a);
        }
    }
}
