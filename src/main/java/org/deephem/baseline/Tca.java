package org.deephem.baseline;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.deephem.baseline.LearnedBaseline.Algorithm;
import org.deephem.data.DeepHemDataset;
import org.deephem.method.Method;
import org.deephem.model.Standardiser;

/**
 * Transfer component analysis (Pan et al. 2011, kernel TCA) followed by a logistic regression:
 * the unsupervised domain-adaptation baseline of the comparison. Inputs are the standardised 18
 * inherent + MTI PCA features (as {@link LearnedBaseline}) of the mouse training rows and of the
 * human rows; TCA finds the kernel directions W that keep the data's variance while shrinking the
 * mouse–human MMD, by the symmetric generalised eigenproblem
 * <pre>  (K H K) w = λ (K L K + μ I) w,   largest λ  ⇔  (K L K + μ I) W = K H K W Λ⁻¹ </pre>
 * K: Gaussian kernel of all fit rows, L: the MMD weights (1/n_s², 1/n_t², −1/(n_s n_t)), H the
 * centring matrix. A logistic regression (Tribuo, as {@code logistic}) is then trained on the
 * transformed mouse rows and scores any row through k(x, fit rows)·W.
 *
 * <p>Fixed settings, never chosen on data: {@link #COMPONENTS} components, μ = {@link #MU} (the
 * paper's default), bandwidth = mean pairwise squared distance of the fit rows (the network's MMD
 * rule), at most {@link #MAX_TARGET_ROWS} human rows drawn with the seed (the eigenproblem is
 * cubic in the number of rows; 1,917 humans would take minutes per fit for little gain).
 */
public final class Tca implements Method {
    public static final int COMPONENTS = 10;
    public static final double MU = 1.0;
    public static final int MAX_TARGET_ROWS = 400;

    @Override
    public String name() {
        return "tca";
    }

    @Override
    public boolean scoresAreProbabilities() {
        return true;
    }

    @Override
    public Fitted fit(DeepHemDataset ds, int[] trainRows, long seed) {
        FeatureRows features = FeatureRows.fit(ds, trainRows, true);
        double[][] mouse = features.rows(ds, ds.source());
        double[][] human = features.rows(ds, ds.target());
        int[] humanPick = sample(human.length, MAX_TARGET_ROWS, seed);
        int ns = trainRows.length, nt = humanPick.length;
        double[][] fitRows = new double[ns + nt][];
        for (int i = 0; i < ns; i++) fitRows[i] = mouse[trainRows[i]];
        for (int i = 0; i < nt; i++) fitRows[ns + i] = human[humanPick[i]];
        double sigma2 = meanSquaredDistance(fitRows);
        RealMatrix k = kernel(fitRows, fitRows, sigma2);
        Solution sol = solve(k, ns, Math.min(COMPONENTS, ns + nt - 1), MU);
        RealMatrix w = sol.vectors();
        // transformed mouse rows, then z-scored on the training rows (the components' scale is arbitrary)
        double[][] z = kernel(mouse, fitRows, sigma2).multiply(w).getData();
        double[][] zTrain = Arrays.stream(trainRows).mapToObj(r -> z[r]).toArray(double[][]::new);
        Standardiser scaler = Standardiser.fit(zTrain);
        double[][] zs = Arrays.stream(z).map(scaler::apply).toArray(double[][]::new);
        var logistic = LearnedBaseline.train(Algorithm.LOGISTIC, zs, ds.labels(), trainRows, seed, name());
        return domain -> {
            double[][] zd = kernel(features.rows(ds, domain), fitRows, sigma2).multiply(w).getData();
            return logistic.apply(Arrays.stream(zd).map(scaler::apply).toArray(double[][]::new));
        };
    }

    /** Eigenvalues λ (largest first) and the matching columns w of the generalised problem, with Wᵀ B W = I. */
    public record Solution(double[] values, RealMatrix vectors, RealMatrix a, RealMatrix b) {}

    /**
     * Solves {@code (K H K) w = λ (K L K + μ I) w} for the {@code components} largest λ, where the
     * first {@code ns} rows of {@code k} are source rows and the rest target rows. B = K L K + μ I is
     * symmetric positive definite (μ > 0), so with B = C Cᵀ (Cholesky) the problem becomes the
     * ordinary symmetric one C⁻¹ A C⁻ᵀ v = λ v, and w = C⁻ᵀ v.
     */
    public static Solution solve(RealMatrix k, int ns, int components, double mu) {
        int n = k.getRowDimension(), nt = n - ns;
        if (ns < 1 || nt < 1) throw new IllegalArgumentException("TCA needs rows of both domains");
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean si = i < ns, sj = j < ns;
                l[i][j] = si && sj ? 1.0 / ((double) ns * ns) : !si && !sj ? 1.0 / ((double) nt * nt) : -1.0 / ((double) ns * nt);
            }
        }
        RealMatrix h = MatrixUtils.createRealIdentityMatrix(n).subtract(new Array2DRowRealMatrix(n, n).scalarAdd(1.0 / n));
        RealMatrix a = symmetric(k.multiply(h).multiply(k));
        RealMatrix b = symmetric(k.multiply(new Array2DRowRealMatrix(l, false)).multiply(k)
                .add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(mu)));
        RealMatrix c = new CholeskyDecomposition(b).getL();
        RealMatrix cInv = MatrixUtils.inverse(c);
        RealMatrix m = symmetric(cInv.multiply(a).multiply(cInv.transpose()));
        EigenDecomposition eig = new EigenDecomposition(m);
        double[] values = eig.getRealEigenvalues();
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -values[i])).toArray(Integer[]::new);
        RealMatrix v = new Array2DRowRealMatrix(n, components);
        double[] top = new double[components];
        for (int j = 0; j < components; j++) {
            top[j] = values[order[j]];
            v.setColumnVector(j, eig.getEigenvector(order[j]));
        }
        return new Solution(top, cInv.transpose().multiply(v), a, b);
    }

    /** Gaussian kernel exp(−‖x − y‖² / σ²) between the rows of x and of y. */
    static RealMatrix kernel(double[][] x, double[][] y, double sigma2) {
        double[][] out = new double[x.length][y.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) out[i][j] = Math.exp(-squaredDistance(x[i], y[j]) / sigma2);
        }
        return new Array2DRowRealMatrix(out, false);
    }

    static double meanSquaredDistance(double[][] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x.length; j++) sum += squaredDistance(x[i], x[j]);
        return sum / ((double) x.length * x.length) + 1e-12;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) s += (a[d] - b[d]) * (a[d] - b[d]);
        return s;
    }

    private static RealMatrix symmetric(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    /** All of 0..n−1 when n ≤ max, else max of them drawn without replacement with the seed, sorted. */
    static int[] sample(int n, int max, long seed) {
        if (n <= max) return IntStream.range(0, n).toArray();
        int[] idx = IntStream.range(0, n).toArray();
        Random rnd = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, max);
        Arrays.sort(out);
        return out;
    }

    @Override
    public String toString() {
        return name();
    }
}
