package org.deephem.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.deephem.data.DatasetReader;
import org.deephem.data.DeepHemDataset;
import org.deephem.testutil.TestData;
import org.junit.jupiter.api.Test;

/** TCA's generalised eigenproblem against its defining equation, and the method on the demo data. */
class TcaTest {
    private static double[][] rows(int n, int d, double shift, Random rnd) {
        double[][] x = new double[n][d];
        for (double[] r : x) for (int j = 0; j < d; j++) r[j] = rnd.nextGaussian() + shift;
        return x;
    }

    @Test
    void solutionSatisfiesItsDefiningEquation() {
        Random rnd = new Random(3);
        int ns = 12, nt = 9, m = 4;
        double[][] x = new double[ns + nt][];
        double[][] s = rows(ns, 3, 0, rnd), t = rows(nt, 3, 1.5, rnd);
        System.arraycopy(s, 0, x, 0, ns);
        System.arraycopy(t, 0, x, ns, nt);
        RealMatrix k = Tca.kernel(x, x, Tca.meanSquaredDistance(x));
        Tca.Solution sol = Tca.solve(k, ns, m, 1.0);
        RealMatrix w = sol.vectors();
        // A W = B W Λ, i.e. (K L K + μI) W Λ⁻¹ = K H K W, column by column
        RealMatrix lhs = sol.a().multiply(w), rhs = sol.b().multiply(w).multiply(MatrixUtils.createRealDiagonalMatrix(sol.values()));
        double scale = lhs.getNorm();
        assertTrue(lhs.subtract(rhs).getNorm() < 1e-9 * scale, "A W = B W Λ, residual " + lhs.subtract(rhs).getNorm());
        // B-orthonormal columns
        RealMatrix g = w.transpose().multiply(sol.b()).multiply(w);
        assertTrue(g.subtract(MatrixUtils.createRealIdentityMatrix(m)).getNorm() < 1e-9, "Wᵀ B W = I");
        // the m largest eigenvalues of B⁻¹A, computed a second way (non-symmetric decomposition)
        double[] all = new EigenDecomposition(MatrixUtils.inverse(sol.b()).multiply(sol.a())).getRealEigenvalues();
        double[] top = Arrays.stream(all).boxed().sorted((a, b) -> Double.compare(b, a)).limit(m).mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(top, sol.values(), 1e-8 * Math.abs(top[0]));
        for (int j = 1; j < m; j++) assertTrue(sol.values()[j - 1] >= sol.values()[j], "largest first");
    }

    @Test
    void scoresTheDemoDataDeterministically() {
        DeepHemDataset ds = DatasetReader.read(TestData.demo());
        int[] all = IntStream.range(0, ds.labels().length).toArray();
        double[] a = new Tca().fit(ds, all, 5).score(ds.target());
        double[] b = new Tca().fit(ds, all, 5).score(ds.target());
        assertEquals(ds.target().size(), a.length);
        assertArrayEquals(a, b, 0.0, "same seed, same scores");
        for (double v : a) assertTrue(v >= 0 && v <= 1, "probabilities");
        assertTrue(Arrays.stream(a).distinct().count() > 10, "scores that rank");
    }

    @Test
    void sampleDrawsDistinctSortedRows() {
        int[] s = Tca.sample(100, 10, 1);
        assertEquals(10, Arrays.stream(s).distinct().count());
        for (int i = 1; i < s.length; i++) assertTrue(s[i - 1] < s[i]);
        assertArrayEquals(IntStream.range(0, 5).toArray(), Tca.sample(5, 10, 1));
    }
}
