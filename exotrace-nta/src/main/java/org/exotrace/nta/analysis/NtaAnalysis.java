package org.exotrace.nta.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.concentration.ConcentrationEstimator;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.diffusion.DefaultDiffusionEstimator;
import org.exotrace.nta.diffusion.DiffusionEstimate;
import org.exotrace.nta.diffusion.LocalizationEnsemble;
import org.exotrace.nta.diffusion.MaximumLikelihoodEstimator;
import org.exotrace.nta.diffusion.MotionBlur;
import org.exotrace.nta.diffusion.MotionBlurEstimate;
import org.exotrace.nta.diffusion.MotionBlurEstimator;
import org.exotrace.nta.distribution.Bootstrap;
import org.exotrace.nta.distribution.DiameterGrid;
import org.exotrace.nta.distribution.DistributionStats;
import org.exotrace.nta.distribution.NaiveHistogram;
import org.exotrace.nta.distribution.NumberDistribution;
import org.exotrace.nta.distribution.SamplingModel;
import org.exotrace.nta.distribution.Smoothing;
import org.exotrace.nta.distribution.WalkerDeconvolution;
import org.exotrace.nta.io.TrajectoryFormatException;
import org.exotrace.nta.io.TrajectoryReader;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;

/**
 * Runs the measurement from a tracks file or from tracks already collected. Progress messages go
 * to the given consumer (the command line prints them on standard error).
 */
public final class NtaAnalysis {

    /** The default diameter grid: 400 log-spaced nodes from 20 nm to 2 µm. */
    public static final DiameterGrid DEFAULT_GRID = DiameterGrid.logSpaced(20, 2000, 400);

    private final AnalysisSettings settings;
    private final Consumer<String> progress;
    private final Smoothing smoothing;
    private final SamplingModel samplingModel;

    public NtaAnalysis(AnalysisSettings settings, Consumer<String> progress) {
        this(settings, progress, Smoothing.automatic(), SamplingModel.observedTrackDuration());
    }

    private NtaAnalysis(AnalysisSettings settings, Consumer<String> progress, Smoothing smoothing, SamplingModel samplingModel) {
        this.settings = settings;
        this.progress = progress;
        this.smoothing = smoothing;
        this.samplingModel = samplingModel;
    }

    /** The smoothing of the ML size distribution ({@link Smoothing#automatic()} unless set here). */
    public NtaAnalysis withSmoothing(Smoothing s) {
        return new NtaAnalysis(settings, progress, java.util.Objects.requireNonNull(s, "smoothing"), samplingModel);
    }

    /** How the ML fit turns tracks into particles ({@link SamplingModel#observedTrackDuration()} unless set here). */
    public NtaAnalysis withSamplingModel(SamplingModel model) {
        return new NtaAnalysis(settings, progress, smoothing, java.util.Objects.requireNonNull(model, "sampling model"));
    }

    public AnalysisResult run(Path tracksFile) throws IOException, TrajectoryFormatException {
        TrackCollector collector = new TrackCollector();
        progress.accept("reading " + tracksFile);
        new TrajectoryReader(settings.format()).read(tracksFile, collector);
        return run(collector.tracks());
    }

    /**
     * The per-track stage: drift, the ensemble localization variance and every long-enough track's
     * diffusion coefficient, before any size distribution.
     *
     * @param drift       the drift found in the tracks (reported even when not subtracted)
     * @param sigma2Um2   the localization variance used by the estimator (the ensemble value, 0 if
     *                    that came out negative), µm² per axis
     * @param motionBlur  the blur coefficient R used, how it was found, and σ² at that R before clamping
     * @param diffusions  one per track of at least {@code minTrackLength} positions, in track order
     * @param warnings    what the stage noticed
     */
    public record PerTrackResult(Tracks.Drift drift, double sigma2Um2, MotionBlurEstimate motionBlur, List<TrackDiffusion> diffusions, List<String> warnings) {
    }

