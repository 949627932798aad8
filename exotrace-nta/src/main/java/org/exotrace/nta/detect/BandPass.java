package org.exotrace.nta.detect;

/**
 * The band-pass of Crocker and Grier (1996, J. Colloid Interface Sci. 179:298, eq. 2-4): the frame
 * smoothed by a Gaussian of σ = 1 px (against pixel noise) minus its boxcar mean over a square of
 * the feature diameter (the slowly varying background), so a particle's spot stands on zero.
 *
 * <p>Both filters are separable and run in O(pixels): the Gaussian as two 7-tap passes (truncated at
 * 3σ and renormalised), the boxcar as two running sums. Pixels beyond the frame repeat the edge
 * pixel. The buffers belong to one frame size and are reused: nothing is allocated per frame.
 * Not thread-safe.
 */
final class BandPass {

    static final double SMOOTHING_SIGMA_PX = 1;
    private static final int G_RADIUS = 3;
    private static final float[] GAUSS = gaussian();

    private final int width;
    private final int height;
    private final int boxRadius;
    private final float[] tmp;
    private final float[] out;
    private final double[] column;

    /**
     * @param diameterPx the feature diameter, odd: the boxcar is diameterPx pixels wide
     */
    BandPass(int width, int height, int diameterPx) {
        this.width = width;
        this.height = height;
        this.boxRadius = diameterPx / 2;
        this.tmp = new float[width * height];
        this.out = new float[width * height];
        this.column = new double[width];
    }

    boolean fits(int w, int h) {
        return w == width && h == height;
    }

    /** Band-passes {@code raw} (row-major, this size) and returns the reused result buffer, camera units. */
    float[] apply(float[] raw) {
        smoothRows(raw, tmp);
        smoothColumns(tmp, out);
        boxRows(raw, tmp);
        subtractBoxColumns(tmp, out);
        return out;
    }

    private void smoothRows(float[] in, float[] dst) {
        int w = width;
        int interiorEnd = w - G_RADIUS;
        float g0 = GAUSS[0];
        float g1 = GAUSS[1];
        float g2 = GAUSS[2];
        float g3 = GAUSS[3];
        for (int y = 0; y < height; y++) {
            int row = y * w;
            for (int x = 0; x < Math.min(G_RADIUS, w); x++) dst[row + x] = clampedRow(in, row, x);
            for (int x = G_RADIUS; x < interiorEnd; x++) {
                int c = row + x;
                dst[c] = g0 * (in[c - 3] + in[c + 3]) + g1 * (in[c - 2] + in[c + 2]) + g2 * (in[c - 1] + in[c + 1]) + g3 * in[c];
            }
            for (int x = Math.max(G_RADIUS, interiorEnd); x < w; x++) dst[row + x] = clampedRow(in, row, x);
        }
    }

    private float clampedRow(float[] in, int row, int x) {
        float s = 0;
        for (int k = -G_RADIUS; k <= G_RADIUS; k++) s += GAUSS[k + G_RADIUS] * in[row + Math.min(width - 1, Math.max(0, x + k))];
        return s;
    }

    private void smoothColumns(float[] in, float[] dst) {
        int w = width;
        for (int y = 0; y < height; y++) {
            int row = y * w;
            int r0 = Math.max(0, y - 3) * w;
            int r1 = Math.max(0, y - 2) * w;
            int r2 = Math.max(0, y - 1) * w;
            int r4 = Math.min(height - 1, y + 1) * w;
            int r5 = Math.min(height - 1, y + 2) * w;
            int r6 = Math.min(height - 1, y + 3) * w;
            float g0 = GAUSS[0];
            float g1 = GAUSS[1];
            float g2 = GAUSS[2];
            float g3 = GAUSS[3];
            for (int x = 0; x < w; x++) {
                dst[row + x] = g0 * (in[r0 + x] + in[r6 + x]) + g1 * (in[r1 + x] + in[r5 + x])
                        + g2 * (in[r2 + x] + in[r4 + x]) + g3 * in[row + x];
            }
        }
    }

    /** Running sums along each row: dst holds the sum over 2·boxRadius + 1 pixels. */
    private void boxRows(float[] in, float[] dst) {
        int w = width;
        int r = boxRadius;
        for (int y = 0; y < height; y++) {
            int row = y * w;
            double s = 0;
            for (int k = -r; k <= r; k++) s += in[row + Math.min(w - 1, Math.max(0, k))];
            dst[row] = (float) s;
            int x = 1;
            for (; x <= Math.min(r, w - 1); x++) {
                s += in[row + Math.min(w - 1, x + r)] - in[row];
                dst[row + x] = (float) s;
            }
            for (; x < w - r; x++) {
                s += in[row + x + r] - in[row + x - r - 1];
                dst[row + x] = (float) s;
            }
            for (; x < w; x++) {
                s += in[row + w - 1] - in[row + Math.max(0, x - r - 1)];
                dst[row + x] = (float) s;
            }
        }
    }

    /** Running sums down the columns, a row at a time; subtracts the boxcar mean from dst. */
    private void subtractBoxColumns(float[] rowSums, float[] dst) {
        int w = width;
        int r = boxRadius;
        double[] acc = column;
        java.util.Arrays.fill(acc, 0);
        for (int k = -r; k <= r; k++) {
            int row = Math.min(height - 1, Math.max(0, k)) * w;
            for (int x = 0; x < w; x++) acc[x] += rowSums[row + x];
        }
        double norm = 1.0 / ((2.0 * r + 1) * (2.0 * r + 1));
        for (int y = 0; y < height; y++) {
            int row = y * w;
            if (y > 0) {
                int add = Math.min(height - 1, y + r) * w;
                int sub = Math.max(0, y - r - 1) * w;
                for (int x = 0; x < w; x++) acc[x] += rowSums[add + x] - rowSums[sub + x];
            }
            for (int x = 0; x < w; x++) dst[row + x] -= (float) (acc[x] * norm);
        }
    }

    /**
     * The standard deviation of the band-passed image per unit standard deviation of white pixel
     * noise, away from the edges: the root sum of squares of the 2-D kernel (Gaussian minus box).
     */
    static double whiteNoiseGain(int diameterPx) {
        int r = diameterPx / 2;
        int ext = Math.max(r, G_RADIUS);
        double box = 1.0 / ((2.0 * r + 1) * (2.0 * r + 1));
        double sum = 0;
        for (int dy = -ext; dy <= ext; dy++) {
            for (int dx = -ext; dx <= ext; dx++) {
                double g = Math.abs(dx) <= G_RADIUS && Math.abs(dy) <= G_RADIUS ? GAUSS[dx + G_RADIUS] * GAUSS[dy + G_RADIUS] : 0;
                double b = Math.abs(dx) <= r && Math.abs(dy) <= r ? box : 0;
                sum += (g - b) * (g - b);
            }
        }
        return Math.sqrt(sum);
    }

    private static float[] gaussian() {
        float[] k = new float[2 * G_RADIUS + 1];
        double norm = 0;
        for (int i = -G_RADIUS; i <= G_RADIUS; i++) norm += Math.exp(-i * i / (2 * SMOOTHING_SIGMA_PX * SMOOTHING_SIGMA_PX));
        for (int i = -G_RADIUS; i <= G_RADIUS; i++) k[i + G_RADIUS] = (float) (Math.exp(-i * i / (2 * SMOOTHING_SIGMA_PX * SMOOTHING_SIGMA_PX)) / norm);
        return k;
    }
}
