package org.exotrace.nta.detectionlimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.distribution.DiameterGrid;
import org.exotrace.nta.distribution.WalkerDeconvolution;

/**
 * Estimates from a video's own tracks how the in-focus brightness of a particle grows with its size,
 * m(d) = m_ref · (d / d_ref)^p, and from it the smallest detectable diameter, where m(d) equals the
 * detector's mass threshold m_th ({@link DetectionLimit}). Nothing about the optics or the particles
 * is assumed beyond the two statements below; p and m_ref come from the data.
 *
 * <p><b>What a track's brightness says about its size.</b> Assume (1) a Gaussian focus profile: a
 * particle at height z from the focal plane gives a feature of mass m(d) · exp(−z² / (2 dof²)), and it
 * is detected while that is at least m_th; and (2) particles spread uniformly in z over the
 * detection layer |z| ≤ z_det(d) (steady state; the illuminated slab thicker than the layer). Then
 * u = ln(m(d) / mass) = z² / (2 dof²) of a detected position has density ∝ u^(−1/2) on [0, U],
 * U = ln(m(d) / m_th), whose mean is U / 3, so the expected log mass of a detected position is
 * <pre>
 *     μ(d) = ln m(d) − U / 3 = (2/3) · ln m(d) + (1/3) · ln m_th        (ln m(d) ≥ ln m_th)
 * </pre>
 * and μ = ln m_th below the limit, where only noise lifts a particle over the threshold. The
 * statistic per track is y = the mean of ln(mass) over its positions ({@link TrackBrightness}); it is
 * modelled as y ~ N(μ(d), σ²), σ fitted. This needs no depth of field and no focal position: the
 * edge of the brightness distribution, in focus, is what ties mass to size. On rendered Rayleigh
 * videos the mean of u over positions of known size is U / 3 to within 0.02 (seed 12, 80 to 110 nm).
 *
 * <p><b>Noisy sizes.</b> A track's size is known only through its mean squared step, to about ±20 %,
 * and brightness ∝ d^6 changes by a factor of 3 over that range: regressing brightness on each
 * track's own size estimate, or on the deconvolution's responsibility-weighted mean size of each
 * grid node, shrinks the slope towards zero (by Var(true ln d) / Var(estimated ln d)). Instead the
 * size is treated as a latent variable whose distribution is the deconvolution's fitted track
 * distribution v ({@link WalkerDeconvolution}): the likelihood of (m_ref, p, σ) is
 * <pre>
 *     ℓ = Σ_i ln Σ_j v_j · p(M_i | k_i, d_j) · f(y_i | μ(d_j), σ)
 * </pre>
 * with p(M | k, d) the deconvolution's own Gamma likelihood of the track's mean squared step, and
 * f the normal density, or, for a track with a saturated position (its clipped masses only bound
 * its brightness from below), the normal survival function (a censored observation, as in Tobit
 * regression: J. Tobin, Econometrica 26, 24 (1958)). This is the structural errors-in-variables model
 * with the latent distribution estimated first (W. A. Fuller, Measurement Error Models, Wiley 1987,
 * ch. 1; R. J. Carroll et al., Measurement Error in Nonlinear Models, 2nd ed., Chapman &amp; Hall
 * 2006, ch. 8). ℓ is maximised over (ln m_ref, p, ln σ) by Nelder-Mead from three starts, and the
 * standard errors come from the numerical Hessian of ℓ. They are conditional on v and treat tracks
 * as independent, though a particle that re-enters the field gives several tracks: they are lower
 * bounds.
 *
 * <p><b>When the data cannot pin p.</b> The slope is measured across the sizes present. A
 * monodisperse sample has no real spread of sizes: the apparent spread of its tracks' sizes is
 * noise, which does not go with brightness, so p comes out near 0 whatever the particles' physics;
 * equally bright particles of different sizes also give p ≈ 0. p counts as identified only when it is
 * positive and at least {@value #MIN_PRECISION} standard errors from zero (25 % precision); otherwise
 * the limit is reported as not identified. The value it would have under Rayleigh scattering (p = 6)
 * is kept apart ({@link DetectionLimit#assumedExponentNm()}), never in the note: for particles not
 * much smaller than the wavelength it means nothing.
 *
 * <p><b>Cost.</b> At most {@value #MAX_TRACKS} tracks (an even subsample of more) on the grid
 * coarsened fourfold (about 0.05 in ln d, far below one track's resolution), a few hundred
 * evaluations of ℓ: well under a second for a few thousand tracks.
 */
