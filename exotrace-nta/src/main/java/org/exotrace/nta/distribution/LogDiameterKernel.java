package org.exotrace.nta.distribution;

/**
 * The smoothing step of {@link WalkerDeconvolution}'s EMS iteration: each grid node's fraction is
 * spread over its neighbours by a Gaussian of SD h in u = ln d, in proportion to
 * exp(−(u_j − u_l)² / 2h²) · Δu_j (Δu_j the width of bin j in ln d, so that on a grid not evenly
 * spaced in ln d the spread is still a Gaussian density in ln d), cut at 5h and renormalised over
 * the nodes that exist, so that the mass near the grid's ends stays on the grid. The total is
 * kept exactly (each node's weights sum to 1), values stay non-negative, and the operator is
 * linear and the same on every call: the result is deterministic.
 */
final class LogDiameterKernel {

    private static final double CUT = 5;

    private final int[] from;
    private final int[] offset;
    private final double[] weights;
    private final int m;

    private LogDiameterKernel(int[] from, int[] offset, double[] weights, int m) {
        this.from = from;
        this.offset = offset;
        this.weights = weights;
        this.m = m;
    }

    /** The kernel of SD {@code bandwidth} (> 0) in ln d on {@code grid}. */
    static LogDiameterKernel of(DiameterGrid grid, double bandwidth) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) throw new IllegalArgumentException("bandwidth must be positive, got " + bandwidth);
        int m = grid.size();
        double[] u = new double[m];
        double[] du = new double[m];
        for (int j = 0; j < m; j++) {
            u[j] = Math.log(grid.nanometres(j));
            du[j] = Math.log(grid.edge(j + 1) / grid.edge(j));
        }
        int[] from = new int[m];
        int[] offset = new int[m + 1];
        double[][] rows = new double[m][];
        int total = 0;
        for (int l = 0; l < m; l++) {
            int lo = l;
            while (lo > 0 && u[l] - u[lo - 1] <= CUT * bandwidth) lo--;
            int hi = l;
            while (hi < m - 1 && u[hi + 1] - u[l] <= CUT * bandwidth) hi++;
            double[] w = new double[hi - lo + 1];
            double sum = 0;
            for (int j = lo; j <= hi; j++) {
                double z = (u[j] - u[l]) / bandwidth;
                w[j - lo] = Math.exp(-0.5 * z * z) * du[j];
                sum += w[j - lo];
            }
            for (int k = 0; k < w.length; k++) w[k] /= sum;
            from[l] = lo;
            rows[l] = w;
            offset[l] = total;
            total += w.length;
        }
        offset[m] = total;
        double[] weights = new double[total];
        for (int l = 0; l < m; l++) System.arraycopy(rows[l], 0, weights, offset[l], rows[l].length);
        return new LogDiameterKernel(from, offset, weights, m);
    }

    /** out = S · in (out and in distinct arrays of the grid's size). */
    void apply(double[] in, double[] out) {
        java.util.Arrays.fill(out, 0, m, 0);
        for (int l = 0; l < m; l++) {
            double x = in[l];
            if (x == 0) continue;
            int lo = from[l];
            for (int k = offset[l], j = lo; k < offset[l + 1]; k++, j++) out[j] += weights[k] * x;
        }
    }
}
