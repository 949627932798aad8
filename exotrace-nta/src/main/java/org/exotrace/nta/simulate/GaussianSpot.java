package org.exotrace.nta.simulate;

/**
 * Adds a symmetric 2-D Gaussian point-spread function, integrated over each pixel's area, to an
 * image: a point source of integrated intensity m at (x, y) gives pixel (i, j) the value
 * m · [Φ((i + ½ − x)/σ) − Φ((i − ½ − x)/σ)] · [Φ((j + ½ − y)/σ) − Φ((j − ½ − y)/σ)], Φ the standard
 * normal distribution function (pixel (i, j) covers [i − ½, i + ½] × [j − ½, j + ½], the centre of
 * the top-left pixel at (0, 0)). The product is separable, so only the 2r + 2 cell boundaries per
 * axis of a (2r + 1)² window, r = ⌈4σ⌉, are evaluated; the mass outside the window is below 1.3e-4.
 *
 * <p>Φ(z) = ½ (1 + erf(z / √2)), erf by Abramowitz and Stegun's formula 7.1.26 (Handbook of
 * Mathematical Functions, 1964), absolute error below 1.5e-7.
 *
 * <p>One instance per renderer: its boundary buffers are reused, so it is not thread-safe.
 */
final class GaussianSpot {

    private final double sigma;
    private final int radius;
    private final double[] gx;
    private final double[] gy;

    GaussianSpot(double sigmaPx) {
        this.sigma = sigmaPx;
        this.radius = (int) Math.ceil(4 * sigmaPx);
        this.gx = new double[2 * radius + 2];
        this.gy = new double[2 * radius + 2];
    }

    /** Half-width of the window a spot is drawn in, px. */
    int radius() {
        return radius;
    }

    /** Adds a spot of integrated intensity {@code mass} centred at (x, y) px to the row-major image. */
    void add(double[] image, int width, int height, double x, double y, double mass) {
        int cx = (int) Math.rint(x);
        int cy = (int) Math.rint(y);
        int x0 = Math.max(0, cx - radius);
        int x1 = Math.min(width - 1, cx + radius);
        int y0 = Math.max(0, cy - radius);
        int y1 = Math.min(height - 1, cy + radius);
        if (x0 > x1 || y0 > y1) return;
        cells(gx, x0, x1, x);
        cells(gy, y0, y1, y);
        for (int j = y0; j <= y1; j++) {
            double wy = mass * gy[j - y0];
            int row = j * width;
            for (int i = x0; i <= x1; i++) image[row + i] += wy * gx[i - x0];
        }
    }

    /** g[k] = the fraction of a 1-D Gaussian at {@code centre} that falls in cell first + k, k up to last − first. */
    private void cells(double[] g, int first, int last, double centre) {
        double scale = 1 / (sigma * Math.sqrt(2));
        double lower = erf((first - 0.5 - centre) * scale);
        for (int k = 0; k <= last - first; k++) {
            double upper = erf((first + k + 0.5 - centre) * scale);
            g[k] = 0.5 * (upper - lower);
            lower = upper;
        }
    }

    /** erf(z), Abramowitz and Stegun 7.1.26, |error| &lt; 1.5e-7. */
    static double erf(double z) {
        double a = Math.abs(z);
        double t = 1 / (1 + 0.3275911 * a);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double e = 1 - poly * Math.exp(-a * a);
        return z < 0 ? -e : e;
    }
}
