package org.exotrace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.exotrace.nta.analysis.AnalysisResult;
import org.exotrace.nta.analysis.AnalysisSettings;
import org.exotrace.nta.analysis.LagFallback;
import org.exotrace.nta.analysis.MsdDiagnostic;
import org.exotrace.nta.analysis.NtaAnalysis;
import org.exotrace.nta.analysis.SizingMethod;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryReader;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.tracks.TrackCollector;
import org.exotrace.nta.tracks.Tracks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The particle sizing pipeline on a simulated trackpy CSV of 878,255 positions (lognormal, median
 * 110 nm, 400 particles in the volume, 10,000 frames at 25 fps, pixels of 166 nm), single-threaded.
 * Each operation is one pass over all positions; positions per second = positions × ops/s (the
 * exact count is printed at set-up).
 *
 * <ul>
 *   <li>{@code read}: the CSV into per-particle arrays, up to the {@link Tracks} the analysis
 *       takes (the regrouping of the positions track by track included).</li>
 *   <li>{@code perTrackStage}: the "per-track stage" on tracks already in memory (read
 *       once in the set-up): drift, ensemble localization variance and every track's ML estimate
 *       of D, without any size distribution.</li>
 *   <li>{@code perTrackStageEstimatingBlur}: the same with R not stated, so estimated from the
 *       tracks first (the default since issue 12: one more pass over every track's steps).</li>
 *   <li>{@code modelCheckAndFallback}: the free-diffusion check (MSD against lag, step
 *       correlations) and the lag-L statistic the sizing falls back to when it fails, on the same
 *       tracks (the fallback's pass is measured even though these tracks pass the check).</li>
 *   <li>{@code readAndPerTrack}: both, end to end from the file.</li>
 *   <li>{@code fullAnalysis}: everything from the file, including the Walker ML deconvolution on
 *       400 grid nodes.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class NtaPipelineBenchmark {

    private static final double PIXEL_NM = 166;
    private Path file;
    private TrajectoryFormat format;
    private AnalysisSettings settings;
    private AnalysisSettings estimatingBlur;
    private Tracks tracks;

    @Setup(Level.Trial)
    public void simulate() throws IOException {
        file = Files.createTempFile("exotrace-nta-bench", ".csv");
        format = TrajectoryFormat.trackpy(PIXEL_NM);
        BrownianSimulator.Settings s = BrownianSimulator.Settings.nanoSightLike().withRun(400, 10_000);
        try (TrajectoryWriter writer = TrajectoryWriter.create(file, format)) {
            new BrownianSimulator(s).run(SizeDistribution.lognormal(110, 1.35), 7, writer::position);
            System.out.println("\n# positions in the benchmark file: " + writer.rows());
        }
        settings = new AnalysisSettings(format, 25, Temperature.ofCelsius(22), Viscosity.ofMillipascalSeconds(0.955), true,
                SizingMethod.ML, 5, 1.0 / 6, null, null, 0, 1);
        estimatingBlur = new AnalysisSettings(format, 25, Temperature.ofCelsius(22), Viscosity.ofMillipascalSeconds(0.955), true,
                SizingMethod.ML, 5, null, null, null, null, 0, 1);
        tracks = read();
        System.out.println("# tracks: " + tracks.count());
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Tracks read() throws IOException {
        TrackCollector collector = new TrackCollector();
        new TrajectoryReader(format).read(file, collector);
        return collector.tracks();
    }

    @Benchmark
    public NtaAnalysis.PerTrackResult perTrackStage() {
        return new NtaAnalysis(settings, m -> { }).perTrackStage(tracks);
    }

    @Benchmark
    public NtaAnalysis.PerTrackResult perTrackStageEstimatingBlur() {
        return new NtaAnalysis(estimatingBlur, m -> { }).perTrackStage(tracks);
    }

    @Benchmark
    public LagFallback.Result modelCheckAndFallback() {
        Tracks.Drift drift = tracks.drift();
        MsdDiagnostic check = MsdDiagnostic.of(tracks, drift, 1 / 25.0, 4);
        return LagFallback.of(tracks, drift, 4, 1 / 25.0, check);
    }

    @Benchmark
    public NtaAnalysis.PerTrackResult readAndPerTrack() throws IOException {
        return new NtaAnalysis(settings, m -> { }).perTrackStage(read());
    }

    @Benchmark
    public AnalysisResult fullAnalysis() throws Exception {
        return new NtaAnalysis(settings, m -> { }).run(file);
    }
}
