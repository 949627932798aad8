package org.exotrace.nta.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.exotrace.nta.video.Frame;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Ground truth: frames rendered here, Gaussian spots integrated over square pixels at known
 * sub-pixel positions on a flat background with seeded shot (Poisson) and read (Gaussian) noise,
 * quantised to whole camera units and clipped at the bit depth; and the real bead video.
 */
class DetectorTest {

    /** One rendered spot: centre (px), width (px) and integrated intensity above background (camera units). */
    record Spot(double x, double y, double sigma, double intensity) {
    }

    /** Renders a frame: background + spots, Poisson shot noise when {@code shot}, Gaussian read noise, rounded and clipped. */
    static Frame render(int w, int h, int bits, double background, List<Spot> spots, double readNoise, boolean shot, Random rnd) {
        Frame f = new Frame(w, h, bits);
        double[] ideal = new double[w * h];
        java.util.Arrays.fill(ideal, background);
        for (Spot s : spots) {
            int reach = (int) Math.ceil(6 * s.sigma()) + 1;
            int x0 = Math.max(0, (int) Math.floor(s.x()) - reach);
            int x1 = Math.min(w - 1, (int) Math.floor(s.x()) + reach);
            int y0 = Math.max(0, (int) Math.floor(s.y()) - reach);
            int y1 = Math.min(h - 1, (int) Math.floor(s.y()) + reach);
            for (int y = y0; y <= y1; y++) {
                double py = pixelShare(y, s.y(), s.sigma());
                for (int x = x0; x <= x1; x++) ideal[y * w + x] += s.intensity() * py * pixelShare(x, s.x(), s.sigma());
            }
        }
        float[] p = f.pixels();
        for (int i = 0; i < p.length; i++) {
            double v = shot ? poisson(ideal[i], rnd) : ideal[i];
            v += readNoise * rnd.nextGaussian();
            p[i] = (float) Math.max(0, Math.min(f.maxValue(), Math.rint(v)));
        }
        return f;
    }

    private static double pixelShare(int pixel, double centre, double sigma) {
        double s = sigma * Math.sqrt(2);
        return 0.5 * (SpotModel.erf((pixel + 0.5 - centre) / s) - SpotModel.erf((pixel - 0.5 - centre) / s));
    }

    private static double poisson(double mean, Random rnd) {
        if (mean > 50) return Math.rint(mean + Math.sqrt(mean) * rnd.nextGaussian());
        double l = Math.exp(-mean);
        double p = 1;
        int k = -1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k;
    }

    /** Spots on a jittered grid (spacing px apart), uniform sub-pixel positions, away from the edges. */
    static List<Spot> grid(int w, int h, int spacing, double sigma, double intensity, Random rnd) {
        List<Spot> spots = new ArrayList<>();
        for (int y = spacing; y <= h - spacing; y += spacing) {
            for (int x = spacing; x <= w - spacing; x += spacing) {
                spots.add(new Spot(x + 4 * rnd.nextDouble() - 2, y + 4 * rnd.nextDouble() - 2, sigma, intensity));
            }
        }
        return spots;
    }

    /** The integrated intensity that gives a spot of width sigma this peak pixel value above background (centred). */
    static double intensityForPeak(double peak, double sigma) {
        double share = pixelShare(0, 0, sigma);
        return peak / (share * share);
    }

