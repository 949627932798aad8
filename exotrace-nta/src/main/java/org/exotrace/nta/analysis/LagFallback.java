package org.exotrace.nta.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.tracks.Tracks;

/**
 * The per-track statistic used for sizing when the free-diffusion check fails
 * ({@link MsdDiagnostic#freeDiffusion()} false): each track's mean squared displacement at a lag of
 * L frames instead of its mean squared step.
 *
 * <p><b>Why.</b> The default statistic, the mean squared step, is read through a model of what
 * else moves a position from one frame to the next: a white localization error σ² and a motion
 * blur R, estimated from the lag-one covariance. When steps two or more frames apart correlate,
 * that model is wrong (a real video of 1 µm beads, bulk_water, gives a lag-one step that is 25 %
 * shorter than the long-lag diffusion implies and σ², R that pile the sizes onto the top of the
 * grid). At lag L the same disturbances add a constant to the MSD that no longer grows with L:
 * MSD(L) = 4DΔt·L + c. So each track's lag-L MSD, with c measured from the tracks themselves, is
 * read with nothing assumed about σ², R or the short-range correlations, at the price of a wider
 * per-track uncertainty.
 *
 * <p><b>The lag.</b> L is one more than the largest lag (2 to
 * {@link MsdDiagnostic#MAX_CORRELATION_LAG}) at which the steps correlate by the diagnostic's own
 * test (more than {@link MsdDiagnostic#Z_LIMIT} standard errors and more than
 * {@link MsdDiagnostic#CORRELATION_LIMIT}), and at least 2.
 *
 * <p><b>The offset c</b> (2-D, µm²) is −(MSD(2L) − 2·MSD(L)), which is c whatever D is, averaged over
 * the tracks of at least 4L steps whose lag-L MSD lies between the 5th and 95th percentiles of those
 * tracks, so that a few tracks with linking errors or stuck particles do not set it (a narrower
 * selection biases it: on simulated tracks the interquartile range gave +7 %), with its standard
 * error over those tracks. With fewer than {@link #MIN_OFFSET_TRACKS} such tracks, c is twice the
 * diagnostic's pooled intercept.
 *
 * <p><b>The likelihood.</b> The lag-L MSD of a track of N steps averages N − L + 1 overlapping
 * windows. For free diffusion its relative variance is (2L² + 1) / (3L(N − L + 1)) in 2-D for
 * L ≤ N/2 (H. Qian, M. P. Sheetz and E. L. Elson, Biophys. J. 60, 910 (1991)), and it is treated
 * as Gamma distributed with the matching shape k = 3L(N − L + 1) / (2L² + 1), which is N at L = 1
 * (a moment-matched Gamma, as F. E. Satterthwaite, Biometrics Bull. 2, 110 (1946), did for sums of
 * squares). Tracks of fewer than 2L steps are left out. Each track is handed to the deconvolution as
 * statistic MSD(L)/L with expected value 4D(d)Δt + c/L.
 */
public final class LagFallback {

    /** Tracks needed to measure the offset from the data rather than from the pooled intercept. */
    public static final int MIN_OFFSET_TRACKS = 20;

    /**
     * @param lag              L, frames
     * @param offsetUm2        c, the 2-D MSD offset, µm²
     * @param offsetSeUm2      its standard error (NaN when it is the pooled intercept)
     * @param offsetFromTracks whether c came from the tracks' own lag-L and lag-2L MSDs (else the pooled intercept)
     * @param tracks           one per track used, statistic MSD(L)/L, shape k, D = (MSD(L) − c)/(4LΔt)
     * @param tooShort         tracks left out for having fewer than 2L steps
     */
    public record Result(int lag, double offsetUm2, double offsetSeUm2, boolean offsetFromTracks, List<TrackDiffusion> tracks, int tooShort) {

        public Result {
            tracks = List.copyOf(tracks);
        }

        /** What a person reads about the fallback. */
        public String note() {
            return String.format(Locale.ROOT, "sized from each track's MSD at a lag of %d frames with an offset of %.4f µm² measured %s, "
                    + "which uses neither the localization error nor the motion blur reported above and assumes nothing about them or about "
                    + "disturbances that stop growing within %d frames "
                    + "(a flow that keeps going is not removed); %,d tracks of fewer than %d steps were left out", lag, offsetUm2,
                    offsetFromTracks ? String.format(Locale.ROOT, "(± %.4f) from the tracks", offsetSeUm2) : "from the pooled MSD intercept",
                    lag, tooShort, 2 * lag);
        }
    }