public final class DetectionLimitEstimator {

    /** p counts as identified when p ≥ this many standard errors. */
    public static final double MIN_PRECISION = 4;
    /** Fewer tracks with a brightness than this are not fitted. */
    public static final int MIN_TRACKS = 30;
    /** At most this many tracks enter the fit. */
    public static final int MAX_TRACKS = 4000;
    private static final int COARSEN = 4;
    private static final double ACTIVE_SHARE = 1e-6;

    private DetectionLimitEstimator() {
    }

    /**
     * @param walker        the deconvolution the analysis sizes with (grid, σ², R, liquid): it gives the
     *                      fitted track distribution and each track's size likelihood
     * @param tracks        the sized tracks
     * @param brightness    each track's brightness, by track id ({@link TrackDiffusion#particle()})
     * @param massThreshold m_th, the detector's mass threshold (camera units, as the masses)
     */
    public static DetectionLimit estimate(WalkerDeconvolution walker, List<TrackDiffusion> tracks, Map<Long, TrackBrightness> brightness,
                                          double massThreshold) {
        if (!(massThreshold > 0)) throw new IllegalArgumentException("the mass threshold must be positive, got " + massThreshold);
        List<TrackDiffusion> usable = new ArrayList<>();
        for (TrackDiffusion t : tracks) {
            TrackBrightness b = brightness.get(t.particle());
            if (t.meanSquaredStepUm2() > 0 && b != null && b.positions() > 0 && Double.isFinite(b.meanLogMass())) usable.add(t);
        }
        if (usable.size() < MIN_TRACKS) {
            return notFitted(massThreshold, usable.size(), String.format(Locale.ROOT,
                    "only %d tracks have both a size and a brightness; at least %d are needed", usable.size(), MIN_TRACKS));
        }
        double[] v = walker.fit(usable).tracks().fractions();
        Model model = Model.of(walker, v, usable, brightness, Math.log(massThreshold));
        double[] best = model.maximise();
        double[] se = model.standardErrors(best);
        double lnRef = best[0];
        double p = best[1];
        double lnT = model.lnThreshold;
        double refNm = Math.exp(model.xRef);
        double assumed = refNm * Math.exp((lnT - lnRef) / DetectionLimit.RAYLEIGH_EXPONENT);
        boolean identified = p > 0 && Double.isFinite(se[1]) && p >= MIN_PRECISION * se[1];
        double dMin = Double.NaN;
        double dMinLogSe = Double.NaN;
        String note;
        if (identified) {
            dMin = refNm * Math.exp((lnT - lnRef) / p);
            double gb = -1 / p;
            double gp = -(lnT - lnRef) / (p * p);
            double[][] c = model.covariance;
            dMinLogSe = Math.sqrt(Math.max(0, gb * gb * c[0][0] + 2 * gb * gp * c[0][1] + gp * gp * c[1][1]));
            note = String.format(Locale.ROOT, "in-focus brightness ∝ d^%.2f ± %.2f and %.4g camera units at %.0f nm, from %d tracks "
                    + "(%d with saturated positions, treated as lower bounds); assumed: a Gaussian focus profile and particles spread "
                    + "evenly in depth", p, se[1], Math.exp(lnRef), refNm, model.n, model.censored);
        } else {
            note = String.format(Locale.ROOT, "the brightness of the tracks does not rise measurably with their size (exponent %.2f ± %.2f "
                    + "over the sizes found, %d tracks): the sample's spread of sizes is too narrow to measure it (a monodisperse sample) "
                    + "or its particles scatter alike, so no detection limit is estimated", p, se[1], model.n);
        }
        return new DetectionLimit(identified, p, se[1], refNm, Math.exp(lnRef), se[0], massThreshold, dMin, dMinLogSe, assumed,
                Math.exp(best[2]), model.n, model.censored, note);
    }

