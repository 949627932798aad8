package org.exotrace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.exotrace.nta.detect.DetectionSettings;
import org.exotrace.nta.detect.Detector;
import org.exotrace.nta.detect.Features;
import org.exotrace.nta.video.Frame;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Particle detection (Crocker-Grier band-pass, maxima, centroids) on 640 × 480 8-bit frames with
 * 60 particles each (Gaussian spots of σ = 1.6 px, peaks 30-130 counts above a background of 20,
 * shot and read noise), single-threaded; 16 frames rendered at set-up are detected in turn.
 *
 * <ul>
 *   <li>{@code detect}: one frame per operation, so ops/s = frames per second.</li>
 *   <li>{@code calibrate}: choosing the feature size and measuring the noise from 3 frames, paid
 *       once per video.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class DetectionBenchmark {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private final List<Frame> frames = new ArrayList<>();
    private final Features features = new Features();
    private Detector detector;
    private int next;

    @Setup(Level.Trial)
    public void render() {
        Random rnd = new Random(11);
        for (int k = 0; k < 16; k++) frames.add(frame(rnd));
        detector = Detector.calibrate(DetectionSettings.automatic(), frames.subList(0, 3));
        System.out.println("\n# feature diameter " + detector.chosen().featureDiameterPx() + " px, noise σ " + detector.noiseSigma());
    }

    @Benchmark
    public int detect() {
        detector.detect(frames.get(next++ & 15), features);
        return features.count();
    }

    @Benchmark
    public Detector calibrate() {
        return Detector.calibrate(DetectionSettings.automatic(), frames.subList(0, 3));
    }

    private static Frame frame(Random rnd) {
        double sigma = 1.6;
        double[] ideal = new double[WIDTH * HEIGHT];
        java.util.Arrays.fill(ideal, 20);
        for (int p = 0; p < 60; p++) {
            double cx = 10 + (WIDTH - 20) * rnd.nextDouble();
            double cy = 10 + (HEIGHT - 20) * rnd.nextDouble();
            double peak = 30 + 100 * rnd.nextDouble();
            for (int y = (int) cy - 8; y <= (int) cy + 8; y++) {
                for (int x = (int) cx - 8; x <= (int) cx + 8; x++) {
                    if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) continue;
                    double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    ideal[y * WIDTH + x] += peak * Math.exp(-r2 / (2 * sigma * sigma));
                }
            }
        }
        Frame f = new Frame(WIDTH, HEIGHT, 8);
        float[] px = f.pixels();
        for (int i = 0; i < px.length; i++) {
            double v = ideal[i] + Math.sqrt(ideal[i]) * rnd.nextGaussian() + 2 * rnd.nextGaussian();
            px[i] = (float) Math.max(0, Math.min(255, Math.rint(v)));
        }
        return f;
    }
}