    /**
     * The per-track stage on tracks already collected, with two step buffers and one estimator
     * workspace reused for every track.
     *
     * @throws IllegalArgumentException when no track is long enough
     */
    public PerTrackResult perTrackStage(Tracks tracks) {
        List<String> warnings = new ArrayList<>();
        Tracks.Drift found = tracks.drift();
        Tracks.Drift drift = settings.driftCorrection() ? found : tracks.noDrift();
        progress.accept(String.format("%,d positions in %,d tracks; estimating the localization error", tracks.positions(), tracks.count()));

        int minSteps = settings.minTrackLength() - 1;
        // Two passes over the tracks, recomputing each track's steps into the same two buffers, so
        // that memory holds the positions once and never all steps at the same time.
        double[] dx = new double[Math.max(1, tracks.maxLength())];
        double[] dy = new double[dx.length];
        int[] kept = new int[tracks.count()];
        int keptCount = 0;
        MotionBlurEstimator blurData = new MotionBlurEstimator(settings.frameSeconds());
        for (int t = 0; t < tracks.count(); t++) {
            int steps = tracks.steps(t, drift, dx, dy);
            if (steps >= minSteps) {
                kept[keptCount++] = t;
                blurData.add(dx, dy, steps);
            }
        }
        if (keptCount == 0) {
            throw new IllegalArgumentException("no track has at least " + settings.minTrackLength()
                    + " consecutive positions; lower --min-track-length or check the linking");
        }
        if (blurData.tracks() == 0) {
            throw new IllegalArgumentException("no track has two consecutive steps, so the localization error cannot be estimated; "
                    + "check the linking or the frame numbers");
        }
        MotionBlurEstimate blur = motionBlur(blurData, warnings);
        double sigma2 = blur.sigma2Um2();
        if (sigma2 < 0) {
            warnings.add(String.format("the localization variance came out negative (%.2e µm²) and was set to 0: "
                    + "the motion-blur coefficient may be too low for this camera's exposure", sigma2));
            sigma2 = 0;
        }
        double r = blur.motionBlur();
        DefaultDiffusionEstimator estimator = DefaultDiffusionEstimator.withLocalization(sigma2, r);
        MaximumLikelihoodEstimator.Workspace workspace = estimator.workspace();
        double dt = settings.frameSeconds();
        progress.accept(String.format("estimating D for %,d tracks", keptCount));
        List<TrackDiffusion> diffusions = new ArrayList<>(keptCount);
        for (int i = 0; i < keptCount; i++) {
            int steps = tracks.steps(kept[i], drift, dx, dy);
            DiffusionEstimate e = workspace.estimate(dx, dy, steps, dt);
            double sum = 0;
            for (int j = 0; j < steps; j++) sum += dx[j] * dx[j] + dy[j] * dy[j];
            diffusions.add(new TrackDiffusion(tracks.particle(kept[i]), steps, dt, sum / steps, e.diffusionUm2PerS(), e.variance()));
        }
        return new PerTrackResult(found, estimator.sigma2Um2(), blur, diffusions, warnings);
    }

    /**
     * The blur coefficient R of this analysis: as stated; else from the stated exposure (checked
     * against the tracks); else estimated from the tracks when they pin it down; else full-frame
     * exposure, R = 1/6, with a note saying why. σ² is the ensemble covariance-estimator value at
     * the chosen R ({@link LocalizationEnsemble}).
     */
    private MotionBlurEstimate motionBlur(MotionBlurEstimator data, List<String> warnings) {
        double dt = settings.frameSeconds();
        if (settings.motionBlur() != null) {
            double r = settings.motionBlur();
            return new MotionBlurEstimate(r, 0, data.sigma2At(r), Double.NaN, false, MotionBlurEstimate.Source.STATED,
                    String.format(Locale.ROOT, "R = %.4f as stated", r));
        }
        progress.accept("estimating the motion blur from the tracks");
        MotionBlurEstimate fromTracks = data.estimate();
        if (settings.exposureSeconds() != null) {
            MotionBlurEstimate exposure = MotionBlur.fromExposure(settings.exposureSeconds(), dt);
            MotionBlur.contradiction(exposure, fromTracks).ifPresent(warnings::add);
            return exposure.withSigma2(data.sigma2At(exposure.motionBlur()), Double.NaN);
        }
        if (fromTracks.identifiable()) return fromTracks;
        double r = MotionBlur.FULL_FRAME;
        return new MotionBlurEstimate(r, Double.NaN, data.sigma2At(r), Double.NaN, false,
                MotionBlurEstimate.Source.DEFAULT_FALLBACK, fromTracks.note() + "; full-frame exposure (R = 1/6) was assumed. "
                + "That does not bias sizes when D hardly varies between tracks (each track's likelihood depends on R and σ² only "
                + "through σ² - 2RD dt, which the ensemble gives at any assumed R), but it widens a broad distribution: "
                + "state the exposure (--exposure-ms) for such a sample");
    }