    private static DetectionLimit notFitted(double massThreshold, int n, String why) {
        return new DetectionLimit(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, massThreshold, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, n, 0, why);
    }

    /** The latent-size likelihood of the class comment, on the coarsened active nodes. */
    private static final class Model {
        final int n;
        final int m;
        final double[] a;
        final double[] x;
        final double[] y;
        final boolean[] cens;
        final int censored;
        final double lnThreshold;
        final double xRef;
        double[][] covariance = new double[3][3];

        private Model(int n, int m, double[] a, double[] x, double[] y, boolean[] cens, double lnThreshold, double xRef) {
            this.n = n;
            this.m = m;
            this.a = a;
            this.x = x;
            this.y = y;
            this.cens = cens;
            this.lnThreshold = lnThreshold;
            this.xRef = xRef;
            int c = 0;
            for (boolean b : cens) if (b) c++;
            this.censored = c;
        }

        static Model of(WalkerDeconvolution walker, double[] v, List<TrackDiffusion> tracks, Map<Long, TrackBrightness> brightness,
                        double lnThreshold) {
            DiameterGrid grid = walker.grid();
            double vMax = 0;
            for (double f : v) vMax = Math.max(vMax, f);
            int first = -1;
            int last = -1;
            for (int j = 0; j < v.length; j++) {
                if (v[j] > ACTIVE_SHARE * vMax) {
                    if (first < 0) first = j;
                    last = j;
                }
            }
            int m = (last - first) / COARSEN + 1;
            double[] x = new double[m];
            double[] weight = new double[m];
            double xSum = 0;
            double vSum = 0;
            for (int j = first; j <= last; j++) {
                int b = (j - first) / COARSEN;
                double lx = Math.log(grid.nanometres(j));
                x[b] += v[j] * lx;
                weight[b] += v[j];
                xSum += v[j] * lx;
                vSum += v[j];
            }
            for (int b = 0; b < m; b++) {
                int mid = Math.min(last, first + b * COARSEN + COARSEN / 2);
                x[b] = weight[b] > 0 ? x[b] / weight[b] : Math.log(grid.nanometres(mid));
            }
            int stride = (tracks.size() + MAX_TRACKS - 1) / MAX_TRACKS;
            int n = (tracks.size() + stride - 1) / stride;
            double[] a = new double[n * m];
            double[] y = new double[n];
            boolean[] cens = new boolean[n];
            int kept = 0;
            for (int t = 0; t < tracks.size(); t += stride) {
                TrackDiffusion track = tracks.get(t);
                double[] row = walker.logLikelihoods(track);
                double max = Double.NEGATIVE_INFINITY;
                for (int j = first; j <= last; j++) max = Math.max(max, row[j]);
                double sum = 0;
                for (int j = first; j <= last; j++) {
                    double w = v[j] * Math.exp(row[j] - max);
                    a[kept * m + (j - first) / COARSEN] += w;
                    sum += w;
                }
                if (!(sum > 0)) {
                    java.util.Arrays.fill(a, kept * m, kept * m + m, 0);
                    continue;
                }
                for (int b = 0; b < m; b++) a[kept * m + b] /= sum;
                TrackBrightness br = brightness.get(track.particle());
                y[kept] = br.meanLogMass();
                cens[kept] = br.censored();
                kept++;
            }
            return new Model(kept, m, a, x, java.util.Arrays.copyOf(y, kept), java.util.Arrays.copyOf(cens, kept), lnThreshold, xSum / vSum);
        }

