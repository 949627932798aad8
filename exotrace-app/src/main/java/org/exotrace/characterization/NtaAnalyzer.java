package org.exotrace.characterization;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.exotrace.nta.analysis.AnalysisResult;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.concentration.ConcentrationEstimator;
import org.exotrace.nta.concentration.DetectionVolume;
import org.exotrace.nta.concentration.Dilution;
import org.exotrace.nta.distribution.Bootstrap;
import org.exotrace.nta.distribution.DistributionStats;
import org.exotrace.nta.io.NanoSightSummary;
import org.exotrace.nta.io.TrajectoryFormatException;
import org.exotrace.nta.io.TrajectoryReader;
import org.exotrace.nta.sizing.Diameter;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.shared.DomainProblem;

/**
 * The science behind an NTA measurement, with no database or web: checking an upload before it is
 * accepted, and turning a stored file into an {@link NtaOutcome} with progress reports.
 */
final class NtaAnalyzer {

    /** Receives the fraction done (0-1) and what is happening, from the analysing thread. */
    interface Progress {
        void report(double fraction, String message);
    }

    /** Reading the file is this share of the whole analysis' progress bar. */
    private static final double READING_SHARE = 0.35;

    private NtaAnalyzer() {}

    /**
     * Reads the whole file once, as the analysis will, so that a malformed row, a missing column,
     * frames out of order or too-short tracks are refused at upload with the line named, rather
     * than failing later in the background. Memory: one counter per particle.
     */
    static void checkTracks(Path file, NtaSettings settings) throws IOException {
        AnalysisSettings analysis = settings.toAnalysisSettings();
        Map<Long, int[]> lengths = new HashMap<>();
        long rows;
        try {
            rows = new TrajectoryReader(analysis.format()).read(file, (frame, particle, x, y) ->
                    lengths.computeIfAbsent(particle, k -> new int[1])[0]++);
        } catch (TrajectoryFormatException e) {
            throw DomainProblem.invalid("file", e.getMessage());
        }
        if (rows == 0) throw DomainProblem.invalid("file", "the file has a header but no positions");
        long longEnough = lengths.values().stream().filter(n -> n[0] >= settings.minTrackLength()).count();
        if (longEnough == 0) {
            throw DomainProblem.invalid("minTrackLength", String.format(Locale.ROOT,
                    "no track has %d or more positions (the longest has %d): lower the minimum track length or check the linking",
                    settings.minTrackLength(), lengths.values().stream().mapToInt(n -> n[0]).max().orElse(0)));
        }
    }

    /** Parses a NanoSight export at upload, so a broken file is refused with the line named. */
    static NanoSightSummary checkNanoSight(Path file) throws IOException {
        try {
            NanoSightSummary summary = NanoSightSummary.read(file);
            if (summary.videos().isEmpty()) throw DomainProblem.invalid("file", "the export lists no video");
            return summary;
        } catch (IOException e) {
            if (e instanceof NoSuchFileException) throw e;
            throw DomainProblem.invalid("file", e.getMessage());
        }
    }

    /** Exotrace's own sizing of a trajectory file. */
    static NtaOutcome tracks(Path file, NtaSettings settings, Progress progress) throws IOException {
        AnalysisSettings analysis = settings.toAnalysisSettings();
        long size = Math.max(1, Files.size(file));
        TrackCollector collector = new TrackCollector();
        progress.report(0, "reading " + file.getFileName());
        try (Reader in = new CountingReader(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                chars -> progress.report(READING_SHARE * Math.min(1, (double) chars / size), "reading the tracks"))) {
            new TrajectoryReader(analysis.format()).read(in, collector);
        }
        double[] done = {READING_SHARE};
        AnalysisResult r = new NtaAnalysis(analysis, message -> {
            done[0] = Math.max(done[0], stageOf(message, analysis));
            progress.report(done[0], message);
        }).run(collector.tracks());
        return outcome(r, settings);
    }

    /**
     * Where in the analysis a progress message of {@link NtaAnalysis} falls. The stages' shares are
     * rough wall-time shares on a simulated file: most time goes to the ML fit and its bootstrap.
     */
    private static double stageOf(String message, AnalysisSettings analysis) {
        if (message.contains("localization")) return READING_SHARE + 0.03;
        if (message.startsWith("estimating D")) return READING_SHARE + 0.08;
        if (message.startsWith("size distribution")) return READING_SHARE + 0.15;
        if (message.contains("bootstrap")) return analysis.method() == SizingMethod.ML ? 0.6 : 0.8;
        return 0;
    }

    private static NtaOutcome outcome(AnalysisResult r, NtaSettings settings) {
        DistributionStats s = r.stats();
        Map<String, List<Double>> intervals = new LinkedHashMap<>();
        if (r.intervals() != null) {
            interval(intervals, "meanNm", r.intervals(), DistributionStats::mean);
            interval(intervals, "d10Nm", r.intervals(), DistributionStats::d10);
            interval(intervals, "d50Nm", r.intervals(), DistributionStats::d50);
            interval(intervals, "d90Nm", r.intervals(), DistributionStats::d90);
        }
        List<NtaOutcome.Point> points = new ArrayList<>();
        for (int i = 0; i < r.distribution().grid().size(); i++) {
            points.add(new NtaOutcome.Point(r.distribution().grid().nanometres(i), r.distribution().fraction(i)));
        }
        String method = r.settings().method() == SizingMethod.ML
                ? "NTA, maximum-likelihood deconvolution, EMS-smoothed (" + r.samplingModel() + ")"
                : "NTA, per-track histogram";
        return new NtaOutcome(method, r.positions(), r.tracksTotal(), r.tracksUsed(), s.mean().nanometres(), s.mode().nanometres(),
                s.sd().nanometres(), s.d10().nanometres(), s.d50().nanometres(), s.d90().nanometres(), intervals,
                r.driftUmPerFrame()[0], r.driftUmPerFrame()[1], Math.sqrt(Math.max(0, r.localizationSigma2())) * 1000,
                r.settings().viscosity().millipascalSeconds(), r.settings().viscosity().source(),
                r.concentration() == null ? null : r.concentration().concentration().particlesPerMillilitre(),
                r.concentration() == null ? null : r.concentration().meanParticlesPerFrame(), r.samplingModel(), List.of(),
                r.warnings(), points, r.concentration() == null ? null : settings.concentrationBasis(),
                r.concentration() == null ? NtaOutcome.NO_VOLUME : null, null, null);
    }

