package org.exotrace.nta.diffusion;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.exotrace.nta.tracks.Tracks;

/**
 * Estimates the motion-blur coefficient R jointly with the localization variance σ² from many
 * tracks of different diffusion coefficients.
 *
 * <p><b>Model</b> (Berglund, Phys. Rev. E 82, 011917, 2010; Vestergaard, Blainey and Flyvbjerg,
 * Phys. Rev. E 89, 022726, 2014): for free diffusion observed with static localization variance σ²
 * (per axis) and blur R, the steps Δ<sub>n</sub> of a track with coefficient D satisfy, per axis,
 * <pre>
 *   ⟨Δ_n²⟩ = 2 D dt + 2 (σ² - 2 R D dt)        ⟨Δ_n Δ_{n+1}⟩ = -(σ² - 2 R D dt)
 * </pre>
 * so the covariance estimator (CVE) of each track i, D̂_i = ⟨Δ²⟩/(2 dt) + ⟨Δ_n Δ_{n+1}⟩/dt, is
 * unbiased for D_i whatever R and σ², and its lag-one covariance c_i = ⟨Δ_n Δ_{n+1}⟩ satisfies
 * <pre>
 *   E[c_i | D_i] = 2 R dt · D_i - σ²
 * </pre>
 * Across tracks c is linear in D with slope 2 R dt and intercept -σ². Within one track only the
 * combination ε = σ² - 2 R D dt is identified; the line across tracks separates R from σ², which
 * needs D to differ between tracks.
 *
 * <p><b>Errors in variables.</b> D̂_i contains c_i itself, so regressing c_i on D̂_i by least squares
 * is biased (attenuation plus a direct correlation of the errors). Instead each track's steps are
 * split into two halves A and B with one step dropped between them, which makes the halves'
 * noises independent (the dropped step is the only one sharing a position, and a blurred exposure,
 * with both). The slope is the instrumental-variable estimate with the other half's D̂ as the
 * instrument, symmetrised, and weighted by w = m / ⟨Δ²⟩² with m the products per half and ⟨Δ²⟩ the
 * whole track's mean squared step: a mean of m lag-one products has variance about ⟨Δ²⟩²/m, so this
 * is close to inverse-variance weighting, which lets the many slow, precise tracks count against the
 * few fast, noisy ones (on the test simulations it halves the error of R against weighting by steps
 * alone). A weight from one half only would be independent of the other half's noise but is far too
 * noisy on short tracks (it made R worse in every case tried).
 * <pre>
 *   slope = [Cov_w(D̂_A, c_B) + Cov_w(D̂_B, c_A)] / [Cov_w(D̂_A, D̂_B) + Cov_w(D̂_B, D̂_A)]
 *   R̂ = slope / (2 dt), clamped to [0, 1/4]
 * </pre>
 * and σ² at that R is the ensemble covariance-estimator mean over whole tracks (as in
 * {@link LocalizationEnsemble}): σ̂² = Σ w_i [R ⟨Δ²⟩_i + (2R - 1) c_i] / Σ w_i, w_i = k_i - 1.
 * Standard errors come from a bootstrap over tracks (fixed seed: the same tracks give the same
 * numbers); the error of R is taken before clamping, so that a clamp does not make R look precise.
 *
 * <p><b>Identifiability.</b> R is reported as identifiable when its error is at most
 * {@link #MAX_IDENTIFIABLE_SE} and the true D varies across tracks by a relative SD of at least
 * {@link #MIN_RELATIVE_SPREAD}, measured without noise bias as √Cov(D̂_A, D̂_B) / mean D (weighted by
 * products): when D hardly varies (a monodisperse sample) the line has no lever arm, and the
 * bootstrap error alone can look small because the weights, taken from the whole track, correlate
 * with both halves' noise. Sizing then
 * does not need R: with one D, each track's increments depend on R and σ² only through
 * ε = σ² - 2 R D dt, and the ensemble σ̂² computed with any assumed R' equals ε + 2 R' D dt, so the
 * per-track likelihood sees the right ε and D is estimated without bias. R matters for a
 * polydisperse sample, where a wrong R gives each D a wrong ε and widens the distribution.
 *
 * <p>Units: steps µm, dt s, σ² µm² per axis. Assumptions: free diffusion, one σ² and one R for all
 * tracks, drift removed, consecutive steps (tracks with gaps should be split first).
 */
public final class MotionBlurEstimator {

    /** R is called identifiable when its bootstrap standard error is at most this. */
    public static final double MAX_IDENTIFIABLE_SE = 0.03;
    /** R is called identifiable only when the relative SD of D across tracks is at least this. */
    public static final double MIN_RELATIVE_SPREAD = 0.2;
    /** Bootstrap replicates for the standard errors. */
    public static final int REPLICATES = 200;
    /** Fewest steps for a track to enter the slope: two halves of at least two steps plus the dropped one. */
    public static final int MIN_STEPS_FOR_SLOPE = 5;

    private static final long SEED = 0x6D6F74696F6EL;

