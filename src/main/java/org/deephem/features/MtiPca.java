package org.deephem.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.deephem.io.AtomicFiles;
import org.deephem.io.InputError;
import org.deephem.io.Numbers;

/**
 * Principal components of the binary precursor x gene MTI matrix. The matrix is sparse (a few
 * hundred thousand ones over ~13k genes), so the top k directions of the gene covariance are
 * found by randomised subspace iteration on the implicitly centred matrix, followed by a
 * Rayleigh–Ritz step; nothing of size genes x genes is formed. The fitted gene list, centring
 * and components are kept so that new miRNAs are projected exactly as the training rows.
 * Each component's sign is fixed so that its largest-magnitude loading is positive.
 */
public final class MtiPca {
    private final List<String> genes;
    private final Map<String, Integer> index;
    private final double[] mean;
    private final double[][] components; // [k][genes]
    private final double[] variance;     // eigenvalues of the covariance, descending

    private MtiPca(List<String> genes, double[] mean, double[][] components, double[] variance) {
        this.genes = List.copyOf(genes);
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        this.index = new HashMap<>();
        for (int g = 0; g < genes.size(); g++) index.put(genes.get(g), g);
    }

    public int k() {
        return components.length;
    }

    /** Whether a gene is one of the basis genes (others project to nothing). */
    public boolean knows(String gene) {
        return index.containsKey(gene);
    }

    public List<String> genes() {
        return genes;
    }

    public double[] variance() {
        return variance.clone();
    }

    public double[][] components() {
        double[][] c = new double[components.length][];
        for (int i = 0; i < c.length; i++) c[i] = components[i].clone();
        return c;
    }