    private static int nearest(Features f, double x, double y) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < f.count(); i++) {
            double d = Math.hypot(f.x(i) - x, f.y(i) - y);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    @Test
    void findsEveryParticleAboveTheThresholdAndNothingElse() {
        Random rnd = new Random(1);
        double sigma = 1.5;
        List<Spot> spots = grid(256, 256, 30, sigma, intensityForPeak(40, sigma), rnd);
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) frames.add(render(256, 256, 8, 20, spots, 2, true, rnd));
        Detector d = Detector.calibrate(DetectionSettings.automatic(), frames);
        Features f = new Features();
        for (Frame frame : frames) {
            d.detect(frame, f);
            assertThat(f.count()).isEqualTo(spots.size());
            for (Spot s : spots) {
                int i = nearest(f, s.x(), s.y());
                assertThat(Math.hypot(f.x(i) - s.x(), f.y(i) - s.y())).isLessThan(0.5);
                assertThat(f.saturated(i)).isFalse();
                assertThat(f.overlapping(i)).isFalse();
            }
        }
    }

    @Test
    void findsDarkParticlesOnABrightBackgroundAsInBrightField() {
        Random rnd = new Random(12);
        double sigma = 1.8;
        List<Spot> spots = grid(256, 256, 32, sigma, -intensityForPeak(100, sigma), rnd);
        Frame frame = render(256, 256, 8, 180, spots, 2, true, rnd);
        Detector d = Detector.calibrate(DetectionSettings.automatic(), List.of(frame));
        assertThat(d.darkParticles()).isTrue();
        Features f = new Features();
        d.detect(frame, f);
        assertThat(f.count()).isEqualTo(spots.size());
        for (Spot s : spots) {
            int i = nearest(f, s.x(), s.y());
            assertThat(Math.hypot(f.x(i) - s.x(), f.y(i) - s.y())).isLessThan(0.5);
            assertThat(f.mass(i)).isPositive();
            assertThat(f.peak(i)).isLessThan(180);
        }
        Frame bright = render(256, 256, 8, 20, grid(256, 256, 32, sigma, intensityForPeak(50, sigma), rnd), 2, true, rnd);
        assertThat(Detector.calibrate(DetectionSettings.automatic(), List.of(bright)).darkParticles()).isFalse();
    }

    @Test
    void falsePositivesInPureNoiseStayWithinTheGaussianTailRate() {
        Random rnd = new Random(2);
        List<Frame> calibration = new ArrayList<>();
        for (int i = 0; i < 3; i++) calibration.add(render(256, 256, 16, 500, List.of(), 8, false, rnd));
        Detector strict = Detector.calibrate(new DetectionSettings(11, 5, 0), calibration);
        // The bare peak threshold at 4 σ, without the noise-spike mass cut of a calibrated detector.
        Detector d = Detector.uncalibrated(new DetectionSettings(11, 4, 0), strict.noiseSigma());
        Features f = new Features();
        int frames = 120;
        long found = 0;
        long foundStrict = 0;
        for (int k = 0; k < frames; k++) {
            Frame frame = render(256, 256, 16, 500, List.of(), 8, false, rnd);
            d.detect(frame, f);
            found += f.count();
            strict.detect(frame, f);
            foundStrict += f.count();
        }
        // Every false feature needs at least one band-passed pixel above u σ, a Gaussian tail Q(u) per
        // pixel; with the filter's correlation each excursion spans a few pixels, so the bare peak
        // threshold's count lies between a tenth of the tail rate and the tail rate. The calibrated
        // detector (with its mass cut) stays below the tail rate.
        long pixels = (long) frames * (256 - 10) * (256 - 10);
        double tail4 = pixels * 3.167e-5;
        double tail5 = pixels * 2.867e-7;
        System.out.printf("false features in %d noise frames: %d at 4 sigma (tail bound %.0f), %d at 5 sigma (tail bound %.1f)%n",
                frames, found, tail4, foundStrict, tail5);
        assertThat((double) found).isBetween(0.1 * tail4, tail4);
        assertThat((double) foundStrict).isLessThanOrEqualTo(tail5 + 3 * Math.sqrt(tail5) + 1);
    }

    @Test
    void locatesToATenthOfAPixelWithoutPixelLocking() {
        Random rnd = new Random(3);
        double sigma = 1.5;
        double readNoise = 10;
        double peak = 20 * readNoise;
        int[] histogram = new int[10];
        double sumSq = 0;
        double sumAbsFrac = 0;
        int n = 0;
        List<List<Spot>> truth = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            List<Spot> spots = grid(256, 256, 24, sigma, intensityForPeak(peak, sigma), rnd);
            truth.add(spots);
            frames.add(render(256, 256, 16, 1000, spots, readNoise, false, rnd));
        }
        Detector d = Detector.calibrate(DetectionSettings.automatic(), frames.subList(0, 3));
        Features f = new Features();
        for (int k = 0; k < frames.size(); k++) {
            d.detect(frames.get(k), f);
            for (Spot s : truth.get(k)) {
                int i = nearest(f, s.x(), s.y());
                double dx = f.x(i) - s.x();
                double dy = f.y(i) - s.y();
                sumSq += dx * dx + dy * dy;
                double frac = f.x(i) - Math.floor(f.x(i));
                histogram[(int) (frac * 10)]++;
                sumAbsFrac += Math.abs(frac - 0.5);
                n++;
            }
        }
        double rms = Math.sqrt(sumSq / (2 * n));
        double chi2 = 0;
        for (int c : histogram) chi2 += (c - n / 10.0) * (c - n / 10.0) / (n / 10.0);
        System.out.printf("localisation at SNR 20: %d spots, RMS error per axis %.4f px, mean |frac - 0.5| %.3f, chi2(9) %.1f%n",
                n, rms, sumAbsFrac / n, chi2);
        assertThat(rms).isLessThan(0.1);
        assertThat(sumAbsFrac / n).isCloseTo(0.25, within(0.03));
        assertThat(chi2).isLessThan(27.9);
    }

    @Test
    void massIsProportionalToBrightness() {
        Random rnd = new Random(4);
        double sigma = 1.5;
        double base = intensityForPeak(30, sigma);
        List<Spot> spots = List.of(new Spot(40.3, 40.7, sigma, base), new Spot(100.6, 40.2, sigma, 2 * base),
                new Spot(40.1, 100.5, sigma, 4 * base), new Spot(100.9, 100.4, sigma, 8 * base));
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) frames.add(render(140, 140, 16, 300, spots, 2, false, rnd));
        Detector d = Detector.calibrate(new DetectionSettings(11, 5, 0), frames.subList(0, 2));
        Features f = new Features();
        double[] mass = new double[spots.size()];
        for (Frame frame : frames) {
            d.detect(frame, f);
            for (int s = 0; s < spots.size(); s++) mass[s] += f.mass(nearest(f, spots.get(s).x(), spots.get(s).y())) / frames.size();
        }
        for (int s = 1; s < spots.size(); s++) assertThat(mass[s] / mass[0]).isCloseTo(spots.get(s).intensity() / base, within(0.03 * spots.get(s).intensity() / base));
    }

    @Test
    void measuresTheBandPassedNoiseWithinTenPercentDespiteParticles() {
        for (int bits : new int[] {8, 16}) {
            Random rnd = new Random(5 + bits);
            double readNoise = bits == 8 ? 3 : 12;
            double background = bits == 8 ? 30 : 800;
            List<Spot> spots = grid(256, 256, 32, 1.5, intensityForPeak(bits == 8 ? 150 : 3000, 1.5), rnd);
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < 3; i++) frames.add(render(256, 256, bits, background, spots, readNoise, true, rnd));
            Detector d = Detector.calibrate(new DetectionSettings(11, 5, 0), frames);
            // Truth: the band-pass applied directly (2-D kernel, no running sums) to noise alone, same
            // background and noise model: the standard deviation of the result.
            Frame noise = render(256, 256, bits, background, List.of(), readNoise, true, rnd);
            double truth = directBandPassStd(noise, 11);
            System.out.printf("%d-bit: band-passed noise sigma %.3f measured with %d particles in view, %.3f true%n", bits, d.noiseSigma(), spots.size(), truth);
            assertThat(d.noiseSigma()).isCloseTo(truth, within(0.1 * truth));
        }
    }

    /** Gaussian (σ = 1, 7 taps, normalised) minus box mean (diameter), as a 2-D sum over interior pixels; the result's standard deviation. */
    private static double directBandPassStd(Frame f, int diameter) {
        double[] g = new double[7];
        double gs = 0;
        for (int i = -3; i <= 3; i++) gs += g[i + 3] = Math.exp(-i * i / 2.0);
        int r = diameter / 2;
        int w = f.width();
        float[] p = f.pixels();
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = r; y < f.height() - r; y += 3) {
            for (int x = r; x < w - r; x += 3) {
                double smooth = 0;
                for (int j = -3; j <= 3; j++) {
                    for (int i = -3; i <= 3; i++) smooth += g[i + 3] * g[j + 3] / (gs * gs) * p[(y + j) * w + x + i];
                }
                double box = 0;
                for (int j = -r; j <= r; j++) {
                    for (int i = -r; i <= r; i++) box += p[(y + j) * w + x + i];
                }
                double v = smooth - box / (diameter * diameter);
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        return Math.sqrt(sumSq / n - (sum / n) * (sum / n));
    }

    @Test
    void choosesALargerFeatureDiameterForWiderSpots() {
        int previous = 0;
        for (double sigma : new double[] {1.0, 1.6, 2.5, 4.0}) {
            Random rnd = new Random(6);
            List<Spot> spots = grid(256, 256, 40, sigma, intensityForPeak(60, sigma), rnd);
            List<Frame> frames = List.of(render(256, 256, 8, 20, spots, 3, true, rnd));
            Detector d = Detector.calibrate(DetectionSettings.automatic(), frames);
            int chosen = d.chosen().featureDiameterPx();
            System.out.printf("PSF sigma %.1f px: feature diameter %d px chosen (rule gives %d)%n", sigma, chosen, Detector.diameterFor(sigma));
            assertThat(d.featureSizeFromData()).isTrue();
            assertThat(chosen % 2).isEqualTo(1);
            assertThat(chosen).isGreaterThan(previous);
            assertThat(Math.abs(chosen - Detector.diameterFor(sigma))).isLessThanOrEqualTo(2);
            previous = chosen;
        }
    }

    @Test
    void flagsSaturatedAndOverlappingFeatures() {
        Random rnd = new Random(7);
        double sigma = 1.5;
        List<Spot> spots = List.of(new Spot(40.2, 40.4, sigma, intensityForPeak(600, sigma)),
                new Spot(100.3, 40.6, sigma, intensityForPeak(60, sigma)),
                new Spot(40.5, 100.2, sigma, intensityForPeak(60, sigma)), new Spot(48.5, 101.2, sigma, intensityForPeak(60, sigma)));
        Frame frame = render(150, 150, 8, 20, spots, 2, false, rnd);
        Detector d = Detector.calibrate(new DetectionSettings(11, 5, 0), List.of(frame));
        Features f = new Features();
        d.detect(frame, f);
        assertThat(f.count()).isEqualTo(4);
        int bright = nearest(f, 40.2, 40.4);
        int lone = nearest(f, 100.3, 40.6);
        assertThat(f.saturated(bright)).isTrue();
        assertThat(f.peak(bright)).isEqualTo(255);
        assertThat(f.saturated(lone)).isFalse();
        assertThat(f.overlapping(lone)).isFalse();
        assertThat(f.overlapping(nearest(f, 40.5, 100.2))).isTrue();
        assertThat(f.overlapping(nearest(f, 48.5, 101.2))).isTrue();
    }

    @Test
    void dropsFeaturesWithinHalfADiameterOfTheEdge() {
        Random rnd = new Random(8);
        double sigma = 1.5;
        double i = intensityForPeak(80, sigma);
        List<Spot> spots = List.of(new Spot(2.3, 50.2, sigma, i), new Spot(50.4, 97.8, sigma, i), new Spot(0.2, 0.4, sigma, i),
                new Spot(7.4, 30.3, sigma, i), new Spot(50.2, 50.6, sigma, i));
        Frame frame = render(100, 100, 8, 20, spots, 2, false, rnd);
        Detector d = Detector.calibrate(new DetectionSettings(11, 5, 0), List.of(frame));
        Features f = new Features();
        d.detect(frame, f);
        assertThat(f.count()).isEqualTo(2);
        for (int k = 0; k < f.count(); k++) {
            assertThat(f.x(k)).isBetween(5.0, 94.0);
            assertThat(f.y(k)).isBetween(5.0, 94.0);
        }
        Frame tiny = new Frame(6, 6, 8);
        d.detect(tiny, f);
        assertThat(f.count()).isZero();
    }

    @Test
    void theMassThresholdSeparatesDetectableFromUndetectableSpots() {
        Random rnd = new Random(9);
        double sigma = 1.5;
        List<Frame> calibration = List.of(render(128, 128, 16, 500, grid(128, 128, 32, sigma, intensityForPeak(200, sigma), rnd), 8, false, rnd));
        Detector d = Detector.calibrate(new DetectionSettings(11, 5, 0), calibration);
        assertThat(d.massThreshold()).isPositive();
        Features f = new Features();
        double spotMassPerIntensity = massPerIntensity(d, sigma);
        double limit = d.massThreshold() / spotMassPerIntensity;
        d.detect(render(128, 128, 16, 500, List.of(new Spot(64, 64, sigma, 1.1 * limit)), 0, false, rnd), f);
        assertThat(f.count()).isEqualTo(1);
        assertThat(f.mass(0)).isCloseTo(1.1 * d.massThreshold(), within(0.05 * d.massThreshold()));
        d.detect(render(128, 128, 16, 500, List.of(new Spot(64, 64, sigma, 0.9 * limit)), 0, false, rnd), f);
        assertThat(f.count()).isZero();
    }

    /** The detector's mass for a noiseless bright centred spot, per unit of integrated intensity. */
    private static double massPerIntensity(Detector d, double sigma) {
        double intensity = 1e5;
        Features f = new Features();
        d.detect(render(128, 128, 16, 0, List.of(new Spot(64, 64, sigma, intensity)), 0, false, new Random(0)), f);
        return f.mass(0) / intensity;
    }

    @Test
    void aCopyDetectsTheSameFeaturesWithItsOwnBuffers() {
        Random rnd = new Random(10);
        List<Spot> spots = grid(200, 160, 25, 1.3, intensityForPeak(50, 1.3), rnd);
        Frame frame = render(200, 160, 8, 15, spots, 2, true, rnd);
        Detector d = Detector.calibrate(DetectionSettings.automatic(), List.of(frame));
        Detector copy = d.copy();
        assertThat(copy.chosen()).isEqualTo(d.chosen());
        assertThat(copy.noiseSigma()).isEqualTo(d.noiseSigma());
        Features a = new Features();
        Features b = new Features();
        d.detect(frame, a);
        copy.detect(frame, b);
        assertThat(b.count()).isEqualTo(a.count()).isPositive();
        for (int i = 0; i < a.count(); i++) assertThat(b.x(i)).isEqualTo(a.x(i));
    }

    @Test
    void refusesToCalibrateWithoutFrames() {
        assertThatThrownBy(() -> Detector.calibrate(DetectionSettings.automatic(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one frame");
    }

    @Test
    void findsAPlausibleNumberOfBeadsInTheRealVideo() throws IOException {
        String shared = System.getProperty("exotrace.shared.data");
        Path folder = shared == null ? null : Path.of(shared, "bulk_water");
        Assumptions.assumeTrue(folder != null && Files.isDirectory(folder),
                "the real bead video (exotrace.shared.data/bulk_water) is not here; skipping the real-data check");
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) frames.add(readGrey(folder.resolve(String.format("bulk_water_%03d.png", i))));
        Detector d = Detector.calibrate(DetectionSettings.automatic(), frames);
        Features f = new Features();
        d.detect(frames.get(0), f);
        int first = f.count();
        d.detect(readGrey(folder.resolve("bulk_water_150.png")), f);
        int later = f.count();
        System.out.printf("bulk_water: %d features in frame 0, %d in frame 150; diameter %d px chosen from the data, dark particles %b,"
                + " noise sigma %.3f, mass threshold %.1f%n",
                first, later, d.chosen().featureDiameterPx(), d.darkParticles(), d.noiseSigma(), d.massThreshold());
        assertThat(d.darkParticles()).as("bright-field beads are darker than the background").isTrue();
        // 1 um beads at 2.85 px/um image as dark dots about 5 px across; trackpy used 11 px.
        assertThat(d.chosen().featureDiameterPx()).isBetween(9, 17);
        // Hundreds of dots, in and out of focus, are visible by eye in a frame; trackpy's mass cut kept
        // 20-80 of them. At 5 sigma and no mass cut the count must lie between, and hold steady over time.
        assertThat(first).isBetween(50, 800);
        assertThat((double) later / first).isBetween(0.7, 1.4);
    }

    /** An 8-bit RGBA PNG as grey: the mean of the colour channels. */
    private static Frame readGrey(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        Frame f = new Frame(img.getWidth(), img.getHeight(), 8);
        float[] p = f.pixels();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                p[y * img.getWidth() + x] = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3f;
            }
        }
        return f;
    }
}