    public AnalysisResult run(Tracks tracks) {
        return run(tracks, perTrackStage(tracks));
    }

    /** The analysis of {@code tracks} from their per-track stage, already run with these settings (a caller that also keeps the per-track rows). */
    public AnalysisResult run(Tracks tracks, PerTrackResult perTrack) {
        List<String> warnings = new ArrayList<>(perTrack.warnings());
        List<TrackDiffusion> diffusions = perTrack.diffusions();
        int keptCount = diffusions.size();
        Tracks.Drift found = perTrack.drift();

        StokesEinstein stokesEinstein = new StokesEinstein(settings.temperature(), settings.viscosity());
        Tracks.Drift drift = settings.driftCorrection() ? found : tracks.noDrift();
        int minSteps = settings.minTrackLength() - 1;
        progress.accept("checking the free-diffusion model (MSD against lag, step correlations)");
        MsdDiagnostic check = MsdDiagnostic.of(tracks, drift, settings.frameSeconds(), minSteps);
        if (!check.freeDiffusion()) warnings.add(check.warning(stokesEinstein.diameterNm(check.slopeDiffusion())));

        Function<List<TrackDiffusion>, NumberDistribution> sizing;
        String modelName = null;
        LagFallback.Result fallback = null;
        if (settings.method() == SizingMethod.ML && !check.freeDiffusion()) fallback = fallback(tracks, drift, minSteps, check, warnings);
        List<TrackDiffusion> sized = fallback != null ? fallback.tracks() : diffusions;
        DiameterGrid grid = gridFor(sized, stokesEinstein);
        if (settings.method() == SizingMethod.ML) {
            WalkerDeconvolution walker = fallback != null
                    ? WalkerDeconvolution.on(grid, stokesEinstein).withOffset(fallback.offsetUm2() / fallback.lag())
                    : WalkerDeconvolution.on(grid, stokesEinstein).withLocalizationVariance(perTrack.sigma2Um2())
                            .withMotionBlur(perTrack.motionBlur().motionBlur());
            WalkerDeconvolution fit = walker.withSamplingModel(samplingModel).withSmoothing(smoothing);
            modelName = samplingModel.name();
            sizing = list -> fit.fit(list).particles();
        } else {
            sizing = list -> NaiveHistogram.of(grid, stokesEinstein, list).distribution();
        }
        progress.accept("size distribution (" + settings.method().name().toLowerCase() + ")");
        NumberDistribution distribution = sizing.apply(sized);
        DistributionStats stats = DistributionStats.of(distribution);
        edgeWarning(distribution).ifPresent(warnings::add);
        Bootstrap.Result intervals = null;
        if (settings.bootstrapReplicates() > 0) {
            progress.accept(settings.bootstrapReplicates() + " bootstrap replicates");
            intervals = new Bootstrap(settings.bootstrapReplicates(), settings.seed(), true).run(sized, sizing);
        }

        ConcentrationEstimator.Result concentration = null;
        if (settings.detectionVolume() != null) {
            Dilution dilution = settings.dilution() != null ? settings.dilution() : Dilution.NONE;
            concentration = ConcentrationEstimator.DEFAULT.estimate(tracks.particlesPerFrame(), settings.detectionVolume(), dilution);
            concentration.warnings().forEach(w -> warnings.add(w.message()));
        }
        if (keptCount < 100) warnings.add("only " + keptCount + " tracks were long enough: the distribution is uncertain");
        return new AnalysisResult(settings, tracks.positions(), tracks.count(), keptCount, found.meanUmPerFrame(),
                perTrack.sigma2Um2(), perTrack.motionBlur(), distribution, stats, intervals, concentration, modelName, warnings,
                check, fallback);
    }

