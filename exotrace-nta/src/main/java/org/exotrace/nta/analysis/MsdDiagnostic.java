package org.exotrace.nta.analysis;

import java.util.Locale;
import org.exotrace.nta.tracks.Tracks;

/**
 * Checks the free-diffusion model against the tracks before their sizes are trusted.
 *
 * <p>For free diffusion seen with localization variance σ² and motion blur R, the mean squared
 * displacement per axis grows exactly linearly with the lag n, MSD(n) = 2DΔt·n + 2σ² − 4RDΔt, and
 * steps more than one frame apart are uncorrelated whatever σ² and R are (Berglund 2010;
 * Vestergaard, Blainey and Flyvbjerg 2014): only neighbouring steps share a localization error and
 * an exposure. Flow, convection, vibration, a drift that varies across the field, or linking errors
 * all break this: they correlate steps at lags of two frames and more, and the per-track model then
 * misreads the motion. This diagnostic measures, pooled over all tracks (after drift subtraction):
 * the ensemble MSD at lags 1 to {@link #MAX_LAG}, its straight-line slope and intercept, and the
 * correlation of steps k frames apart for k = 1 to {@link #MAX_CORRELATION_LAG}, with standard errors
 * that respect the tracks' different speeds (a ratio estimator's error over tracks).
 *
 * <p>The model is refused when the mean correlation over lags 2 to {@link #MAX_CORRELATION_LAG}
 * differs from zero by more than {@link #Z_LIMIT} standard errors and by more than
 * {@link #CORRELATION_LIMIT} (so a very long video does not fail on a negligible effect).
 *
 * @param msdUm2           ensemble MSD per axis at lags 1..{@link #MAX_LAG}, µm² (index 0 is lag 1)
 * @param slopeDiffusion   D from the MSD's slope over lags 2..{@link #MAX_LAG}, µm²/s: free of σ², R and of
 *                         the lag-one correlation; the ensemble (step-weighted) cross-check
 * @param interceptUm2     the fitted line's value at lag 0, µm² (2σ² − 4RDΔt under the model)
 * @param stepCorrelation  correlation of steps k frames apart, k = 1..{@link #MAX_CORRELATION_LAG} (index 0 is k = 1)
 * @param correlationSe    their standard errors
 * @param freeDiffusion    whether the model holds by the test above
 * @param tracksUsed       tracks that contributed
 */
