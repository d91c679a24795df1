package org.deephem.scorepage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deephem.features.Fold;

/**
 * 2-D coordinates of an RNA secondary structure from its dot-bracket, in the radial
 * "loops as circles" style of ViennaRNA's {@code RNAplot -t 0}: every loop (hairpin, bulge,
 * interior, multi- and exterior loop, and each stacked pair, whose "loop" is a rectangle) is a
 * polygon inscribed in a circle; backbone steps are {@value #BACKBONE} unit long and paired bases
 * sit {@value #PAIR} units apart, so stems come out as straight ladders.
 *
 * <p>Written here rather than taken from a library: no maintained RNA-drawing library is on
 * Maven Central (VARNA 3.93, the usual Java one, is published as a jar on its own site and as a
 * Debian package, not there; it is also GPL-3 and Swing-based). Unlike ViennaRNA's simple layout,
 * which gives every edge the same length, pair edges are longer than backbone edges here, so
 * each loop's circle is found numerically (the radius at which the chords' central angles sum
 * to 2π).
 *
 * <p>The drawing is then turned so that its longest extent is horizontal and the two ends lie
 * on the left. Coordinates are for the screen (y grows downward, as in SVG); loops are built
 * counter-clockwise in y-up terms, which on screen puts the 5′ arm of a hairpin on top: it reads
 * like miRBase's drawings, terminal loop on the right.
 */
public final class HairpinLayout {
    /** Distance between consecutive nucleotides. */
    public static final double BACKBONE = 1.0;
    /** Distance between paired nucleotides: wider than a backbone step, leaving room for the pair's line. */
    public static final double PAIR = 1.5;

    private HairpinLayout() {}

    /**
     * Where each nucleotide goes, and for each a unit vector pointing away from the drawing
     * (from its partner, or from the centre of its loop) where a label can go.
     *
     * @param partner partner index of each nucleotide, or -1
     */
    public record Coordinates(double[] x, double[] y, double[] outX, double[] outY, int[] partner) {
        public int size() {
            return x.length;
        }

        public double distance(int a, int b) {
            return Math.hypot(x[a] - x[b], y[a] - y[b]);
        }
    }