        /** −ℓ at (ln m_ref, p, ln σ), up to a constant. */
        double negativeLogLikelihood(double[] q) {
            double lnRef = q[0];
            double p = q[1];
            double sigma = Math.exp(q[2]);
            double[] mu = new double[m];
            for (int b = 0; b < m; b++) mu[b] = lnThreshold / 3 + 2.0 / 3 * Math.max(lnRef + p * (x[b] - xRef), lnThreshold);
            double total = 0;
            double inv = 1 / sigma;
            for (int i = 0; i < n; i++) {
                double s = 0;
                int base = i * m;
                if (cens[i]) {
                    for (int b = 0; b < m; b++) {
                        double w = a[base + b];
                        if (w > 0) s += w * 0.5 * Numerics.erfc((y[i] - mu[b]) * inv / Math.sqrt(2));
                    }
                } else {
                    for (int b = 0; b < m; b++) {
                        double w = a[base + b];
                        if (w > 0) {
                            double z = (y[i] - mu[b]) * inv;
                            s += w * Math.exp(-0.5 * z * z);
                        }
                    }
                    s *= inv;
                }
                total += Math.log(Math.max(s, 1e-300));
            }
            return -total;
        }

        /** Nelder-Mead from three starting exponents (0, 3 and 6); the best end point. */
        double[] maximise() {
            double sum = 0;
            double sum2 = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (cens[i]) continue;
                sum += y[i];
                sum2 += y[i] * y[i];
                k++;
            }
            double meanY = k > 0 ? sum / k : lnThreshold + 1;
            double sdY = k > 1 ? Math.sqrt(Math.max(1e-4, sum2 / k - meanY * meanY)) : 1;
            double lnRef0 = Math.max(lnThreshold, (3 * meanY - lnThreshold) / 2);
            double[] best = null;
            double bestValue = Double.POSITIVE_INFINITY;
            for (double p0 : new double[] {0, 3, 6}) {
                double[] q = Numerics.nelderMead(this::negativeLogLikelihood, new double[] {lnRef0, p0, Math.log(sdY)},
                        new double[] {0.5, 1.5, 0.3}, 1e-7, 3000);
                double f = negativeLogLikelihood(q);
                if (f < bestValue) {
                    bestValue = f;
                    best = q;
                }
            }
            return best;
        }

        /** Standard errors from the inverse of the numerical Hessian of −ℓ (central differences); sets {@link #covariance}. */
        double[] standardErrors(double[] q) {
            double[] h = {1e-3, 1e-3, 1e-3};
            double[][] hess = new double[3][3];
            double f0 = negativeLogLikelihood(q);
            for (int r = 0; r < 3; r++) {
                for (int c = r; c < 3; c++) {
                    double value;
                    if (r == c) {
                        value = (shifted(q, r, h[r], c, 0) - 2 * f0 + shifted(q, r, -h[r], c, 0)) / (h[r] * h[r]);
                    } else {
                        value = (shifted(q, r, h[r], c, h[c]) - shifted(q, r, h[r], c, -h[c]) - shifted(q, r, -h[r], c, h[c])
                                + shifted(q, r, -h[r], c, -h[c])) / (4 * h[r] * h[c]);
                    }
                    hess[r][c] = value;
                    hess[c][r] = value;
                }
            }
            covariance = Numerics.inverse3(hess);
            double[] se = new double[3];
            for (int r = 0; r < 3; r++) {
                double var = covariance == null ? Double.NaN : covariance[r][r];
                se[r] = var > 0 ? Math.sqrt(var) : Double.POSITIVE_INFINITY;
            }
            if (covariance == null) covariance = new double[3][3];
            return se;
        }

        private double shifted(double[] q, int r, double dr, int c, double dc) {
            double[] s = q.clone();
            s[r] += dr;
            s[c] += dc;
            return negativeLogLikelihood(s);
        }
    }
}