    private final double dt;
    private double[] w = new double[64];
    private double[] ms = new double[64];
    private double[] c = new double[64];
    private double[] wA = new double[64];
    private double[] wB = new double[64];
    private double[] spreadW = new double[64];
    private double[] dA = new double[64];
    private double[] cA = new double[64];
    private double[] dB = new double[64];
    private double[] cB = new double[64];
    private int n;

    /** An empty accumulator for tracks filmed at this frame interval (s). */
    public MotionBlurEstimator(double frameSeconds) {
        if (!(frameSeconds > 0) || Double.isInfinite(frameSeconds)) throw new IllegalArgumentException("frame interval must be positive: " + frameSeconds);
        this.dt = frameSeconds;
    }

    /**
     * Estimates R and σ² from every track of at least two steps, with the tracks' own drift removed.
     *
     * @return the estimate, with {@link MotionBlurEstimate.Source#ESTIMATED}; check {@code identifiable}
     */
    public static MotionBlurEstimate estimate(Tracks tracks, double frameSeconds) {
        return estimate(tracks, tracks.drift(), 2, frameSeconds);
    }

    /** As {@link #estimate(Tracks, double)} with a given drift and the fewest steps a track needs to be used. */
    public static MotionBlurEstimate estimate(Tracks tracks, Tracks.Drift drift, int minSteps, double frameSeconds) {
        MotionBlurEstimator estimator = new MotionBlurEstimator(frameSeconds);
        double[] dx = new double[Math.max(1, tracks.maxLength())];
        double[] dy = new double[dx.length];
        for (int t = 0; t < tracks.count(); t++) {
            int steps = tracks.steps(t, drift, dx, dy);
            if (steps >= minSteps) estimator.add(dx, dy, steps);
        }
        return estimator.estimate();
    }

    /** Adds one track: the first {@code steps} entries of dx and dy (µm); fewer than two steps are skipped. */
    public MotionBlurEstimator add(double[] dx, double[] dy, int steps) {
        if (steps < 0 || steps > dx.length || steps > dy.length) {
            throw new IllegalArgumentException(steps + " steps do not fit buffers of " + dx.length + " and " + dy.length);
        }
        if (steps < 2) return this;
        grow();
        w[n] = steps - 1;
        ms[n] = Steps.meanSquare(dx, dy, steps);
        c[n] = Steps.meanLagOneProduct(dx, dy, steps);
        wA[n] = 0;
        wB[n] = 0;
        spreadW[n] = 0;
        if (steps >= MIN_STEPS_FOR_SLOPE) {
            int h = (steps - 1) / 2;
            int rest = steps - 1 - h;
            double msA = meanSquare(dx, dy, 0, h);
            double msB = meanSquare(dx, dy, h + 1, rest);
            cA[n] = lagOne(dx, dy, 0, h);
            dA[n] = msA / (2 * dt) + cA[n] / dt;
            cB[n] = lagOne(dx, dy, h + 1, rest);
            dB[n] = msB / (2 * dt) + cB[n] / dt;
            double products = Math.min(h, rest) - 1;
            spreadW[n] = products;
            if (ms[n] > 0) {
                wA[n] = products / (ms[n] * ms[n]);
                wB[n] = wA[n];
            }
        }
        n++;
        return this;
    }

    /** Tracks added (those of two steps or more). */
    public int tracks() {
        return n;
    }

    /** σ² per axis (µm²) at a given R: the ensemble covariance-estimator mean, as {@link LocalizationEnsemble}. */
    public double sigma2At(double r) {
        Steps.checkBlur(r);
        if (n == 0) throw new IllegalStateException("no track of two or more steps was added");
        return sigma2(r, null);
    }

    /** R and σ² with bootstrap standard errors; R not identifiable when its error exceeds {@link #MAX_IDENTIFIABLE_SE}. */
    public MotionBlurEstimate estimate() {
        if (n == 0) throw new IllegalStateException("no track of two or more steps was added");
        double slope = slope(null);
        double r = clamp(slope / (2 * dt));
        double sigma2 = sigma2(r, null);
        SplittableRandom random = new SplittableRandom(SEED);
        int[] pick = new int[n];
        double[] rs = new double[REPLICATES];
        double[] s2 = new double[REPLICATES];
        int valid = 0;
        for (int b = 0; b < REPLICATES; b++) {
            for (int i = 0; i < n; i++) pick[i] = random.nextInt(n);
            double sb = slope(pick);
            if (Double.isNaN(sb)) continue;
            rs[valid] = sb / (2 * dt);
            s2[valid] = sigma2(clamp(rs[valid]), pick);
            valid++;
        }
        double seR = valid >= 2 ? sd(rs, valid) : Double.NaN;
        double seS = valid >= 2 ? sd(s2, valid) : Double.NaN;
        double spread = relativeSpread();
        boolean identifiable = !Double.isNaN(slope) && seR <= MAX_IDENTIFIABLE_SE && spread >= MIN_RELATIVE_SPREAD;
        if (Double.isNaN(slope)) {
            r = 1.0 / 6;
            sigma2 = sigma2(r, null);
        }
        String note = identifiable
                ? String.format(java.util.Locale.ROOT, "R = %.3f ± %.3f estimated from the lag-one covariance of %,d tracks against their D "
                        + "(Vestergaard et al. 2014)", r, seR, n)
                : String.format(java.util.Locale.ROOT, "the tracks do not pin R down (R = %.3f ± %.3f from %,d tracks; D varies across "
                        + "them by %.0f %%): their diffusion coefficients vary too little, as in a monodisperse sample", r, seR, n, 100 * spread);
        return new MotionBlurEstimate(r, seR, sigma2, seS, identifiable, MotionBlurEstimate.Source.ESTIMATED, note);
    }

