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
 * 065605 (2012), as used in NanoTrackJ and compared with FTLA by Kim et al. (2019, PMC6389903),
 * made smooth by the EMS algorithm with a data-driven amount of smoothing.
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
 * The log-likelihood of track fractions v_j on the grid is ℓ(v) = Σ_i ln Σ_j v_j p(M_i | k_i, d_j).
 * p_ij is computed as a logarithm and rescaled per track by its largest value before
 * exponentiation, so no track underflows.
 *
 * <p><b>Why plain maximum likelihood is not reported.</b> ℓ is maximised by the EM (multiplicative)
 * update
 * <pre>
 *     EM(v)_j = v_j · D_j(v),    D_j(v) = (1/n) Σ_i p_ij / Σ_l v_l p_il
 * </pre>
 * (accelerated by SQUAREM, below), but its maximiser over all distributions, the nonparametric
 * MLE, is discrete with few support points (N. Laird, J. Am. Stat. Assoc. 73, 805 (1978);
 * B. G. Lindsay, Ann. Stat. 11, 86 (1983)). On a fine grid it is a set of spikes even with
 * hundreds of thousands of tracks: a simulated lognormal sample (median 110 nm, geometric SD 1.35)
 * gives 6 to 9 peaks with 700 to 20,000 tracks and still 3 with 232,000. Quantiles are fine, but
 * the mode and the shape of the curve are artefacts.
 *
 * <p><b>EMS.</b> The reported fit is the fixed point of the EMS iteration of B. W. Silverman,
 * M. C. Jones, J. D. Wilson and D. W. Nychka, "A smoothed EM approach to indirect estimation
 * problems, with particular reference to stereology and emission tomography", J. R. Stat. Soc. B
 * 52, 271 (1990): an EM step followed by a smoothing step,
 * <pre>
 *     v ← S · EM(v),
 * </pre>
 * S spreading each node's fraction by a Gaussian of SD h in ln d ({@code LogDiameterKernel}: the
 * total is kept, values stay non-negative). EMS is not an ascent of ℓ or of any stated objective,
 * so it is iterated to its fixed point, until one step changes the fractions by less than the
 * tolerance in total (L1), from a uniform start (or the caller's). The SQUAREM extrapolation (R.
 * Varadhan and C. Roland, Scand. J. Stat. 35, 335 (2008)) is applied to the EMS map; as there is
 * no likelihood to safeguard it with, an extrapolated point is kept when the EMS step from it
 * moves the fractions less than the plain second step did (a smaller fixed-point residual), else
 * the plain step is kept. EMS needs far fewer passes than EM: smoothing damps the poorly
 * determined fine-scale directions in which EM crawls (tens of passes instead of hundreds to
 * thousands). The fit is deterministic: no randomness, the same arithmetic in the same order.
 *
 * <p><b>How much smoothing ({@link Smoothing#automatic()}, the default).</b> Smoothing trades
 * spikes for bias: a narrow population is widened, to about (h·s²)^(1/3) in ln d by a Gaussian
 * calculation (s the per-track resolution, {@link Smoothing}), while a broad one barely moves. So
 * h is chosen from the data, as the largest value the likelihood does not object to:
 * <ol>
 * <li>h starts at h_max = 1.5 · s · n^(−1/5) (n tracks; {@link Smoothing}), about 0.07 in ln d
 *     for 700 tracks and 0.02 for 230,000;</li>
 * <li>a reference maximum ℓ̂ is found by SQUAREM-accelerated EM from the EMS fit, stopped once the
 *     gap bound ℓ(v̂) − ℓ(v) ≤ n · ln max_j D_j(v) (Jensen's inequality; D_j − 1 is Lindsay's
 *     gradient function) is below a tenth of the allowance, or a SQUAREM cycle gains less than a
 *     thousandth of it (ℓ̂ then lies a few per cent of the allowance below the fully converged
 *     fit's);</li>
 * <li>the EMS fit at h is accepted if ℓ̂ − ℓ(v_h) ≤ allowance = ½ · SD_i(ℓ_i) · √n, that is, if
 *     its mean log-likelihood per track is within half a standard error of the maximum's
 *     (ℓ_i the tracks' own log-likelihoods at the first EMS fit). This is a stricter form of the
 *     "one-standard-error rule" (L. Breiman, J. Friedman, R. Olshen and C. Stone, Classification
 *     and Regression Trees, 1984; T. Hastie, R. Tibshirani and J. Friedman, The Elements of
 *     Statistical Learning, 2nd ed., 2009, §7.10): the smoothest fit statistically as good as the
 *     best. The factor ½ was chosen on seeded simulations;</li>
 * <li>otherwise h is divided by √2 and the EMS fit redone from the previous one, down to half the
 *     grid's step in ln d; if no h is accepted, the maximum-likelihood fit (EM to the tolerance)
 *     is reported, as the data then resolve structure narrower than any smoothing keeps.</li>
 * </ol>
 * On the simulations of the tests: a lognormal sample (110 nm, geometric SD 1.35) is smoothed at
 * h_max at every size tried (700 to 232,000 tracks; h = 0.020 with 59 passes at 232,000) and comes
 * out with one peak near the true mode, with D10/D50/D90 within 1 % of the unsmoothed fit's at
 * 232,000 tracks; 100 nm beads get h ≈ 0.02 with 700 tracks (D10 and D90 3–6 % further out than
 * the plain fit's), h ≈ 0.01 with 6,000, and the plain maximum-likelihood fit with 40,000 tracks or
 * more; 80 + 180 nm stay two separate peaks. {@link Smoothing#none()} gives the plain
 * maximum-likelihood fit, {@link Smoothing#fixed(double)} EMS at a given h.
 *
 * <p><b>From tracks to particles.</b> The fit estimates how tracks are spread over sizes; small
 * particles give more, shorter tracks per particle present. The {@link SamplingModel} converts v to
 * the particle number distribution; the default, {@link SamplingModel#observedTrackDuration()},
 * weights each size by the mean frame count of its tracks (time-averaged particles present). The
 * mode reported by {@link DistributionStats} comes from this smooth particle distribution.
 *
 * <p><b>Cost.</b> The table p_ij is built once; every EM or EMS step is one pass over it
 * (groups × grid nodes), the smoothing step a few thousand operations more. Measured against the
 * plain SQUAREM EM (docs/benchmarks.md): a simulated 10-million-position file (232,259 tracks
 * used) is read and analysed in a 512 MB heap in 11.6–11.9 s instead of 13.2–13.7 s, and the JMH
 * {@code fullAnalysis} benchmark went from 0.23 to 1.05 analyses per second. When every h is
 * rejected (80 + 180 nm, 220,000 tracks) the bandwidth ladder comes on top of the
 * maximum-likelihood fit: about 10 % more (18–20 s instead of 16–17 s for the analysis).
 *
 * <p><b>Assumptions.</b> Steps are independent (σ and blur only shift θ; their step correlation
 * is ignored in the likelihood), drift has been removed, the liquid and temperature are those of
 * the {@link StokesEinstein} given, all particles of the grid range are detected equally. Tracks
 * with M = 0 carry no size information under this model and are skipped.
 */
public final class WalkerDeconvolution {

    private final DiameterGrid grid;
    private final StokesEinstein stokesEinstein;
    private final double localizationVarianceUm2;
    private final double offsetUm2;
    private final double motionBlur;
    private final double tolerance;
    private final int maxIterations;
    private final SamplingModel samplingModel;
    private final Smoothing smoothing;

    private WalkerDeconvolution(DiameterGrid grid, StokesEinstein stokesEinstein, double localizationVarianceUm2, double offsetUm2,
                                double motionBlur, double tolerance, int maxIterations, SamplingModel samplingModel,
                                Smoothing smoothing) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.stokesEinstein = Objects.requireNonNull(stokesEinstein, "stokesEinstein");
        this.samplingModel = Objects.requireNonNull(samplingModel, "samplingModel");
        this.smoothing = Objects.requireNonNull(smoothing, "smoothing");
        if (!(localizationVarianceUm2 >= 0)) throw new IllegalArgumentException("localisation variance must be >= 0, got " + localizationVarianceUm2);
        if (!(motionBlur >= 0 && motionBlur < 0.5)) throw new IllegalArgumentException("motion blur R must be in [0, 0.5), got " + motionBlur);
        if (!Double.isFinite(offsetUm2)) throw new IllegalArgumentException("offset must be finite, got " + offsetUm2);
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("max iterations must be >= 1, got " + maxIterations);
        this.localizationVarianceUm2 = localizationVarianceUm2;
        this.offsetUm2 = offsetUm2;
        this.motionBlur = motionBlur;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * Defaults: σ² = 0, R = 0, tolerance 1e-7, at most 5000 passes over the tracks,
     * {@link SamplingModel#observedTrackDuration()}, {@link Smoothing#automatic()}.
     */
    public static WalkerDeconvolution on(DiameterGrid grid, StokesEinstein stokesEinstein) {
        return new WalkerDeconvolution(grid, stokesEinstein, 0, 0, 0, 1e-7, 5000, SamplingModel.observedTrackDuration(),
                Smoothing.automatic());
    }

    /** σ², the localisation variance per axis, in µm². */
    public WalkerDeconvolution withLocalizationVariance(double um2) {
        return new WalkerDeconvolution(grid, stokesEinstein, um2, offsetUm2, motionBlur, tolerance, maxIterations, samplingModel, smoothing);
    }

    /**
     * A constant added to every track's expected statistic θ(d), µm² (default 0; may be negative). Used
     * with a statistic that is not the plain mean squared step, e.g. a lag-L MSD per lag, whose
     * offset (localization, blur and short-range correlations together) is measured from the data
     * rather than modelled; nodes where θ would not be positive are impossible for every track.
     */
    public WalkerDeconvolution withOffset(double um2) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, um2, motionBlur, tolerance, maxIterations, samplingModel, smoothing);
    }

    /** R, the motion-blur coefficient (0 instantaneous, 1/6 full-frame exposure). */
    public WalkerDeconvolution withMotionBlur(double r) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, offsetUm2, r, tolerance, maxIterations, samplingModel, smoothing);
    }

    /**
     * Convergence: an EM pass stops the maximum-likelihood fit when it improves the mean
     * log-likelihood per track by less than this (nats); an EMS step stops the smoothed fit when it
     * changes the fractions by less than this in total (L1).
     */
    public WalkerDeconvolution withTolerance(double natsPerTrack) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, offsetUm2, motionBlur, natsPerTrack, maxIterations, samplingModel, smoothing);
    }

    /** The most passes over the tracks (EM and EMS steps, all bandwidths tried) one fit may take. */
    public WalkerDeconvolution withMaxIterations(int n) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, offsetUm2, motionBlur, tolerance, n, samplingModel, smoothing);
    }

    public WalkerDeconvolution withSamplingModel(SamplingModel model) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, offsetUm2, motionBlur, tolerance, maxIterations, model, smoothing);
    }

    /** How much to smooth (see the class comment). */
    public WalkerDeconvolution withSmoothing(Smoothing s) {
        return new WalkerDeconvolution(grid, stokesEinstein, localizationVarianceUm2, offsetUm2, motionBlur, tolerance, maxIterations, samplingModel, s);
    }

    public DiameterGrid grid() {
        return grid;
    }

    /**
     * Outcome of a fit.
     *
     * @param particles           the particle number distribution (after the sampling model)
     * @param tracks              the fitted distribution of tracks over sizes
     * @param samplingModel       name of the sampling model applied
     * @param logLikelihood       total log-likelihood of the tracks at {@code tracks}, nats
     * @param iterations          passes over the tracks done (EM and EMS steps, all bandwidths tried)
     * @param converged           whether the tolerance was met within the pass limit
     * @param tracksUsed          tracks in the fit
     * @param tracksSkipped       tracks skipped (M = 0)
     * @param smoothingBandwidth  h, the SD in ln d of the EMS smoothing kernel; 0 for the plain
     *                            maximum-likelihood fit
     * @param likelihoodLoss      under automatic smoothing, how far {@code logLikelihood} is below the
     *                            reference maximum (nats; 0 when the maximum-likelihood fit is
     *                            reported); NaN otherwise
     * @param likelihoodAllowance under automatic smoothing, the most loss accepted (nats); NaN otherwise
     * @param trackResolution     s, the combined per-track resolution in ln d ({@link Smoothing})
     */
    public record Result(NumberDistribution particles, NumberDistribution tracks, String samplingModel,
                         double logLikelihood, int iterations, boolean converged, int tracksUsed, int tracksSkipped,
                         double smoothingBandwidth, double likelihoodLoss, double likelihoodAllowance, double trackResolution) {
    }

    public Result fit(List<TrackDiffusion> tracks) {
        return fit(tracks, null);
    }

    /**
     * @param start track fractions to start from (e.g. a previous fit's {@link Result#tracks()}):
     *              the first EMS fit and, under automatic smoothing, the maximum-likelihood
     *              reference start there; null for uniform
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
            double max = logLikelihoods(t.shape(), t.dtSeconds(), groups.meanSquaredStep(g), diffusion, row);
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("the offset " + offsetUm2 + " µm² leaves no size on the grid possible");
            }
            logMax[g] = max;
            for (int j = 0; j < m; j++) p[g * m + j] = (float) Math.exp(row[j] - max);
        }

        double[] v = new double[m];
        if (start == null) java.util.Arrays.fill(v, 1.0 / m);
        else for (int j = 0; j < m; j++) v[j] = start.fraction(j);

        Em em = new Em(p, logMax, groups, n, m, total);
        double resolution = groups.resolution(4 * localizationVarianceUm2 + offsetUm2);
        double bandwidth = smoothing.bandwidth(resolution, total);
        Iteration it;
        if (bandwidth == 0) {
            it = maximumLikelihood(em, v, maxIterations, 0, 0);
        } else if (!smoothing.isAutomatic()) {
            it = ems(em, v, LogDiameterKernel.of(grid, bandwidth), maxIterations);
        } else {
            Automatic chosen = automatic(em, v, start == null ? null : v.clone(), bandwidth);
            it = chosen.iteration;
            bandwidth = chosen.bandwidth;
        }

        NumberDistribution trackDistribution = NumberDistribution.of(grid, v);
        double[] fractions = trackDistribution.fractions();
        Fit fit = new Fit(grid, diffusion, groups.representatives(), groups.counts(), fractions, p, m);
        double[] perTrack = samplingModel.particlesPerTrack(fit);
        double[] particles = new double[m];
        for (int j = 0; j < m; j++) particles[j] = fractions[j] * perTrack[j];
        return new Result(NumberDistribution.of(grid, particles), trackDistribution, samplingModel.name(),
                it.logLikelihood, it.passes, it.converged, used.size(), tracks.size() - used.size(), bandwidth, it.loss, it.allowance,
                resolution);
    }

    /**
     * ln p(M | k, d_j) of one track at every grid node, under this deconvolution's model (the Gamma
     * density of the class comment with its σ², R and liquid), nats: what the fit weighs the track
     * by. For a caller that models another per-track quantity jointly with the size.
     */
    public double[] logLikelihoods(TrackDiffusion track) {
        if (!(track.meanSquaredStepUm2() > 0)) throw new IllegalArgumentException("a track with M = 0 carries no size information");
        double[] diffusion = new double[grid.size()];
        for (int j = 0; j < diffusion.length; j++) diffusion[j] = stokesEinstein.diffusionUm2PerS(grid.nanometres(j));
        double[] row = new double[diffusion.length];
        logLikelihoods(track.shape(), track.dtSeconds(), track.meanSquaredStepUm2(), diffusion, row);
        return row;
    }

    /** Fills {@code row} with ln p(M | k, d_j) for each node's D (−∞ where θ is not positive); answers the largest. */
    private double logLikelihoods(double k, double dt, double mss, double[] diffusion, double[] row) {
        double constant = k * Math.log(k) + (k - 1) * Math.log(mss) - LogGamma.of(k);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < diffusion.length; j++) {
            double theta = 4 * diffusion[j] * dt * (1 - 2 * motionBlur) + 4 * localizationVarianceUm2 + offsetUm2;
            row[j] = theta > 0 ? constant - k * mss / theta - k * Math.log(theta) : Double.NEGATIVE_INFINITY;
            if (row[j] > max) max = row[j];
        }
        return max;
    }

    private record Automatic(Iteration iteration, double bandwidth) {}

    /**
     * The automatic choice (see the class comment): EMS fits from {@code top} down a ladder of
     * bandwidths, each from the previous one's fixed point, until one is within the allowance of
     * the maximum log-likelihood; the maximum-likelihood fit if none is.
     *
     * @param v     the start on entry, the chosen fractions on return
     * @param start the caller's start, or null: where the maximum-likelihood reference starts
     *              (else from the first EMS fit)
     */
    private Automatic automatic(Em em, double[] v, double[] start, double top) {
        int m = v.length;
        double bandwidth = top;
        Iteration smooth = ems(em, v, LogDiameterKernel.of(grid, bandwidth), maxIterations);
        int passes = smooth.passes;
        if (!smooth.converged) return new Automatic(smooth, bandwidth);
        double allowance = Smoothing.ALLOWANCE_STANDARD_ERRORS * smooth.sdPerTrack * Math.sqrt(em.total());
        double[] reference = start != null ? start : v.clone();
        Iteration ml = maximumLikelihood(em, reference, maxIterations - passes, 0.1 * allowance, 0.001 * allowance);
        passes += ml.passes;
        double minimum = minimumBandwidth(grid);
        while (ml.converged) {
            double loss = ml.logLikelihood - smooth.logLikelihood;
            if (loss <= allowance) {
                return new Automatic(new Iteration(smooth.logLikelihood, passes, true, smooth.sdPerTrack, smooth.gap, loss, allowance),
                        bandwidth);
            }
            if (bandwidth / LADDER < minimum) break;
            bandwidth /= LADDER;
            smooth = ems(em, v, LogDiameterKernel.of(grid, bandwidth), maxIterations - passes);
            passes += smooth.passes;
            if (!smooth.converged) return new Automatic(smooth.withPasses(passes), bandwidth);
        }
        // no smoothing the data allow (or out of passes): the maximum-likelihood fit itself
        System.arraycopy(reference, 0, v, 0, m);
        Iteration rest = ml.converged ? maximumLikelihood(em, v, maxIterations - passes, 0, 0) : ml;
        if (rest != ml) passes += rest.passes;
        return new Automatic(new Iteration(rest.logLikelihood, passes, rest.converged, rest.sdPerTrack, rest.gap, 0, allowance), 0);
    }

    /** Ratio of successive bandwidths on the automatic ladder. */
    private static final double LADDER = Math.sqrt(2);

    /** Half the grid's median step in ln d: narrower kernels barely reach the neighbouring nodes. */
    private static double minimumBandwidth(DiameterGrid grid) {
        double[] steps = new double[grid.size() - 1];
        for (int j = 0; j + 1 < grid.size(); j++) steps[j] = Math.log(grid.nanometres(j + 1) / grid.nanometres(j));
        java.util.Arrays.sort(steps);
        return steps[steps.length / 2] / 2;
    }

    /**
     * @param logLikelihood at the returned fractions
     * @param passes        passes over the tracks
     * @param sdPerTrack    SD over tracks of their log-likelihoods there
     * @param gap           n·ln max_j D_j there, an upper bound on how far the log-likelihood is below its maximum
     */
    private record Iteration(double logLikelihood, int passes, boolean converged, double sdPerTrack, double gap,
                             double loss, double allowance) {
        Iteration(double logLikelihood, int passes, boolean converged, double sdPerTrack, double gap) {
            this(logLikelihood, passes, converged, sdPerTrack, gap, Double.NaN, Double.NaN);
        }

        Iteration withPasses(int total) {
            return new Iteration(logLikelihood, total, converged, sdPerTrack, gap, loss, allowance);
        }
    }

    /**
     * EM accelerated by SQUAREM (Varadhan &amp; Roland 2008, Scand. J. Stat. 35, 335): two EM steps give
     * the direction and the step length of an extrapolation, which is kept only when it does not
     * lower the likelihood (else the plain second EM step is kept), so the likelihood never
     * decreases. Stops when a pass improves the mean log-likelihood by less than the tolerance, or
     * when the gap bound falls to {@code gapTarget} nats.
     */
    private Iteration maximumLikelihood(Em em, double[] v, int budget, double gapTarget, double natsPerCycle) {
        double enough = Math.max(tolerance * em.total(), natsPerCycle);
        int m = v.length;
        double[] v1 = new double[m];
        double[] v2 = new double[m];
        double[] v3 = new double[m];
        double[] extrapolated = new double[m];
        double previous = Double.NEGATIVE_INFINITY;
        int passes = 0;
        while (passes < budget) {
            double ll = em.step(v, v1, null);
            passes++;
            if (ll - previous < enough || em.gap() <= gapTarget) {
                return new Iteration(ll, passes, true, em.sdPerTrack(), em.gap());
            }
            previous = ll;
            double ll1 = em.step(v1, v2, null);
            passes++;
            double llExtrapolated = Double.NEGATIVE_INFINITY;
            if (extrapolate(v, v1, v2, extrapolated, m)) {
                llExtrapolated = em.step(extrapolated, v3, null);
                passes++;
            }
            System.arraycopy(llExtrapolated >= ll1 ? v3 : v2, 0, v, 0, m);
        }
        double ll = em.logLikelihood(v);
        return new Iteration(ll, passes + 1, false, em.sdPerTrack(), em.gap());
    }

    /**
     * The EMS iteration v ← S(EM(v)) to its fixed point, accelerated by SQUAREM applied to the EMS
     * map; there is no likelihood to safeguard with, so an extrapolation is kept when the EMS step
     * from it moves the fractions less than the plain second step did (a smaller fixed-point
     * residual). Stops when one EMS step changes the fractions by less than the tolerance in total
     * (L1).
     */
    private Iteration ems(Em em, double[] v, LogDiameterKernel kernel, int budget) {
        int m = v.length;
        double[] v1 = new double[m];
        double[] v2 = new double[m];
        double[] v3 = new double[m];
        double[] extrapolated = new double[m];
        int passes = 0;
        while (passes < budget) {
            double ll = em.step(v, v1, kernel);
            passes++;
            if (l1(v, v1, m) < tolerance) return new Iteration(ll, passes, true, em.sdPerTrack(), em.gap());
            em.step(v1, v2, kernel);
            passes++;
            double residual = l1(v1, v2, m);
            double[] next = v2;
            if (extrapolate(v, v1, v2, extrapolated, m)) {
                em.step(extrapolated, v3, kernel);
                passes++;
                if (l1(extrapolated, v3, m) <= residual) next = v3;
            }
            System.arraycopy(next, 0, v, 0, m);
        }
        double ll = em.logLikelihood(v);
        return new Iteration(ll, passes + 1, false, em.sdPerTrack(), em.gap());
    }

    private static double l1(double[] a, double[] b, int m) {
        double s = 0;
        for (int j = 0; j < m; j++) s += Math.abs(a[j] - b[j]);
        return s;
    }

    /** The SQUAREM (SqS3) extrapolation from v, F(v), F(F(v)), clipped at 0 and renormalised; false if nothing is left. */
    private static boolean extrapolate(double[] v, double[] v1, double[] v2, double[] out, int m) {
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
            out[j] = Math.max(0, v[j] - 2 * alpha * r + alpha * alpha * sj);
            sum += out[j];
        }
        if (!(sum > 0)) return false;
        for (int j = 0; j < m; j++) out[j] /= sum;
        return true;
    }

    /**
     * One EM pass over the groups of tracks: writes the updated fractions to {@code out} (smoothed
     * by the kernel when one is given) and answers the log-likelihood at {@code v}; also records,
     * at {@code v}, the SD over tracks of their log-likelihoods and the gap bound n·ln max_j D_j.
     */
    private static final class Em {
        private final float[] p;
        private final double[] logMax;
        private final Groups groups;
        private final int n;
        private final int m;
        private final double total;
        private final double[] scratch;
        private double sdPerTrack = Double.NaN;
        private double gap = Double.NaN;

        Em(float[] p, double[] logMax, Groups groups, int n, int m, double total) {
            this.p = p;
            this.logMax = logMax;
            this.groups = groups;
            this.n = n;
            this.m = m;
            this.total = total;
            this.scratch = new double[m];
        }

        double total() { return total; }

        double sdPerTrack() { return sdPerTrack; }

        double gap() { return gap; }

        double step(double[] v, double[] out, LogDiameterKernel kernel) {
            java.util.Arrays.fill(out, 0);
            double ll = 0;
            double ll2 = 0;
            for (int g = 0; g < n; g++) {
                int base = g * m;
                double s = 0;
                for (int j = 0; j < m; j++) s += v[j] * p[base + j];
                if (!(s > 0)) s = Double.MIN_NORMAL;
                double w = groups.count(g);
                double lg = logMax[g] + Math.log(s);
                ll += w * lg;
                ll2 += w * lg * lg;
                double inv = w / s;
                for (int j = 0; j < m; j++) out[j] += p[base + j] * inv;
            }
            double maxD = 0;
            for (int j = 0; j < m; j++) {
                out[j] /= total;
                maxD = Math.max(maxD, out[j]);
            }
            double mean = ll / total;
            sdPerTrack = Math.sqrt(Math.max(0, ll2 / total - mean * mean));
            gap = total * Math.log(Math.max(1, maxD));
            double[] target = kernel == null ? out : scratch;
            for (int j = 0; j < m; j++) target[j] = v[j] * out[j];
            if (kernel != null) kernel.apply(scratch, out);
            return ll;
        }

        /** The log-likelihood at v (one pass; also records the SD and gap there). */
        double logLikelihood(double[] v) {
            double[] out = new double[m];
            return step(v, out, null);
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
                GroupKey key = new GroupKey(t.steps(), Double.doubleToLongBits(t.shape()), Double.doubleToLongBits(t.dtSeconds()),
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

        double resolution(double noiseUm2) {
            double[] shapes = new double[size()];
            double[] mss = new double[size()];
            for (int g = 0; g < shapes.length; g++) {
                shapes[g] = representatives.get(g).shape();
                mss[g] = meanSquaredStep(g);
            }
            return Smoothing.resolution(shapes, mss, counts(), noiseUm2);
        }

        List<TrackDiffusion> representatives() { return List.copyOf(representatives); }

        double[] counts() {
            double[] c = new double[size()];
            for (int g = 0; g < c.length; g++) c[g] = count(g);
            return c;
        }

        private record GroupKey(int steps, long shapeBits, long dtBits, long logMBin) {}
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
