package org.exotrace.nta.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.sizing.StokesEinstein;

/**
 * Maximum-likelihood number distribution of diameters on a grid from per-track mean squared
 * steps, after J. G. Walker, "Improved nano-particle tracking analysis", Meas. Sci. Technol. 23,
 * 065605 (2012), as used in NanoTrackJ and compared with FTLA by Kim et al. (2019, PMC6389903).
 *
 * <p><b>Model.</b> Track i has k_i steps over frame interval dt_i and observed mean squared 2-D
 * step M_i (µm²). For a particle of diameter d, with D(d) from Stokes-Einstein (µm²/s), the
 * expected squared 2-D step is
 * <pre>
 *     θ(d) = 4·D(d)·dt + 4·σ² − 8·R·D(d)·dt           (µm²)
 * </pre>
 * (σ² the localisation variance per axis in µm², R the motion-blur coefficient, 1/6 for full-frame
 * exposure, 0 for instantaneous; both default 0), and, steps being independent and Gaussian,
 * M_i is Gamma distributed with shape k_i and scale θ/k_i:
 * <pre>
 *     p(M | k, d) = k^k · M^(k−1) · exp(−k·M/θ) / (θ^k · Γ(k))
 * </pre>
 * The track fractions v_j on the grid maximise Σ_i ln Σ_j v_j p(M_i | k_i, d_j), found by the EM
 * (multiplicative) update
 * <pre>
 *     v_j ← v_j · (1/n) Σ_i p_ij / Σ_l v_l p_il
 * </pre>
 * from a uniform start until the mean log-likelihood per track improves by less than the
 * tolerance, or the iteration limit is reached. p_ij is computed as a logarithm and rescaled per
 * track by its largest value before exponentiation, so no track underflows.
 *
 * <p><b>From tracks to particles.</b> The fit estimates how tracks are spread over sizes; small
 * particles give more, shorter tracks per particle present. The {@link SamplingModel} converts v to
 * the particle number distribution; the default, {@link SamplingModel#observedTrackDuration()},
 * weights each size by the mean frame count of its tracks (time-averaged particles present).
 *
 * <p><b>Assumptions.</b> Steps are independent (σ and blur only shift θ; their step correlation
 * is ignored in the likelihood), drift has been removed, the liquid and temperature are those of
 * the {@link StokesEinstein} given, all particles of the grid range are detected equally. Tracks
 * with M = 0 carry no size information under this model and are skipped. Stopping EM early acts
 * as the regulariser: on a fine grid the exact maximum is spiky.
 */
public final class WalkerDeconvolution {

    private final DiameterGrid grid;
    private final StokesEinstein stokesEinstein;
    private final double localizationVarianceUm2;
    private final double motionBlur;
    private final double tolerance;
    private final int maxIterations;
    private final SamplingModel samplingModel;