    private LagFallback() {
    }

    /** L for the diagnostic's correlations (see the class comment). */
    public static int lagFor(MsdDiagnostic check) {
        double[] r = check.stepCorrelation();
        double[] se = check.correlationSe();
        int last = 1;
        for (int lag = 2; lag <= r.length; lag++) {
            double a = Math.abs(r[lag - 1]);
            if (a > MsdDiagnostic.Z_LIMIT * se[lag - 1] && a > MsdDiagnostic.CORRELATION_LIMIT) last = lag;
        }
        return Math.max(2, last + 1);
    }

    /**
     * The fallback statistic of the given tracks.
     *
     * @param minSteps the analysis's minimum steps per track: shorter tracks are not counted at all
     * @param check    the failed diagnostic: its correlations choose L, its intercept is the offset of last resort
     */
    public static Result of(Tracks tracks, Tracks.Drift drift, int minSteps, double frameSeconds, MsdDiagnostic check) {
        int lag = lagFor(check);
        double[] dx = new double[Math.max(1, tracks.maxLength())];
        double[] dy = new double[dx.length];
        int n = tracks.count();
        int[] index = new int[n];
        int[] steps = new int[n];
        double[] msd = new double[n];
        double[] msd2 = new double[n];
        int kept = 0;
        for (int t = 0; t < n; t++) {
            int k = tracks.steps(t, drift, dx, dy);
            if (k < Math.max(1, minSteps)) continue;
            index[kept] = t;
            steps[kept] = k;
            msd[kept] = k >= 2 * lag ? MsdDiagnostic.msd(dx, dy, k, lag) : Double.NaN;
            msd2[kept] = k >= 4 * lag ? MsdDiagnostic.msd(dx, dy, k, 2 * lag) : Double.NaN;
            kept++;
        }
        double[] measured = offset(Arrays.copyOf(msd, kept), Arrays.copyOf(msd2, kept));
        boolean fromTracks = measured != null;
        double offset = fromTracks ? measured[0] : 2 * check.interceptUm2();
        double offsetSe = fromTracks ? measured[1] : Double.NaN;
        List<TrackDiffusion> out = new ArrayList<>(kept);
        int tooShort = 0;
        for (int i = 0; i < kept; i++) {
            if (Double.isNaN(msd[i])) {
                tooShort++;
                continue;
            }
            double shape = 3.0 * lag * (steps[i] - lag + 1) / (2.0 * lag * lag + 1);
            double statistic = msd[i] / lag;
            double d = (msd[i] - offset) / (4 * lag * frameSeconds);
            double sd = statistic / Math.sqrt(shape) / (4 * frameSeconds);
            out.add(new TrackDiffusion(tracks.particle(index[i]), steps[i], frameSeconds, statistic, d, sd * sd, shape));
        }
        return new Result(lag, offset, offsetSe, fromTracks, out, tooShort);
    }

    /** {c, its SE}: −mean(MSD(2L) − 2 MSD(L)) over the tracks with both whose MSD(L) is within its 5th to 95th percentiles; null with too few. */
    private static double[] offset(double[] msd, double[] msd2) {
        int both = 0;
        for (int i = 0; i < msd.length; i++) if (!Double.isNaN(msd2[i])) both++;
        if (both < MIN_OFFSET_TRACKS) return null;
        double[] sorted = new double[both];
        int k = 0;
        for (int i = 0; i < msd.length; i++) if (!Double.isNaN(msd2[i])) sorted[k++] = msd[i];
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.05 * (both - 1))];
        double hi = sorted[(int) Math.ceil(0.95 * (both - 1))];
        double sum = 0;
        double squares = 0;
        int used = 0;
        for (int i = 0; i < msd.length; i++) {
            if (Double.isNaN(msd2[i]) || msd[i] < lo || msd[i] > hi) continue;
            double q = msd2[i] - 2 * msd[i];
            sum += q;
            squares += q * q;
            used++;
        }
        double mean = sum / used;
        double variance = used > 1 ? (squares - used * mean * mean) / (used - 1) : Double.NaN;
        return new double[] {-mean, Math.sqrt(Math.max(0, variance) / used)};
    }
}