public record MsdDiagnostic(double[] msdUm2, double slopeDiffusion, double interceptUm2, double[] stepCorrelation, double[] correlationSe,
                            boolean freeDiffusion, int tracksUsed) {

    public static final int MAX_LAG = 8;
    public static final int MAX_CORRELATION_LAG = 5;
    public static final double Z_LIMIT = 4;
    public static final double CORRELATION_LIMIT = 0.01;

    public MsdDiagnostic {
        msdUm2 = msdUm2.clone();
        stepCorrelation = stepCorrelation.clone();
        correlationSe = correlationSe.clone();
    }

    @Override
    public double[] msdUm2() {
        return msdUm2.clone();
    }

    @Override
    public double[] stepCorrelation() {
        return stepCorrelation.clone();
    }

    @Override
    public double[] correlationSe() {
        return correlationSe.clone();
    }

    /**
     * Measures the tracks with at least {@code minSteps} consecutive steps.
     *
     * @param drift the drift to subtract (as the analysis does)
     */
    public static MsdDiagnostic of(Tracks tracks, Tracks.Drift drift, double frameSeconds, int minSteps) {
        double[] dx = new double[Math.max(1, tracks.maxLength())];
        double[] dy = new double[dx.length];
        double[] sumSquares = new double[MAX_LAG];
        long[] windows = new long[MAX_LAG];
        int k = MAX_CORRELATION_LAG;
        double[] products = new double[k + 1];
        // Per-track sums for the ratio estimator's standard error: r_k = Σ_t A_tk / Σ_t B_t.
        int n = tracks.count();
        double[][] trackProducts = new double[k + 1][n];
        int used = 0;
        for (int t = 0; t < n; t++) {
            int steps = tracks.steps(t, drift, dx, dy);
            if (steps < Math.max(minSteps, 1)) continue;
            for (int lag = 1; lag <= MAX_LAG && lag <= steps; lag++) {
                int count = steps - lag + 1;
                sumSquares[lag - 1] += msd(dx, dy, steps, lag) * count;
                windows[lag - 1] += 2L * count;
            }
            for (int lag = 0; lag <= k; lag++) {
                double s = 0;
                for (int i = 0; i + lag < steps; i++) s += dx[i] * dx[i + lag] + dy[i] * dy[i + lag];
                products[lag] += s;
                trackProducts[lag][used] = s;
            }
            used++;
        }
        if (used == 0) throw new IllegalArgumentException("no track has " + minSteps + " consecutive steps for the MSD diagnostic");
        double[] msd = new double[MAX_LAG];
        for (int lag = 0; lag < MAX_LAG; lag++) msd[lag] = windows[lag] == 0 ? Double.NaN : sumSquares[lag] / windows[lag];
        double[] corr = new double[k];
        double[] se = new double[k];
        double b = products[0];
        for (int lag = 1; lag <= k; lag++) {
            double r = products[lag] / b;
            double v = 0;
            for (int t = 0; t < used; t++) {
                double e = trackProducts[lag][t] - r * trackProducts[0][t];
                v += e * e;
            }
            corr[lag - 1] = r;
            se[lag - 1] = Math.sqrt(v) / b;
        }
        // Least squares of MSD(n) on n over lags 2..MAX_LAG (lag 1 carries the blur and the lag-one correlation).
        double sn = 0;
        double sm = 0;
        double snn = 0;
        double snm = 0;
        int points = 0;
        for (int lag = 2; lag <= MAX_LAG; lag++) {
            if (Double.isNaN(msd[lag - 1])) continue;
            sn += lag;
            sm += msd[lag - 1];
            snn += (double) lag * lag;
            snm += lag * msd[lag - 1];
            points++;
        }
        double slope = points >= 2 ? (points * snm - sn * sm) / (points * snn - sn * sn) : Double.NaN;
        double intercept = points >= 2 ? (sm - slope * sn) / points : Double.NaN;
        // The mean correlation over lags 2..k; its SE from the per-track sums of all those lags together.
        double meanCorr = 0;
        for (int lag = 2; lag <= k; lag++) meanCorr += corr[lag - 1];
        meanCorr /= k - 1;
        double v = 0;
        for (int t = 0; t < used; t++) {
            double a = 0;
            for (int lag = 2; lag <= k; lag++) a += trackProducts[lag][t];
            double e = a / (k - 1) - meanCorr * trackProducts[0][t];
            v += e * e;
        }
        double meanSe = Math.sqrt(v) / b;
        boolean free = !(Math.abs(meanCorr) > Z_LIMIT * meanSe && Math.abs(meanCorr) > CORRELATION_LIMIT);
        return new MsdDiagnostic(msd, slope / (2 * frameSeconds), intercept, corr, se, free, used);
    }

    /** The 2-D MSD at {@code lag} over all n − lag + 1 overlapping windows of the first {@code n} steps. */
    static double msd(double[] dx, double[] dy, int n, int lag) {
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < lag; i++) {
            sx += dx[i];
            sy += dy[i];
        }
        double sum = 0;
        int windows = 0;
        for (int start = 0; ; start++) {
            sum += sx * sx + sy * sy;
            windows++;
            if (start + lag >= n) break;
            sx += dx[start + lag] - dx[start];
            sy += dy[start + lag] - dy[start];
        }
        return sum / windows;
    }

    /** The mean correlation of steps two to {@link #MAX_CORRELATION_LAG} frames apart. */
    public double longRangeCorrelation() {
        double s = 0;
        for (int lag = 2; lag <= MAX_CORRELATION_LAG; lag++) s += stepCorrelation[lag - 1];
        return s / (MAX_CORRELATION_LAG - 1);
    }

    /** The warning a person reads when the model fails; null when it holds. */
    public String warning(double slopeDiameterNm) {
        if (freeDiffusion) return null;
        StringBuilder lags = new StringBuilder();
        for (int lag = 2; lag <= MAX_CORRELATION_LAG; lag++) {
            if (lag > 2) lags.append(", ");
            lags.append(String.format(Locale.ROOT, "%+.3f", stepCorrelation[lag - 1]));
        }
        return String.format(Locale.ROOT, "the steps are not those of free diffusion: steps 2 to %d frames apart are correlated (%s, each ± %.3f), "
                        + "as flow, convection, vibration or linking errors make them; per-track sizes may be biased. The ensemble MSD slope "
                        + "gives D = %.3g µm²/s (%.0f nm); check the sample for flow and the linking",
                MAX_CORRELATION_LAG, lags, correlationSe[1], slopeDiffusion, slopeDiameterNm);
    }
}