    private WalkerDeconvolution(DiameterGrid grid, StokesEinstein stokesEinstein, double localizationVarianceUm2,
                                double motionBlur, double tolerance, int maxIterations, SamplingModel samplingModel) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.stokesEinstein = Objects.requireNonNull(stokesEinstein, "stokesEinstein");
        this.samplingModel = Objects.requireNonNull(samplingModel, "samplingModel");
        if (!(localizationVarianceUm2 >= 0)) throw new IllegalArgumentException("localisation variance must be >= 0, got " + localizationVarianceUm2);
        if (!(motionBlur >= 0 && motionBlur < 0.5)) throw new IllegalArgumentException("motion blur R must be in [0, 0.5), got " + motionBlur);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("max iterations must be >= 1, got " + maxIterations);
        this.localizationVarianceUm2 = localizationVarianceUm2;
        this.motionBlur = motionBlur;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Defaults: σ² = 0, R = 0, tolerance 1e-7 (nats per track), at most 5000 iterations,
     * {@link SamplingModel#observedTrackDuration()}.
     */
    public static WalkerDeconvolution on(DiameterGrid grid, StokesEinstein stokesEinstein) {
        return new WalkerDeconvolution(grid, stokesEinstein, 0, 0, 1e-7, 5000, SamplingModel.observedTrackDuration());
    }

    /** σ², the localisation variance per axis, in µm². */
    public WalkerDeconvolution withLocalizationVariance(double um2) {
        return new WalkerDeconvolution(grid, stokesEinstein, um2, motionBlur, tolerance, maxIterations, samplingModel);
    }

    /** R, the motion-blur coefficient (0 instantaneous, 1/6 full-frame exposure). */
    public WalkerDeconvolution withMotionBlur(double r) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, r, tolerance, maxIterations, samplingModel);
    }

    /** Stop when the mean log-likelihood per track improves by less than this (nats). */
    public WalkerDeconvolution withTolerance(double natsPerTrack) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, motionBlur, natsPerTrack, maxIterations, samplingModel);
    }

    public WalkerDeconvolution withMaxIterations(int n) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, motionBlur, tolerance, n, samplingModel);
    }

    public WalkerDeconvolution withSamplingModel(SamplingModel model) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, motionBlur, tolerance, maxIterations, model);
    }

    public DiameterGrid grid() {
        return grid;
    }

    /**
     * Outcome of a fit.
     *
     * @param particles      the particle number distribution (after the sampling model)
     * @param tracks         the ML distribution of tracks over sizes
     * @param samplingModel  name of the sampling model applied
     * @param logLikelihood  total log-likelihood of the tracks at {@code tracks}, nats
     * @param iterations     EM iterations done
     * @param converged      whether the tolerance was met before the iteration limit
     * @param tracksUsed     tracks in the fit
     * @param tracksSkipped  tracks skipped (M = 0)
     */
    public record Result(NumberDistribution particles, NumberDistribution tracks, String samplingModel,
                         double logLikelihood, int iterations, boolean converged, int tracksUsed, int tracksSkipped) {
    }

    public Result fit(List<TrackDiffusion> tracks) {
        return fit(tracks, null);
    }

    /**
     * @param start track fractions to start EM from (e.g. a previous fit's {@link Result#tracks()},
     *              to speed up bootstrap replicates), or null for uniform
     */
    public Result fit(List<TrackDiffusion> tracks, NumberDistribution start) {
        List<TrackDiffusion> used = new ArrayList<>(tracks.size());
        for (TrackDiffusion t : tracks) if (t.meanSquaredStepUm2() > 0) used.add(t);
        if (used.isEmpty()) throw new IllegalArgumentException("no track with a positive mean squared step among " + tracks.size());
        if (start != null && start.grid() != grid) throw new IllegalArgumentException("start distribution is on another grid");
        Groups groups = Groups.of(used);
        int n = groups.size();
        int m = grid.size();
        double total = used.size();

        double[] diffusion = new double[m];
        for (int j = 0; j < m; j++) diffusion[j] = stokesEinstein.diffusionUm2PerS(grid.nanometres(j));

        // p[g*m + j] = p(M_g | k_g, d_j) / max_l p(M_g | k_g, d_l), in float to halve the memory;
        // logMax[g] = ln max_l p(M_g | k_g, d_l)
        float[] p = new float[n * m];
        double[] logMax = new double[n];
        double[] row = new double[m];
        for (int g = 0; g < n; g++) {
            TrackDiffusion t = groups.representative(g);
            double k = t.steps();
            double mss = groups.meanSquaredStep(g);
            double constant = k * Math.log(k) + (k - 1) * Math.log(mss) - LogGamma.of(k);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double theta = 4 * diffusion[j] * t.dtSeconds() * (1 - 2 * motionBlur) + 4 * localizationVarianceUm2;
                row[j] = constant - k * mss / theta - k * Math.log(theta);
                if (row[j] > max) max = row[j];
            }
            logMax[g] = max;
            for (int j = 0; j < m; j++) p[g * m + j] = (float) Math.exp(row[j] - max);
        }

        double[] v = new double[m];
        if (start == null) java.util.Arrays.fill(v, 1.0 / m);
        else for (int j = 0; j < m; j++) v[j] = start.fraction(j);

        // EM accelerated by SQUAREM (Varadhan & Roland 2008, Scand. J. Stat. 35, 335): two EM steps
        // give the direction and the step length of an extrapolation, which is kept only when it
        // does not lower the likelihood (else the plain second EM step is kept), so the likelihood
        // never decreases. Typically it needs several times fewer passes over the tracks than EM.
        Em em = new Em(p, logMax, groups, n, m, total);
        double[] v1 = new double[m];
        double[] v2 = new double[m];
        double[] v3 = new double[m];
        double[] extrapolated = new double[m];
        double previous = Double.NEGATIVE_INFINITY;
        double logLikelihood = Double.NEGATIVE_INFINITY;
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations) {
            double ll = em.step(v, v1);
            iterations++;
            logLikelihood = ll;
            if ((ll - previous) / total < tolerance) {
                converged = true;
                break;
            }
            previous = ll;
            double ll1 = em.step(v1, v2);
            iterations++;
            double rr = 0;
            double ss = 0;
            for (int j = 0; j < m; j++) {
                double r = v1[j] - v[j];
                double sj = v2[j] - 2 * v1[j] + v[j];
                rr += r * r;
                ss += sj * sj;
            }
            double alpha = ss > 0 ? Math.min(-1, -Math.sqrt(rr / ss)) : -1;
            double sum = 0;
            for (int j = 0; j < m; j++) {
                double r = v1[j] - v[j];
                double sj = v2[j] - 2 * v1[j] + v[j];
                extrapolated[j] = Math.max(0, v[j] - 2 * alpha * r + alpha * alpha * sj);
                sum += extrapolated[j];
            }
            double llExtrapolated = Double.NEGATIVE_INFINITY;
            if (sum > 0) {
                for (int j = 0; j < m; j++) extrapolated[j] /= sum;
                llExtrapolated = em.step(extrapolated, v3);
                iterations++;
            }
            double[] next = llExtrapolated >= ll1 ? v3 : v2;
            System.arraycopy(next, 0, v, 0, m);
        }

        NumberDistribution trackDistribution = NumberDistribution.of(grid, v);
        double[] fractions = trackDistribution.fractions();
        Fit fit = new Fit(grid, diffusion, groups.representatives(), groups.counts(), fractions, p, m);
        double[] perTrack = samplingModel.particlesPerTrack(fit);
        double[] particles = new double[m];
        for (int j = 0; j < m; j++) particles[j] = fractions[j] * perTrack[j];
        return new Result(NumberDistribution.of(grid, particles), trackDistribution, samplingModel.name(),
                logLikelihood, iterations, converged, used.size(), tracks.size() - used.size());
    }

    /** One EM pass: writes the updated fractions to {@code out} and answers the log-likelihood at {@code v}. */
    private record Em(float[] p, double[] logMax, Groups groups, int n, int m, double total) {

        double step(double[] v, double[] out) {
            java.util.Arrays.fill(out, 0);
            double ll = 0;
            for (int g = 0; g < n; g++) {
                int base = g * m;
                double s = 0;
                for (int j = 0; j < m; j++) s += v[j] * p[base + j];
                if (!(s > 0)) s = Double.MIN_NORMAL;
                double w = groups.count(g);
                ll += w * (logMax[g] + Math.log(s));
                double inv = w / s;
                for (int j = 0; j < m; j++) out[j] += p[base + j] * inv;
            }
            for (int j = 0; j < m; j++) out[j] = v[j] * out[j] / total;
            return ll;
        }
    }

    /**
     * Tracks that share their step count and frame interval and whose mean squared steps agree to
     * 0.25 % are fitted as one group with a count: the likelihood of a track depends on nothing
     * else, and 0.25 % in M is 0.25 % in diameter, far below the estimator's resolution. This keeps
     * the likelihood table at (groups × grid) instead of (tracks × grid), which matters for the
     * hundreds of thousands of tracks of a long video.
     */
    private static final class Groups {
        private final List<TrackDiffusion> representatives = new ArrayList<>();
        private final List<double[]> sums = new ArrayList<>();

        static Groups of(List<TrackDiffusion> tracks) {
            Groups groups = new Groups();
            java.util.Map<GroupKey, Integer> index = new java.util.HashMap<>();
            for (TrackDiffusion t : tracks) {
                GroupKey key = new GroupKey(t.steps(), Double.doubleToLongBits(t.dtSeconds()),
                        Math.round(Math.log(t.meanSquaredStepUm2()) * 400));
                Integer g = index.get(key);
                if (g == null) {
                    index.put(key, groups.representatives.size());
                    groups.representatives.add(t);
                    groups.sums.add(new double[] {1, t.meanSquaredStepUm2()});
                } else {
                    double[] sum = groups.sums.get(g);
                    sum[0] += 1;
                    sum[1] += t.meanSquaredStepUm2();
                }
            }
            return groups;
        }

        int size() { return representatives.size(); }

        TrackDiffusion representative(int g) { return representatives.get(g); }

        double count(int g) { return sums.get(g)[0]; }

        double meanSquaredStep(int g) { return sums.get(g)[1] / sums.get(g)[0]; }

        List<TrackDiffusion> representatives() { return List.copyOf(representatives); }

        double[] counts() {
            double[] c = new double[size()];
            for (int g = 0; g < c.length; g++) c[g] = count(g);
            return c;
        }

        private record GroupKey(int steps, long dtBits, long logMBin) {}
    }

    private record Fit(DiameterGrid grid, double[] diffusion, List<TrackDiffusion> tracks, double[] counts, double[] fractions,
                       float[] p, int m) implements SamplingModel.Fit {

        @Override
        public double[] diffusionUm2PerS() {
            return diffusion.clone();
        }

        @Override
        public double[] trackFractions() {
            return fractions.clone();
        }

        @Override
        public double[] meanPerNode(ToDoubleFunction<TrackDiffusion> f) {
            double[] num = new double[m];
            double[] den = new double[m];
            for (int i = 0; i < tracks.size(); i++) {
                int base = i * m;
                double s = 0;
                for (int j = 0; j < m; j++) s += fractions[j] * p[base + j];
                if (!(s > 0)) continue;
                double value = f.applyAsDouble(tracks.get(i));
                for (int j = 0; j < m; j++) {
                    double r = counts[i] * fractions[j] * p[base + j] / s;
                    num[j] += r * value;
                    den[j] += r;
                }
            }
            double[] mean = new double[m];
            for (int j = 0; j < m; j++) mean[j] = den[j] > 0 ? num[j] / den[j] : Double.NaN;
            return mean;
        }
    }
}
