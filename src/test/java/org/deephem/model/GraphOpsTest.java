package org.deephem.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GraphOpsTest {
    private static INDArray col(double... v) {
        return Nd4j.create(v, new long[] {v.length, 1}, DataType.DOUBLE);
    }

    private static double mmdOf(double[][] x, double[] a, double[] multipliers) {
        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.constant("x", Nd4j.create(x).castTo(DataType.DOUBLE));
        SDVariable av = sd.constant("a", col(a));
        SDVariable m = GraphOps.mmd(sd, xv, av, multipliers);
        return m.eval().getDouble(0);
    }

    @Test
    void mmdOfIdenticalSamplesIsZero() {
        double[][] x = {{0.3, -1.0}, {2.0, 0.5}, {0.3, -1.0}, {2.0, 0.5}};
        double[] a = {0.5, 0.5, -0.5, -0.5};
        assertEquals(0.0, mmdOf(x, a, MmdKernel.MULTI.multipliers()), 1e-12);
        assertEquals(0.0, mmdOf(x, a, MmdKernel.SINGLE.multipliers()), 1e-12);
    }

    @Test
    void mmdOfTwoPointsMatchesClosedForm() {
        // source {0}, target {1}: mean squared distance over the 4 real pairs = 0.5 = sigma^2
        double[][] x = {{0.0, 0.0}, {1.0, 0.0}};
        double[] a = {1.0, -1.0};
        double s2 = 0.5 + 1e-6;
        assertEquals(2 - 2 * Math.exp(-1 / s2), mmdOf(x, a, MmdKernel.SINGLE.multipliers()), 1e-9);
        double mk = 0;
        for (double m : MmdKernel.MULTI.multipliers()) mk += (2 - 2 * Math.exp(-1 / (m * s2))) / 5;
        assertEquals(mk, mmdOf(x, a, MmdKernel.MULTI.multipliers()), 1e-9);
    }

    @Test
    void mmdIgnoresPaddingRowsAndMatchesThreeSums() {
        double[][] x = {{0.0, 1.0}, {1.0, 0.0}, {9.0, 9.0}, {2.0, 2.0}};
        double[] a = {0.5, 0.5, 0.0, -1.0}; // row 2 is padding
        // direct: mean of three kernel sums, sigma^2 from real rows only
        int[] real = {0, 1, 3};
        double sum = 0;
        for (int i : real) for (int j : real) sum += d2(x[i], x[j]);
        double s2 = sum / 9 + 1e-6;
        double ss = (1 + 1 + 2 * Math.exp(-d2(x[0], x[1]) / s2)) / 4;
        double tt = 1;
        double st = (Math.exp(-d2(x[0], x[3]) / s2) + Math.exp(-d2(x[1], x[3]) / s2)) / 2;
        assertEquals(ss + tt - 2 * st, mmdOf(x, a, MmdKernel.SINGLE.multipliers()), 1e-9);
    }

    private static double d2(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) s += (p[i] - q[i]) * (p[i] - q[i]);
        return s;
    }

    @Test
    void mmdGradientMatchesFiniteDifferencesAtFixedBandwidth() {
        SameDiff sd = SameDiff.create();
        INDArray x0 = Nd4j.create(new double[][] {{0.1, 0.7}, {-0.4, 0.2}, {1.1, -0.3}, {0.5, 0.9}});
        SDVariable x = sd.var("x", x0.dup());
        SDVariable a = sd.constant("a", col(0.5, 0.5, -0.5, -0.5));
        SDVariable s2 = sd.constant("s2", Nd4j.scalar(DataType.DOUBLE, 0.8));
        SDVariable loss = GraphOps.mmd(sd, GraphOps.pairwiseSquaredDistances(sd, x), a, MmdKernel.MULTI.multipliers(), s2).sum().rename("loss");
        sd.setLossVariables("loss");
        QuietGradients.create(sd);
        INDArray g = sd.calculateGradients(Map.of(), "x").get("x");
        double eps = 1e-6;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                double orig = x0.getDouble(i, j);
                x.getArr().putScalar(i, j, orig + eps);
                double up = loss.eval().getDouble(0);
                x.getArr().putScalar(i, j, orig - eps);
                double down = loss.eval().getDouble(0);
                x.getArr().putScalar(i, j, orig);
                double fd = (up - down) / (2 * eps);
                assertEquals(fd, g.getDouble(i, j), 1e-6 + 1e-5 * Math.abs(fd), "d loss / d x[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void gradientReversalIsIdentityForwardAndMinusLambdaBackward() {
        SameDiff sd = SameDiff.create();
        INDArray x0 = Nd4j.create(new double[][] {{1.5, -2.0}, {0.25, 3.0}});
        SDVariable x = sd.var("x", x0.dup());
        SDVariable lambda = sd.placeHolder("lambda", DataType.DOUBLE, 1, 1);
        SDVariable c = sd.constant("c", Nd4j.create(new double[][] {{1.0, 2.0}, {3.0, 4.0}}));
        SDVariable r = GraphOps.gradientReversal(sd, x, lambda);
        r.rename("r");
        r.mul(c).sum().rename("loss");
        sd.setLossVariables("loss");
        Map<String, INDArray> ph = Map.of("lambda", Nd4j.create(new double[] {0.7}, new long[] {1, 1}, DataType.DOUBLE));
        assertEquals(x0, sd.output(ph, "r").get("r"));
        QuietGradients.create(sd);
        INDArray g = sd.calculateGradients(ph, "x").get("x");
        assertEquals(c.eval().mul(-0.7), g);
    }

    @Test
    void bceWithLogitsMatchesTheTextbookFormula() {
        SameDiff sd = SameDiff.create();
        double[] z = {-30, -2.5, 0, 1.3, 40};
        double[] y = {0, 1, 1, 0, 1};
        SDVariable out = GraphOps.bceWithLogits(sd, sd.constant(col(z)), sd.constant(col(y)));
        INDArray v = out.eval();
        for (int i = 0; i < z.length; i++) {
            double p = 1 / (1 + Math.exp(-z[i]));
            double expected = -(y[i] * Math.log(p) + (1 - y[i]) * Math.log1p(-p));
            if (z[i] == 40) expected = 0; // log(p) underflows to 0 in double: stable form must give ~4e-18
            assertEquals(expected, v.getDouble(i, 0), 1e-9 + 1e-9 * Math.abs(expected));
            assertTrue(Double.isFinite(v.getDouble(i, 0)));
        }
    }

    @Test
    void layerNormRowsMatchesTheTextbookFormulaAndItsGainGradientSumsOverRows() {
        double[][] x = {{1, 2, 4, 7}, {-3, 0, 0.5, 2}, {10, 10.5, 9, 8}};
        double[] g = {0.5, 2, -1, 1.5}, b = {0.1, 0, -0.2, 0.3};
        SameDiff sd = SameDiff.create();
        SDVariable xv = sd.constant("x", Nd4j.create(x).castTo(DataType.DOUBLE));
        SDVariable gv = sd.var("g", Nd4j.create(g, new long[] {1, 4}, DataType.DOUBLE));
        SDVariable bv = sd.var("b", Nd4j.create(b, new long[] {1, 4}, DataType.DOUBLE));
        SDVariable ones = sd.constant("ones", col(1, 1, 1));
        SDVariable y = GraphOps.layerNormRows(xv, gv, bv, ones).rename("y");
        y.sum().rename("loss");
        sd.setLossVariables("loss");
        INDArray out = y.eval();
        double[] dg = new double[4];
        for (int r = 0; r < 3; r++) {
            double mean = 0, var = 0;
            for (double v : x[r]) mean += v / 4;
            for (double v : x[r]) var += (v - mean) * (v - mean) / 4;
            for (int c = 0; c < 4; c++) {
                double xhat = (x[r][c] - mean) / Math.sqrt(var + 1e-5);
                assertEquals(xhat * g[c] + b[c], out.getDouble(r, c), 1e-12);
                dg[c] += xhat; // d(sum y)/dg_c = Σ_rows x̂
            }
        }
        QuietGradients.create(sd);
        INDArray grad = sd.calculateGradients(Map.of(), "g").get("g");
        for (int c = 0; c < 4; c++) assertEquals(dg[c], grad.getDouble(0, c), 1e-12);
    }
}