    /** Column names pc1..pck. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= k(); i++) out.add("pc" + i);
        return out;
    }

    /**
     * Fits k components on the given rows (each a set of upper-case gene symbols).
     * Deterministic for a given seed.
     */
    public static MtiPca fit(List<? extends Collection<String>> rows, int k, long seed) {
        TreeSet<String> all = new TreeSet<>();
        for (Collection<String> r : rows) all.addAll(r);
        List<String> genes = new ArrayList<>(all);
        Map<String, Integer> idx = new HashMap<>();
        for (int g = 0; g < genes.size(); g++) idx.put(genes.get(g), g);
        int n = rows.size(), p = genes.size();
        if (n < 2) throw new IllegalArgumentException("PCA needs at least 2 rows");
        int[][] x = new int[n][];
        double[] mean = new double[p];
        for (int r = 0; r < n; r++) {
            x[r] = rows.get(r).stream().mapToInt(idx::get).sorted().toArray();
            for (int g : x[r]) mean[g] += 1.0 / n;
        }
        int kk = Math.min(k, Math.min(n - 1, p));
        if (kk <= 0) {
            // no genes at all: zero components keep the shapes valid
            return new MtiPca(genes, mean, new double[k][p], new double[k]);
        }
        int m = Math.min(p, kk + 12);
        Random rnd = new Random(seed);
        double[][] q = new double[m][p];
        for (double[] col : q) for (int g = 0; g < p; g++) col[g] = rnd.nextGaussian();
        orthonormalise(q);
        for (int it = 0; it < 60; it++) {
            q = covTimes(x, mean, q, n);
            orthonormalise(q);
        }
        // Rayleigh–Ritz: B = Q^T C Q, small and symmetric
        double[][] cq = covTimes(x, mean, q, n);
        double[][] b = new double[m][m];
        for (int a = 0; a < m; a++) for (int c = 0; c < m; c++) b[a][c] = dot(q[a], cq[c]);
        for (int a = 0; a < m; a++) for (int c = 0; c < a; c++) b[a][c] = b[c][a] = 0.5 * (b[a][c] + b[c][a]);
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(b));
        double[] ev = eig.getRealEigenvalues();
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        java.util.Arrays.sort(order, (i, j) -> Double.compare(ev[j], ev[i]));
        double[][] comps = new double[k][p];
        double[] var = new double[k];
        for (int c = 0; c < kk; c++) {
            double[] w = eig.getEigenvector(order[c]).toArray();
            double[] v = comps[c];
            for (int a = 0; a < m; a++) for (int g = 0; g < p; g++) v[g] += w[a] * q[a][g];
            normalise(v);
            int arg = 0;
            for (int g = 1; g < p; g++) if (Math.abs(v[g]) > Math.abs(v[arg])) arg = g;
            if (v[arg] < 0) for (int g = 0; g < p; g++) v[g] = -v[g];
            var[c] = Math.max(0.0, ev[order[c]]);
        }
        return new MtiPca(genes, mean, comps, var);
    }

    /** Y = C Q for the covariance C = Xc^T Xc / (n-1), with Xc = X - 1 mean^T (never formed). */
    private static double[][] covTimes(int[][] x, double[] mean, double[][] q, int n) {
        int m = q.length, p = mean.length;
        double[][] y = new double[m][p];
        for (int a = 0; a < m; a++) {
            double[] col = q[a];
            double mq = dot(mean, col);
            double zsum = 0;
            double[] out = y[a];
            for (int[] row : x) {
                double z = -mq;
                for (int g : row) z += col[g];
                zsum += z;
                for (int g : row) out[g] += z;
            }
            for (int g = 0; g < p; g++) out[g] = (out[g] - mean[g] * zsum) / (n - 1);
        }
        return y;
    }

    private static void orthonormalise(double[][] q) {
        for (int a = 0; a < q.length; a++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < a; c++) {
                    double d = dot(q[a], q[c]);
                    for (int g = 0; g < q[a].length; g++) q[a][g] -= d * q[c][g];
                }
            }
            normalise(q[a]);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void normalise(double[] v) {
        double s = Math.sqrt(dot(v, v));
        if (s > 0) for (int i = 0; i < v.length; i++) v[i] /= s;
    }

    /** Scores of one miRNA; genes outside the fitted list are ignored (they carry no direction). */
    public double[] project(Collection<String> targetGenes) {
        double[] out = new double[components.length];
        for (int c = 0; c < components.length; c++) {
            double[] v = components[c];
            double s = -dot(mean, v);
            for (String gene : targetGenes) {
                Integer g = index.get(gene);
                if (g != null) s += v[g];
            }
            out[c] = s;
        }
        return out;
    }

    /**
     * True when both project any gene set to the same components: same genes in the same order,
     * same centring and loadings (exactly: the TSV stores doubles in round-trip form).
     */
    public boolean sameBasis(MtiPca other) {
        return genes.equals(other.genes) && java.util.Arrays.equals(mean, other.mean)
                && java.util.Arrays.deepEquals(components, other.components);
    }

    /** Saves gene, mean and loadings as TSV (one row per gene), plus a variance header line. */
    public void write(Path file) {
        AtomicFiles.writeString(file, toTsv());
    }

    /** The text that {@link #write} saves. */
    public String toTsv() {
        StringBuilder sb = new StringBuilder();
        sb.append("#variance");
        for (double v : variance) sb.append('\t').append(v);
        sb.append('\n').append("gene\tmean");
        for (String nme : names()) sb.append('\t').append(nme);
        sb.append('\n');
        for (int g = 0; g < genes.size(); g++) {
            sb.append(genes.get(g)).append('\t').append(mean[g]);
            for (double[] c : components) sb.append('\t').append(c[g]);
            sb.append('\n');
        }
        return sb.toString();
    }

    public static MtiPca read(Path file) {
        try (BufferedReader in = org.deephem.io.TextFiles.open(file)) {
            return read(in, file);
        } catch (IOException e) {
            throw org.deephem.io.TextFiles.readFailure(file, e);
        }
    }

    public static MtiPca read(BufferedReader in, Path file) throws IOException {
        String first = in.readLine();
        if (first == null || !first.startsWith("#variance")) throw InputError.at(file, 1, "not an MTI PCA model (no #variance line)");
        String[] vf = first.split("\t");
        int k = vf.length - 1;
        double[] var = new double[k];
        for (int i = 0; i < k; i++) var[i] = Numbers.parse(vf[i + 1], file, 1, "variance " + (i + 1));
        String header = in.readLine();
        if (header == null || header.split("\t").length != k + 2) throw InputError.at(file, 2, "header does not have " + (k + 2) + " columns");
        String[] columns = header.split("\t");
        List<String> genes = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        String line;
        long n = 2;
        while ((line = in.readLine()) != null) {
            n++;
            if ((n - 2) * (k + 1L) > org.deephem.io.Limits.MAX_TABLE_CELLS) {
                throw InputError.at(file, n, "more than " + org.deephem.io.Limits.MAX_TABLE_CELLS + " values (the limit for an MTI PCA basis)");
            }
            String[] f = line.split("\t");
            if (f.length != k + 2) throw InputError.at(file, n, "expected " + (k + 2) + " columns, found " + f.length);
            double[] r = new double[k + 1];
            for (int i = 0; i <= k; i++) r[i] = Numbers.parse(f[i + 1], file, n, columns[i + 1]);
            genes.add(f[0]);
            rows.add(r);
        }
        double[] mean = new double[genes.size()];
        double[][] comps = new double[k][genes.size()];
        for (int g = 0; g < genes.size(); g++) {
            mean[g] = rows.get(g)[0];
            for (int c = 0; c < k; c++) comps[c][g] = rows.get(g)[c + 1];
        }
        return new MtiPca(genes, mean, comps, var);
    }

    /** Fraction of the total variance that the kept components explain. */
    public static double totalVariance(List<? extends Set<String>> rows) {
        Map<String, Integer> count = new HashMap<>();
        for (Set<String> r : rows) for (String g : r) count.merge(g, 1, Integer::sum);
        int n = rows.size();
        double t = 0;
        for (int c : count.values()) {
            double mu = c / (double) n;
            t += (c * (1 - mu) * (1 - mu) + (n - c) * mu * mu) / (n - 1);
        }
        return t;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MtiPca[k=%d, genes=%d]", k(), genes.size());
    }
}