    /** Coordinates of the structure; an unbalanced or otherwise invalid dot-bracket is an {@link IllegalArgumentException}. */
    public static Coordinates of(String dotBracket) {
        int n = dotBracket.length();
        int[] pt = Fold.pairTable(dotBracket);
        // index v + 1 holds vertex v; vertices -1 and n are the virtual ends closing the exterior loop
        double[] px = new double[n + 2], py = new double[n + 2];
        double[] ox = new double[n], oy = new double[n];
        if (n == 0) return new Coordinates(new double[0], new double[0], ox, oy, pt);
        px[n + 1] = 0;
        py[n + 1] = 0;
        px[0] = PAIR;
        py[0] = 0;
        // loops by their closing pair, drawn outward from the exterior one (iterative: stems may be long)
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[] {-1, n});
        // loops of the same shape (most are stacked pairs) share their angles
        Map<String, double[]> angles = new HashMap<>();
        while (!todo.isEmpty()) {
            int[] c = todo.pop();
            placeLoop(c[0], c[1], pt, n, px, py, ox, oy, todo, angles);
        }
        double[] x = new double[n], y = new double[n];
        System.arraycopy(px, 1, x, 0, n);
        System.arraycopy(py, 1, y, 0, n);
        for (int k = 0; k < n; k++) {
            if (pt[k] >= 0) {
                double dx = x[k] - x[pt[k]], dy = y[k] - y[pt[k]], len = Math.hypot(dx, dy);
                ox[k] = dx / len;
                oy[k] = dy / len;
            }
        }
        orient(x, y, ox, oy);
        return new Coordinates(x, y, ox, oy, pt);
    }

    /**
     * Places the vertices of the loop closed by (i, j), whose two ends are already placed:
     * vertices go counter-clockwise (in y-up coordinates) from i round to j on the loop's circle.
     */
    private static void placeLoop(int i, int j, int[] pt, int n, double[] px, double[] py, double[] ox, double[] oy, Deque<int[]> todo,
                                  Map<String, double[]> angles) {
        List<Integer> v = new ArrayList<>();
        v.add(i);
        for (int k = i + 1; k < j; k++) {
            v.add(k);
            if (pt[k] > k) {
                v.add(pt[k]);
                todo.push(new int[] {k, pt[k]});
                k = pt[k];
            }
        }
        v.add(j);
        int m = v.size();
        double[] len = new double[m]; // len[e]: edge from v[e] to v[e + 1]; the last one closes j → i
        StringBuilder shape = new StringBuilder(m);
        for (int e = 0; e < m - 1; e++) {
            int a = v.get(e), b = v.get(e + 1);
            len[e] = a >= 0 && b < n && pt[a] == b ? PAIR : BACKBONE;
            shape.append(len[e] == PAIR ? 'p' : 'b');
        }
        len[m - 1] = PAIR;
        double[] angle = angles.computeIfAbsent(shape.toString(), k -> centralAngles(len));
        // centre from the closing edge j → i: on its left for a positive angle, its right for a negative one
        double jx = px[j + 1], jy = py[j + 1], ix = px[i + 1], iy = py[i + 1];
        double ex = ix - jx, ey = iy - jy, el = Math.hypot(ex, ey);
        double r = len[m - 1] / (2 * Math.abs(Math.sin(angle[m - 1] / 2)));
        double h = Math.signum(Math.sin(angle[m - 1] / 2)) * r * Math.cos(angle[m - 1] / 2);
        double cx = (ix + jx) / 2 - ey / el * h, cy = (iy + jy) / 2 + ex / el * h;
        double phi = Math.atan2(iy - cy, ix - cx);
        for (int e = 0; e < m - 2; e++) {
            phi += angle[e];
            int k = v.get(e + 1);
            px[k + 1] = cx + r * Math.cos(phi);
            py[k + 1] = cy + r * Math.sin(phi);
            if (pt[k] < 0) {
                ox[k] = Math.cos(phi);
                oy[k] = Math.sin(phi);
            }
        }
    }

    /**
     * Signed central angles of a polygon with these edge lengths inscribed in a circle, summing
     * to 2π. When the longest edge is longer than a half circle allows (the centre falls outside
     * the polygon), that edge's angle is negative and the others sum to its size.
     */
    static double[] centralAngles(double[] len) {
        int m = len.length, longest = 0;
        double perimeter = 0;
        for (int e = 0; e < m; e++) {
            perimeter += len[e];
            if (len[e] > len[longest]) longest = e;
        }
        double rMin = len[longest] / 2;
        boolean inside = sumOthers(len, longest, rMin) + Math.PI >= 2 * Math.PI;
        double lo = rMin, hi = Math.max(perimeter, rMin * 2);
        // bisection in a fixed number of steps: the same radius on every machine
        for (int it = 0; it < 100; it++) {
            double r = (lo + hi) / 2;
            double others = sumOthers(len, longest, r), own = 2 * Math.asin(Math.min(1, len[longest] / (2 * r)));
            boolean tooSmall = inside ? others + own > 2 * Math.PI : others < own;
            if (tooSmall) lo = r;
            else hi = r;
        }
        double r = (lo + hi) / 2;
        double[] a = new double[m];
        double others = 0;
        for (int e = 0; e < m; e++) {
            if (e == longest) continue;
            a[e] = 2 * Math.asin(Math.min(1, len[e] / (2 * r)));
            others += a[e];
        }
        a[longest] = inside ? 2 * Math.PI - others : -others;
        return a;
    }

    private static double sumOthers(double[] len, int skip, double r) {
        double s = 0;
        for (int e = 0; e < len.length; e++) if (e != skip) s += 2 * Math.asin(Math.min(1, len[e] / (2 * r)));
        return s;
    }

    /** Turns the drawing so its principal axis is horizontal and the ends lie on the left, and centres it at the origin. */
    private static void orient(double[] x, double[] y, double[] ox, double[] oy) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int k = 0; k < n; k++) {
            mx += x[k];
            my += y[k];
        }
        mx /= n;
        my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx, dy = y[k] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double cos = Math.cos(-theta), sin = Math.sin(-theta);
        double endsX = ((x[0] - mx) + (x[n - 1] - mx)) * cos - ((y[0] - my) + (y[n - 1] - my)) * sin;
        if (endsX > 1e-9) { // ends on the right: turn half a circle more
            cos = -cos;
            sin = -sin;
        }
        for (int k = 0; k < n; k++) {
            double dx = x[k] - mx, dy = y[k] - my;
            x[k] = dx * cos - dy * sin;
            y[k] = dx * sin + dy * cos;
            double ux = ox[k], uy = oy[k];
            ox[k] = ux * cos - uy * sin;
            oy[k] = ux * sin + uy * cos;
        }
    }
}
