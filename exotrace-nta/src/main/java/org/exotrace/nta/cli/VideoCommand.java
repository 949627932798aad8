package org.exotrace.nta.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.exotrace.nta.TrackDiffusion;
import org.exotrace.nta.analysis.AnalysisResult;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.detect.DetectionSettings;
import org.exotrace.nta.detectionlimit.DetectionDepthSampling;
import org.exotrace.nta.detectionlimit.DetectionLimit;
import org.exotrace.nta.detectionlimit.DetectionLimitEstimator;
import org.exotrace.nta.distribution.WalkerDeconvolution;
import org.exotrace.nta.io.PositionSink;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.link.LinkStats;
import org.exotrace.nta.settings.Setting;
import org.exotrace.nta.settings.SettingsSpec;
import org.exotrace.nta.settings.SizingSettings;
import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.exotrace.nta.video.Polarity;
import org.exotrace.nta.video.VideoFormatException;
import org.exotrace.nta.video.VideoSettings;
import org.exotrace.nta.video.VideoTracking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code exotrace nta video}: detect, link and size particles straight from a video or a folder of frames. */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = "Size distribution from a raw NTA video: particles are detected in every frame, linked into tracks and sized.")
final class VideoCommand implements Callable<Integer> {

    /** The size command's settings that make sense for a video: positions come out in µm, columns do not exist. */
    static final List<Setting<?>> SETTINGS = SettingsSpec.ALL.stream()
            .filter(s -> s != SettingsSpec.UNITS && s != SettingsSpec.COLUMNS).toList();

    @Option(names = "--frames", required = true, paramLabel = "<path>",
            description = "a folder of PNG or TIFF frames, a multi-page TIFF, an AVI (uncompressed or MJPEG) or a zip of frames")
    Path frames;

    @Option(names = "--tracks-out", paramLabel = "<csv>", description = "also write the linked tracks as a trackpy-style CSV in pixels")
    Path tracksOut;

    @Option(names = "--per-track-out", paramLabel = "<csv>",
            description = "also write one row per sized track: id, positions, D (µm²/s), its standard error, diameter (nm), mean intensity")
    Path perTrackOut;

    @Option(names = "--feature-diameter-px", paramLabel = "<px>", defaultValue = "0",
            description = "odd spot diameter for detection, px; 0 (default) chooses it from the data")
    int featureDiameterPx;

    @Option(names = "--threshold-sigma", paramLabel = "<σ>", defaultValue = "" + DetectionSettings.DEFAULT_THRESHOLD_SIGMA,
            description = "a particle stands this many noise standard deviations above the background (default: ${DEFAULT-VALUE})")
    double thresholdSigma;

    @Option(names = "--memory", paramLabel = "<frames>", defaultValue = "" + VideoSettings.DEFAULT_MEMORY,
            description = "frames a particle may be missed and still keep its track (default: ${DEFAULT-VALUE})")
    int memory;

    @Option(names = "--smallest-nm", paramLabel = "<nm>", defaultValue = "" + VideoSettings.DEFAULT_SMALLEST_DIAMETER_NM,
            description = "the smallest particle to follow: its diffusion sets the linking search radius (default: ${DEFAULT-VALUE} nm)")
    double smallestNm;

    @Option(names = "--particles", paramLabel = "auto|bright|dark", defaultValue = "auto",
            description = "bright particles on a dark field (scattering NTA), dark on a bright field (bright-field), or auto (default): "
                    + "decided from the first frames")
    String particles;