    /** Tracks the lag-L fallback needs at least; with fewer the ML sizing keeps the free-diffusion model and says so. */
    static final int MIN_FALLBACK_TRACKS = 20;

    private LagFallback.Result fallback(Tracks tracks, Tracks.Drift drift, int minSteps, MsdDiagnostic check, List<String> warnings) {
        progress.accept("the free-diffusion model failed: sizing from each track's MSD at a longer lag");
        LagFallback.Result f = LagFallback.of(tracks, drift, minSteps, settings.frameSeconds(), check);
        if (f.tracks().size() < MIN_FALLBACK_TRACKS) {
            warnings.add(String.format(Locale.ROOT, "the free-diffusion model failed, but only %d tracks have the %d steps a lag of %d frames needs: "
                    + "the sizes still come from the free-diffusion model and may be biased", f.tracks().size(), 2 * f.lag(), f.lag()));
            return null;
        }
        warnings.add("the free-diffusion model failed, so the distribution was " + f.note());
        return f;
    }

    /** Smallest and largest bounds of {@link #gridFor}, nm. */
    static final double GRID_FLOOR_NM = 5;
    static final double GRID_CEILING_NM = 20_000;

    /**
     * The size grid for these tracks: {@link #DEFAULT_GRID} unless the tracks' own diameters reach
     * beyond it, in which case it is widened to half the 5th and twice the 95th percentile of the
     * per-track diameters (within 5 nm to 20 µm) at the same density of nodes (200 per decade).
     */
    static DiameterGrid gridFor(List<TrackDiffusion> tracks, StokesEinstein stokesEinstein) {
        double[] d = tracks.stream().mapToDouble(TrackDiffusion::diffusionUm2PerS).filter(v -> v > 0)
                .map(stokesEinstein::diameterNm).sorted().toArray();
        if (d.length == 0) return DEFAULT_GRID;
        double low = DEFAULT_GRID.nanometres(0);
        double high = DEFAULT_GRID.nanometres(DEFAULT_GRID.size() - 1);
        double lo = Math.max(GRID_FLOOR_NM, Math.min(low, d[(int) (0.05 * (d.length - 1))] / 2));
        double hi = Math.min(GRID_CEILING_NM, Math.max(high, 2 * d[(int) Math.ceil(0.95 * (d.length - 1))]));
        if (lo == low && hi == high) return DEFAULT_GRID;
        int nodes = (int) Math.round((DEFAULT_GRID.size() - 1) * Math.log(hi / lo) / Math.log(high / low)) + 1;
        return DiameterGrid.logSpaced(lo, hi, nodes);
    }

    /** Share of the distribution at either end of its grid (within 10 % of the end diameter) above which a warning is given. */
    static final double EDGE_SHARE = 0.02;

    /** A warning when more than {@link #EDGE_SHARE} of the particles sit at an end of the grid, where sizes beyond it would have gone. */
    static java.util.Optional<String> edgeWarning(NumberDistribution distribution) {
        DiameterGrid g = distribution.grid();
        double first = g.nanometres(0);
        double last = g.nanometres(g.size() - 1);
        double bottom = 0;
        double top = 0;
        for (int i = 0; i < g.size(); i++) {
            if (g.nanometres(i) <= first * 1.1) bottom += distribution.fraction(i);
            if (g.nanometres(i) >= last / 1.1) top += distribution.fraction(i);
        }
        if (top > EDGE_SHARE) {
            return java.util.Optional.of(String.format(Locale.ROOT, "%.0f %% of the distribution sits at the top of the size grid (%.0f nm): those tracks "
                    + "moved less than the noise model allows, so their sizes are not resolved. The localization error may be overestimated, "
                    + "or particles are stuck or much larger than the grid", 100 * top, last));
        }
        if (bottom > EDGE_SHARE) {
            return java.util.Optional.of(String.format(Locale.ROOT, "%.0f %% of the distribution sits at the bottom of the size grid (%.0f nm): those tracks "
                    + "moved faster than any size on the grid; check the pixel size, the frame rate and the linking", 100 * bottom, first));
        }
        return java.util.Optional.empty();
    }
}
