package org.deephem.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The path-integral rules against closed forms: ∫₀¹ αᵈ dα = 1/(d+1). */
class ExplainQuadratureTest {
    private static double integrate(Quadrature q, int degree) {
        double s = 0;
        for (int k = 0; k < q.size(); k++) s += q.weights()[k] * Math.pow(q.nodes()[k], degree);
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 16, 64, 128})
    void gaussLegendreIsExactUpToDegreeTwoNMinusOneAndNotBeyond(int n) {
        Quadrature q = Quadrature.gaussLegendre(n);
        assertEquals(n, q.size());
        for (int k = 0; k < n; k++) {
            assertTrue(q.nodes()[k] > 0 && q.nodes()[k] < 1, "node inside (0, 1)");
            if (k > 0) assertTrue(q.nodes()[k] > q.nodes()[k - 1], "nodes ascend");
            // symmetric about 1/2
            assertEquals(1.0, q.nodes()[k] + q.nodes()[n - 1 - k], 1e-14);
            assertEquals(q.weights()[k], q.weights()[n - 1 - k], 1e-14);
        }
        for (int d = 0; d <= Math.min(2 * n - 1, 40); d++) assertEquals(1.0 / (d + 1), integrate(q, d), 1e-13, "degree " + d);
        // degree 2n is not integrated exactly: on [0, 1] the error is (n!)⁴ / ((2n+1) ((2n)!)³) · f⁽²ⁿ⁾,
        // and f⁽²ⁿ⁾ = (2n)! for f = α²ⁿ
        if (n <= 8) {
            double fact = 1, fact2 = 1;
            for (int i = 2; i <= n; i++) fact *= i;
            for (int i = 2; i <= 2 * n; i++) fact2 *= i;
            double err = Math.pow(fact, 4) / ((2 * n + 1) * Math.pow(fact2, 2));
            assertEquals(err, 1.0 / (2 * n + 1) - integrate(q, 2 * n), err * 1e-6 + 1e-15);
        }
    }

    @Test
    void trapezoidIsExactForLinesAndErrsByOneOverSixNSquaredOnAParabola() {
        for (int n : new int[] {1, 4, 64}) {
            Quadrature q = Quadrature.trapezoid(n);
            assertEquals(n + 1, q.size());
            assertEquals(0.0, q.nodes()[0]);
            assertEquals(1.0, q.nodes()[n]);
            assertEquals(1.0, integrate(q, 0), 1e-14);
            assertEquals(0.5, integrate(q, 1), 1e-14);
            assertEquals(1.0 / (6.0 * n * n), integrate(q, 2) - 1.0 / 3, 1e-14);
        }
    }
}