    /**
     * The relative SD of the true D across tracks, √Cov(D̂_A, D̂_B) / mean D̂ weighted by products per
     * half (the halves' noises are independent, so their covariance is the variance of D alone); 0
     * when that covariance is not positive.
     */
    public double relativeSpread() {
        double[] ab = new double[2];
        covariances(null, spreadW, dA, cB, dB, ab);
        double sw = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            sw += spreadW[i];
            mean += spreadW[i] * (dA[i] + dB[i]) / 2;
        }
        if (sw == 0 || !(mean > 0) || !(ab[1] > 0)) return 0;
        return Math.sqrt(ab[1] / sw) / (mean / sw);
    }

    private double slope(int[] pick) {
        double[] ab = new double[2];
        double[] ba = new double[2];
        covariances(pick, wA, dA, cB, dB, ab);
        covariances(pick, wB, dB, cA, dA, ba);
        double den = ab[1] + ba[1];
        return den > 0 ? (ab[0] + ba[0]) / den : Double.NaN;
    }

    /**
     * Σ w (z - z̄)(c - c̄) and Σ w (z - z̄)(d - d̄) with weighted means, the weights and the instrument z
     * from the same half, c and d from the other.
     */
    private void covariances(int[] pick, double[] weight, double[] z, double[] cOther, double[] dOther, double[] out) {
        double sw = 0;
        double mz = 0;
        double mc = 0;
        double md = 0;
        int count = pick == null ? n : pick.length;
        for (int j = 0; j < count; j++) {
            int i = pick == null ? j : pick[j];
            double wi = weight[i];
            sw += wi;
            mz += wi * z[i];
            mc += wi * cOther[i];
            md += wi * dOther[i];
        }
        out[0] = 0;
        out[1] = 0;
        if (sw == 0) return;
        mz /= sw;
        mc /= sw;
        md /= sw;
        for (int j = 0; j < count; j++) {
            int i = pick == null ? j : pick[j];
            double wi = weight[i];
            if (wi == 0) continue;
            out[0] += wi * (z[i] - mz) * (cOther[i] - mc);
            out[1] += wi * (z[i] - mz) * (dOther[i] - md);
        }
    }

    private double sigma2(double r, int[] pick) {
        double sum = 0;
        double sw = 0;
        int count = pick == null ? n : pick.length;
        for (int j = 0; j < count; j++) {
            int i = pick == null ? j : pick[j];
            sum += w[i] * (r * ms[i] + (2 * r - 1) * c[i]);
            sw += w[i];
        }
        return sum / sw;
    }

    private static double clamp(double r) {
        return Math.max(0, Math.min(0.25, r));
    }

    private static double sd(double[] v, int count) {
        double mean = 0;
        for (int i = 0; i < count; i++) mean += v[i];
        mean /= count;
        double ss = 0;
        for (int i = 0; i < count; i++) ss += (v[i] - mean) * (v[i] - mean);
        return Math.sqrt(ss / (count - 1));
    }

    /** Mean over both axes of Δ_n Δ_{n+1} for the k steps from {@code from}. */
    private static double lagOne(double[] dx, double[] dy, int from, int k) {
        double s = 0;
        for (int i = from; i + 1 < from + k; i++) s += dx[i] * dx[i + 1] + dy[i] * dy[i + 1];
        return s / (2.0 * (k - 1));
    }

    /** Mean over both axes of Δ² for the k steps from {@code from}. */
    private static double meanSquare(double[] dx, double[] dy, int from, int k) {
        double s = 0;
        for (int i = from; i < from + k; i++) s += dx[i] * dx[i] + dy[i] * dy[i];
        return s / (2.0 * k);
    }

    private void grow() {
        if (n < w.length) return;
        int size = w.length * 2;
        w = Arrays.copyOf(w, size);
        ms = Arrays.copyOf(ms, size);
        c = Arrays.copyOf(c, size);
        wA = Arrays.copyOf(wA, size);
        wB = Arrays.copyOf(wB, size);
        spreadW = Arrays.copyOf(spreadW, size);
        dA = Arrays.copyOf(dA, size);
        cA = Arrays.copyOf(cA, size);
        dB = Arrays.copyOf(dB, size);
        cB = Arrays.copyOf(cB, size);
    }
}