    private static void interval(Map<String, List<Double>> into, String name, Bootstrap.Result result,
                                 Function<DistributionStats, Diameter> statistic) {
        Bootstrap.Interval i = result.interval(statistic, 0.95);
        into.put(name, List.of(i.lower().nanometres(), i.upper().nanometres()));
    }

    /**
     * The instrument's own size results from a NanoSight export (its averages over videos and its
     * binned distribution). The concentration is Exotrace's: the export's average particles per
     * frame over the detection volume of the settings (a calibration, or a typed volume) times the
     * dilution (the export's when it records one, else the settings'); without a volume there is
     * none, and the instrument's own figure is shown for comparison only.
     */
    static NtaOutcome nanoSight(Path file, NtaSettings settings) throws IOException {
        NanoSightSummary summary = checkNanoSight(file);
        NanoSightSummary.SizeStatistics size = summary.average().size();
        double[] bins = summary.distribution().binCentresNm();
        double[] counts = summary.distribution().average().orElseThrow(() ->
                DomainProblem.invalid("file", "the export has no averaged size distribution (\"Concentration average\" column)"));
        double total = 0;
        for (double c : counts) total += Math.max(0, c);
        if (!(total > 0)) throw DomainProblem.invalid("file", "the averaged size distribution is empty");
        List<NtaOutcome.Point> points = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) points.add(new NtaOutcome.Point(bins[i], Math.max(0, counts[i]) / total));
        List<NtaOutcome.Video> videos = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int tracks = 0;
        int checksOk = 0;
        for (NanoSightSummary.Video v : summary.videos()) {
            videos.add(new NtaOutcome.Video(v.filename(), v.conditions().temperatureCelsius(), v.conditions().viscosityCentipoise(),
                    v.conditions().frameRateFps(), v.size().modeNm(), v.size().d50Nm(), v.results().concentrationPerMl(), v.validTracks(),
                    v.conditions().cameraLevel()));
            tracks += v.validTracks();
            for (Map.Entry<String, String> flag : v.concentrationWarnings().entrySet()) {
                String verdict = flag.getValue() == null ? "" : flag.getValue().strip();
                if (verdict.isEmpty()) continue;
                if (instrumentCheckPassed(verdict)) {
                    checksOk++;
                } else {
                    warnings.add(v.filename() + ": the instrument warns \"" + flag.getKey() + ": " + verdict + "\"");
                }
            }
        }
        String software = summary.createdWith().isBlank() ? summary.softwareVersion() : summary.createdWith();
        warnings.add(0, "sizes were computed by the instrument software (" + software + ", " + summary.analysisMethod()
                + "); Exotrace imported them and did not re-size the particles");
        double particlesPerFrame = summary.average().results().particlesPerFrame();
        Double concentration = null;
        if (settings.detectionVolumePl() != null) {
            double dilution = exportDilution(summary).orElse(settings.dilution() == null ? 1 : settings.dilution());
            concentration = ConcentrationEstimator.DEFAULT.estimate(particlesPerFrame, DetectionVolume.ofPicolitres(settings.detectionVolumePl()),
                    Dilution.of(dilution)).concentration().particlesPerMillilitre();
        }
        return new NtaOutcome("NTA, " + software + " " + summary.analysisMethod() + " (imported)", 0, tracks, tracks, size.meanNm(),
                size.modeNm(), size.sdNm(), size.d10Nm(), size.d50Nm(), size.d90Nm(), Map.of(), null, null, null,
                summary.videos().get(0).conditions().viscosityCentipoise(), "NanoSight", concentration, particlesPerFrame, null, videos,
                warnings, points, concentration == null ? null : settings.concentrationBasis(), concentration == null ? NtaOutcome.NO_VOLUME : null,
                summary.average().results().concentrationPerMl(), checksOk);
    }

    /** A NanoSight concentration check that passed: the export writes "OK" (or "No" for "is there a problem?"), which is no warning. */
    static boolean instrumentCheckPassed(String verdict) {
        return verdict.equalsIgnoreCase("OK") || verdict.equalsIgnoreCase("No");
    }

    /** The dilution a NanoSight export records (the same for every video), if any. */
    static java.util.OptionalDouble exportDilution(NanoSightSummary summary) {
        return summary.videos().stream().map(v -> v.results().dilutionFactor()).filter(java.util.OptionalDouble::isPresent)
                .mapToDouble(java.util.OptionalDouble::getAsDouble).findFirst();
    }

    /** Counts characters read and reports every few million. */
    private static final class CountingReader extends FilterReader {

        private static final long EVERY = 4L << 20;
        private final LongConsumer listener;
        private long count;
        private long next = EVERY;

        CountingReader(Reader in, LongConsumer listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                if (count >= next) {
                    next = count + EVERY;
                    listener.accept(count);
                }
            }
            return n;
        }
    }
}