    @Option(names = "--depth-correction",
            description = "correct the size distribution for the thinner detection layer of small, dim particles, from the brightness-size "
                    + "relation measured on the tracks (a Gaussian focus profile is assumed); off by default")
    boolean depthCorrection;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SizingSettings sizing = SizeCommand.readSettings(spec, Map.of(SettingsSpec.UNITS.name(), "px"));
        Double pixelSizeNm = sizing.get(SettingsSpec.PIXEL_SIZE_NM);
        if (pixelSizeNm == null) throw new NtaCommand.BadInput(SettingsSpec.PIXEL_SIZE_NM.option() + " is required: the size of a camera pixel in nm");
        Path input = frames.toAbsolutePath();
        if (!Files.exists(input)) throw new NtaCommand.BadInput("no such video or folder: " + frames);
        VideoSettings video;
        try {
            video = new VideoSettings(pixelSizeNm, sizing.get(SettingsSpec.FPS), sizing.toAnalysisSettings().temperature().celsius(),
                    sizing.get(SettingsSpec.EXPOSURE_MS), memory,
                    smallestNm, new DetectionSettings(featureDiameterPx, thresholdSigma, 0), polarity());
        } catch (IllegalArgumentException e) {
            throw new NtaCommand.BadInput(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        TrackCollector collector = new TrackCollector();
        VideoTracking.Result tracking;
        Path csv = tracksOut == null ? null : tracksOut.toAbsolutePath();
        try (TrajectoryWriter writer = csv == null ? null : TrajectoryWriter.create(csv, TrajectoryFormat.trackpy(pixelSizeNm))) {
            PositionSink sink = writer == null ? collector : (f, p, x, y) -> {
                collector.position(f, p, x, y);
                writer.position(f, p, x, y);
            };
            tracking = VideoTracking.track(input, video, sink, json ? VideoTracking.Progress.NONE : progressTo(err));
        } catch (VideoFormatException e) {
            throw new NtaCommand.BadInput(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new IOException("cannot write " + tracksOut + ": " + e.getCause().getMessage(), e);
        }
        if (!json) err.println();
        AnalysisSettings analysis = sizing.toAnalysisSettings();
        Tracks tracks = collector.tracks();
        AnalysisResult result;
        NtaAnalysis.PerTrackResult perTrack;
        try {
            NtaAnalysis analyser = new NtaAnalysis(analysis, message -> {
                err.println("exotrace nta: " + message);
                err.flush();
            });
            perTrack = analyser.perTrackStage(tracks);
            result = analyser.run(tracks, perTrack);
        } catch (IllegalArgumentException e) {
            throw new NtaCommand.BadInput(frames + ": " + e.getMessage());
        }
        StokesEinstein physics = new StokesEinstein(analysis.temperature(), analysis.viscosity());
        DetectionLimit limit = DetectionLimitEstimator.estimate(WalkerDeconvolution.on(NtaAnalysis.DEFAULT_GRID, physics)
                .withLocalizationVariance(perTrack.sigma2Um2()).withMotionBlur(perTrack.motionBlur().motionBlur()),
                perTrack.diffusions(), tracking.brightnessByTrack(), tracking.massThreshold());
        boolean corrected = depthCorrection && limit.identified() && analysis.method() == SizingMethod.ML;
        if (corrected) {
            result = new NtaAnalysis(analysis, message -> { }).withSamplingModel(DetectionDepthSampling.of(limit)).run(tracks, perTrack);
        }
        if (perTrackOut != null) writePerTrack(perTrackOut.toAbsolutePath(), physics, perTrack, tracking);
        List<String> warnings = warnings(tracking);
        if (depthCorrection && !corrected) warnings.add("the detection-depth correction was not applied: " + (analysis.method() != SizingMethod.ML
                ? "it needs --method ml" : "the brightness-size relation was not identified: " + limit.note()));
        limit.warning(result.distribution(), corrected).ifPresent(warnings::add);
        AnalysisResult sized = result;
        PrintWriter out = spec.commandLine().getOut();
        if (json) SizeCommand.printJson(result, out, pixelSizeNm, j -> {
            videoJson(j, tracking);
            DetectionLimitReport.json(j, limit, sized.distribution(), corrected);
        }, warnings);
        else printSummary(result, tracking, DetectionLimitReport.line(limit, corrected), warnings, out);
        return 0;
    }

    /** One row per track the analysis sized, with the track's mean intensity: the data of an intensity-versus-size plot. */
    private static void writePerTrack(Path file, StokesEinstein physics, NtaAnalysis.PerTrackResult perTrack, VideoTracking.Result tracking)
            throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (java.io.BufferedWriter w = Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
            w.write("particle,positions,d_um2_per_s,d_se_um2_per_s,diameter_nm,mean_mass\n");
            for (TrackDiffusion t : perTrack.diffusions()) {
                double d = t.diffusionUm2PerS();
                Double mass = tracking.meanMassByTrack().get(t.particle());
                w.write(String.format(Locale.ROOT, "%d,%d,%.6g,%.3g,%s,%s%n", t.particle(), t.steps() + 1, d, Math.sqrt(Math.max(0, t.varianceUm4PerS2())),
                        d > 0 ? String.format(Locale.ROOT, "%.1f", physics.diameterNm(d)) : "", mass == null ? "" : String.format(Locale.ROOT, "%.4g", mass)));
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private Polarity polarity() {
        return switch (particles.toLowerCase(Locale.ROOT)) {
            case "auto" -> Polarity.AUTO;
            case "bright" -> Polarity.BRIGHT;
            case "dark" -> Polarity.DARK;
            default -> throw new NtaCommand.BadInput("--particles must be auto, bright or dark, not " + particles);
        };
    }

    private static VideoTracking.Progress progressTo(PrintWriter err) {
        return (done, total) -> {
            if (done % 50 == 0 || total.isPresent() && done == total.getAsInt()) {
                err.print(total.isPresent() ? String.format(Locale.ROOT, "\rtracking frame %,d of %,d", done, total.getAsInt())
                        : String.format(Locale.ROOT, "\rtracking frame %,d", done));
                err.flush();
            }
        };
    }

    static List<String> warnings(VideoTracking.Result t) {
        List<String> w = new ArrayList<>();
        LinkStats s = t.linkStats();
        if (s.positions() > 0 && t.saturatedPositions() > 0.01 * s.positions()) {
            w.add(String.format(Locale.ROOT, "%.1f %% of positions had a saturated pixel: lower the camera level so the brightest particles are not clipped",
                    100.0 * t.saturatedPositions() / s.positions()));
        }
        if (s.adaptiveReductions() > 0) {
            w.add(String.format(Locale.ROOT, "the field was dense: the search radius was narrowed %,d times; dilute the sample or give --smallest-nm "
                    + "a larger value if the particles are larger", s.adaptiveReductions()));
        }
        if (t.meanDetectionsPerFrame() < 1) w.add("fewer than one particle per frame was detected: check the threshold, focus and pixel size");
        return w;
    }

    private static void videoJson(Json j, VideoTracking.Result t) {
        LinkStats s = t.linkStats();
        j.object("video").field("source", t.source()).field("frames", (long) t.frames()).field("width", (long) t.width())
                .field("height", (long) t.height()).field("detections", t.detections()).field("detectionsPerFrame", t.meanDetectionsPerFrame())
                .field("tracksLinked", s.tracks()).field("positionsLinked", s.positions()).field("gapsClosed", s.gapsClosed())
                .field("medianTrackLength", (long) s.medianLength()).field("saturatedPositions", t.saturatedPositions())
                .field("overlappingPositions", t.overlappingPositions());
        j.object("detection").field("particles", t.polarity().name().toLowerCase(Locale.ROOT))
                .field("particlesSource", t.polarityFromData() ? "from the data" : "stated").field("featureDiameterPx", (long) t.detection().featureDiameterPx())
                .field("featureDiameterSource", t.featureSizeFromData() ? "from the data" : "stated")
                .field("thresholdSigma", t.detection().thresholdSigma()).field("minSeparationPx", t.detection().separationPx(t.detection().featureDiameterPx()))
                .field("noiseSigma", t.noiseSigma()).field("massThreshold", t.massThreshold()).end();
        j.object("linking").field("searchRadiusPx", t.linking().searchRadiusPx()).field("memoryFrames", (long) t.linking().memoryFrames())
                .field("maxSubnetSize", (long) t.linking().maxSubnetSize()).field("adaptiveReductions", (long) s.adaptiveReductions()).end();
        j.array("trackLengthHistogram");
        long[] h = s.lengthHistogram();
        for (long n : h) j.value(n);
        j.endArray().end();
    }

    private static void printSummary(AnalysisResult r, VideoTracking.Result t, String detectionLimit, List<String> warnings, PrintWriter out) {
        LinkStats s = t.linkStats();
        out.printf(Locale.ROOT, "%s%n%,d frames, %.1f %s particles detected per frame (feature %d px %s, threshold %.1f σ); %,d tracks linked "
                        + "(median %d positions, %,d gaps closed, search radius %.1f px)%n", t.source(), t.frames(), t.meanDetectionsPerFrame(),
                t.polarity().name().toLowerCase(Locale.ROOT),
                t.detection().featureDiameterPx(), t.featureSizeFromData() ? "from the data" : "as stated", t.detection().thresholdSigma(),
                s.tracks(), s.medianLength(), s.gapsClosed(), t.linking().searchRadiusPx());
        SizeCommand.printSummary(r, out);
        out.println(detectionLimit);
        warnings.forEach(w -> out.println("warning: " + w));
    }
}
