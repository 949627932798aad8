package org.exotrace.nta.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.exotrace.nta.video.Frame;
import org.exotrace.nta.video.VideoFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered video against its own ground truth: spot position and mass, camera noise theory,
 * saturation, particle density, and the spot's elongation by motion blur.
 */
class VideoRendererTest {

    /** A viscosity so high that D is about 1e-9 µm²/s: the particle stands still. */
    private static final double TAR = 1e9;

    private static VideoRenderer.Builder small() {
        return VideoRenderer.builder().size(64, 48).frames(20).exposureSeconds(1.0 / 90);
    }

    @Test
    void theSameSeedGivesTheSameVideoAndAnotherSeedAnotherOne() {
        float[][] a = pixels(small().seed(5).build());
        float[][] b = pixels(small().seed(5).build());
        float[][] c = pixels(small().seed(6).build());
        assertThat(a).isDeepEqualTo(b);
        assertThat(Arrays.deepEquals(a, c)).isFalse();
        VideoRenderer noisy = small().seed(5).recordPositions(true).build();
        VideoRenderer quiet = small().seed(5).recordPositions(true).noiseFree().backgroundCounts(0).build();
        pixels(noisy);
        pixels(quiet);
        assertThat(noisy.truth().get(3).xPx()).containsExactly(quiet.truth().get(3).xPx());
    }

    @Test
    void streamsTheStatedNumberOfFramesOfTheStatedSize() {
        VideoRenderer video = small().frames(7).bitDepth(16).build();
        assertThat(video.frameCount()).hasValue(7);
        assertThat(video.width()).isEqualTo(64);
        assertThat(video.height()).isEqualTo(48);
        int count = 0;
        for (Frame f = video.next(); f != null; f = video.next()) {
            assertThat(f.index()).isEqualTo(count++);
            assertThat(f.width()).isEqualTo(64);
            assertThat(f.height()).isEqualTo(48);
            assertThat(f.bitDepth()).isEqualTo(16);
            assertThat(f.pixels()).hasSize(64 * 48);
        }
        assertThat(count).isEqualTo(7);
        assertThat(video.next()).isNull();
        assertThat(video.description()).contains("7 frames", "64 × 48", "16-bit");
    }

    @Test
    void aStillParticlesSpotIsCentredOnItsTruePositionAndCarriesItsMass() {
        int checked = 0;
        for (long seed = 1; seed <= 40; seed++) {
            VideoRenderer video = VideoRenderer.builder().size(40, 40).frames(1).viscosityPaS(TAR).particlesInBox(1).marginPx(0)
                .sizes(SizeDistribution.monodisperse(150)).brightness(100, 1000).bitDepth(16).noiseFree().backgroundCounts(0)
                .psfSigmaPx(1.3).recordPositions(true).seed(seed).build();
            Frame frame = video.next();
            GroundTruthParticle p = video.truth().get(0);
            double x = p.xPx()[0];
            double y = p.yPx()[0];
            double expectedMass = p.massCounts() * video.focus(p.zUm()[0]);
            if (x < 8 || x > 31 || y < 8 || y > 31 || expectedMass < 5000) continue;
            double[] m = moments(frame, x, y, 7);
            assertThat(m[1]).as("centroid x, seed %d", seed).isCloseTo(x, within(0.01));
            assertThat(m[2]).as("centroid y, seed %d", seed).isCloseTo(y, within(0.01));
            assertThat(m[0]).as("mass, seed %d", seed).isCloseTo(expectedMass, within(0.002 * expectedMass));
            float peak = 0;
            for (float v : frame.pixels()) peak = Math.max(peak, v);
            assertThat(peak / video.expectedPeakCounts(p, 0)).as("peak, seed %d", seed).isBetween(0.85, 1.001);
            checked++;
        }
        assertThat(checked).as("seeds with the particle inside and in focus").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theReferenceParticlePeaksAtTheStatedCountsAndBrightnessGoesAsTheSixthPower() {
        VideoRenderer video = small().brightness(100, 80).build();
        double centred = GaussianSpot.erf(0.5 / (1.6 * Math.sqrt(2)));
        assertThat(video.massCounts(100) * centred * centred).isCloseTo(80, within(1e-9));
        assertThat(video.massCounts(200) / video.massCounts(100)).isCloseTo(64, within(1e-9));
        assertThat(video.massCounts(20) / video.massCounts(100)).as("the floor").isCloseTo(0.02, within(1e-12));
    }

    @Test
    void theBackgroundHasTheMeanAndVarianceOfShotReadAndRoundingNoise() {
        double background = 50;
        double gain = 2;
        double read = 3;
        VideoRenderer video = small().particlesInBox(0).backgroundCounts(background).shotNoise(gain).readNoiseCounts(read).build();
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (Frame f = video.next(); f != null; f = video.next()) {
            for (float v : f.pixels()) {
                sum += v;
                squares += v * v;
                count++;
            }
        }
        double mean = sum / count;
        double variance = squares / count - mean * mean;
        double theory = background / gain + read * read + 1.0 / 12;
        // n = 61 440 pixels: SE of the mean 0.024, of the variance 0.2 (0.6 %)
        assertThat(mean).isCloseTo(background, within(0.1));
        assertThat(variance).isCloseTo(theory, within(0.03 * theory));
    }

    @Test
    void poissonVariatesHaveTheirMeanAndVarianceOnBothSidesOfTheMethodSwitch() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        CameraNoise camera = new CameraNoise(true, 1, 0, 65535);
        for (double lambda : new double[] {0.7, 4, 12, 80, 5000}) {
            double sum = 0;
            double squares = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                double k = camera.poisson(lambda, random);
                sum += k;
                squares += k * k;
            }
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            assertThat(mean).as("mean at λ = %s", lambda).isCloseTo(lambda, within(5 * Math.sqrt(lambda / n)));
            assertThat(variance).as("variance at λ = %s", lambda).isCloseTo(lambda, within(0.02 * lambda));
        }
    }

    @Test
    void brightPixelsClipAtTheLargestLevel() {
        VideoRenderer video = small().frames(3).particlesInBox(0).backgroundCounts(252).shotNoise(1).readNoiseCounts(2).build();
        int clipped = 0;
        int total = 0;
        for (Frame f = video.next(); f != null; f = video.next()) {
            for (float v : f.pixels()) {
                assertThat(v).isBetween(0f, 255f);
                if (v == 255f) clipped++;
                total++;
            }
        }
        // a reading is N(252, 252 + 4) before rounding: P(≥ 254.5) = 1 − Φ(2.5 / 16) = 0.438
        assertThat(clipped / (double) total).isCloseTo(0.438, within(0.02));

        VideoRenderer bright = VideoRenderer.builder().size(40, 40).frames(1).viscosityPaS(TAR).particlesInBox(1).marginPx(0)
            .slabHalfDepthUm(0.01).sizes(SizeDistribution.monodisperse(300)).noiseFree().bitDepth(8).build();
        float max = 0;
        for (float v : bright.next().pixels()) max = Math.max(max, v);
        assertThat(max).isEqualTo(255f);
    }

    @Test
    void theMeanNumberOfParticlesInViewIsTheRequestedOne() {
        VideoRenderer video = VideoRenderer.builder().size(100, 100).frames(200).particlesInView(150).depthOfFieldUm(1)
            .readNoiseCounts(0).recordPositions(true).seed(4).build();
        while (video.next() != null) {
            // render every frame so that the positions are recorded
        }
        assertThat(video.meanParticlesInView()).isCloseTo(150, within(0.5));
        double inView = 0;
        for (GroundTruthParticle p : video.truth()) {
            for (int f = 0; f < 200; f++) {
                boolean inside = p.xPx()[f] >= -0.5 && p.xPx()[f] <= 99.5 && p.yPx()[f] >= -0.5 && p.yPx()[f] <= 99.5;
                if (inside && Math.abs(p.zUm()[f]) <= 1) inView++;
            }
        }
        // per frame SD about 11; the count decorrelates within a few frames, so SE about 2
        assertThat(inView / 200).isCloseTo(150, within(7.0));
    }

    @Test
    void motionBlurWidensTheSpotByTheBlurVarianceOfTheExposure() {
        double still = 1.3 * 1.3;
        double exposure = 1.0 / 60;
        VideoRenderer.Builder base = VideoRenderer.builder().size(64, 64).frames(300).fps(30).exposureSeconds(exposure)
            .pixelSizeUm(0.1).psfSigmaPx(1.3).particlesInBox(1).marginPx(0).depthOfFieldUm(1000).slabHalfDepthUm(1)
            .sizes(SizeDistribution.monodisperse(100)).brightness(100, 1000).bitDepth(16).noiseFree().backgroundCounts(0)
            .subSteps(12).recordPositions(true);
        double excess = 0;
        double excessSquares = 0;
        int spots = 0;
        double expected = 0;
        for (long seed = 1; seed <= 20; seed++) {
            VideoRenderer video = base.seed(seed).build();
            GroundTruthParticle p = video.truth().get(0);
            expected = video.blurVariancePx2(p.diffusionUm2PerS());
            for (Frame f = video.next(); f != null; f = video.next()) {
                double x = p.xPx()[f.index()];
                double y = p.yPx()[f.index()];
                if (x < 15 || x > 48 || y < 15 || y > 48) continue;
                double[] m = moments(f, x, y, 14);
                double e = 0.5 * (m[3] + m[4]) - still - 1.0 / 12;
                excess += e;
                excessSquares += e * e;
                spots++;
            }
        }
        // D = 4.5 µm²/s, tE = 16.7 ms: D·tE/3 = 2.5 px² (12 sub-steps: × (1 − 1/144)), against a still spot of 1.69 + 1/12 px²
        double diffusionPx2 = base.build().truth().get(0).diffusionUm2PerS() / 0.01;
        assertThat(expected).isCloseTo(diffusionPx2 * exposure / 3, within(0.01 * expected));
        double mean = excess / spots;
        double standardError = Math.sqrt((excessSquares / spots - mean * mean) / spots);
        assertThat(standardError).as("the sample resolves a 10 %% error").isLessThan(0.025 * expected);
        assertThat(mean).isCloseTo(expected, within(4 * standardError));

        VideoRenderer stillVideo;
        long seed = 1;
        do {
            stillVideo = base.viscosityPaS(TAR).seed(seed++).build();
            stillVideo.next();
        } while (!clearOfEdges(stillVideo.truth().get(0), 15, 48));
        GroundTruthParticle p = stillVideo.truth().get(0);
        Frame f = stillVideo.next();
        double[] m = moments(f, p.xPx()[0], p.yPx()[0], 14);
        assertThat(0.5 * (m[3] + m[4])).as("still spot second moment").isCloseTo(still + 1.0 / 12, within(0.03));
    }

    @Test
    void theExposureCentroidsCarryTheMotionBlurAndTheDiffusionOfTheParticles() {
        double fps = 30;
        double dt = 1 / fps;
        double pixel = 0.166;
        int frames = 300;
        VideoRenderer video = VideoRenderer.builder().size(8, 8).frames(frames).fps(fps).exposureSeconds(dt / 3).pixelSizeUm(pixel)
            .particlesInBox(400).marginPx(2000).sizes(SizeDistribution.monodisperse(100)).recordPositions(true).seed(11).build();
        while (video.next() != null) {
            // positions are recorded as the frames are rendered
        }
        double squares = 0;
        double products = 0;
        long nSquares = 0;
        long nProducts = 0;
        for (GroundTruthParticle p : video.truth()) {
            for (float[] axis : new float[][] {p.xPx(), p.yPx()}) {
                for (int f = 0; f + 1 < frames; f++) {
                    double step = axis[f + 1] - axis[f];
                    squares += step * step;
                    nSquares++;
                    if (f + 2 < frames) {
                        products += step * (axis[f + 2] - axis[f + 1]);
                        nProducts++;
                    }
                }
            }
        }
        double meanSquare = squares / nSquares * pixel * pixel;
        double lagOne = products / nProducts * pixel * pixel;
        double d = video.truth().get(0).diffusionUm2PerS();
        // Berglund: per axis <Δ²> = 2DΔt(1 − 2R), <Δₙ Δₙ₊₁> = 2RDΔt, with R = 1/18 · (1 − 1/256)
        assertThat(meanSquare / (2 * d * dt)).isCloseTo(1 - 2 * video.motionBlur(), within(0.01));
        assertThat(lagOne / (2 * d * dt)).isCloseTo(video.motionBlur(), within(0.006));
        // the covariance estimator (Vestergaard et al. 2014) returns D
        assertThat(meanSquare / (2 * dt) + lagOne / dt).isCloseTo(d, within(0.02 * d));
    }

    @Test
    void theMotionBlurCoefficientIsAThirdOfTheFullFramesForAThirdOfTheFrame() {
        VideoRenderer video = small().fps(30).exposureSeconds(1.0 / 90).subSteps(16).build();
        assertThat(video.motionBlur()).isCloseTo(1.0 / 18 * (1 - 1.0 / 256), within(1e-12));
        assertThat(small().exposureSeconds(0).build().motionBlur()).isZero();
    }

    @Test
    void refusesAnExposureLongerThanTheFrame() {
        assertThatThrownBy(() -> small().fps(30).exposureSeconds(0.05).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exposure");
        assertThatThrownBy(() -> small().bitDepth(12).build()).hasMessageContaining("bit depth");
    }

    @Test
    void writesNumberedGreyImagesThatReadBackAsTheFrames(@TempDir Path folder) throws IOException, VideoFormatException {
        for (int bits : new int[] {8, 16}) {
            Path out = folder.resolve("b" + bits);
            VideoRenderer.writeFrames(small().frames(3).bitDepth(bits).brightness(100, bits == 8 ? 100 : 3000).build(), out, "png");
            List<float[]> frames = new ArrayList<>();
            VideoRenderer again = small().frames(3).bitDepth(bits).brightness(100, bits == 8 ? 100 : 3000).build();
            for (Frame f = again.next(); f != null; f = again.next()) frames.add(f.pixels().clone());
            for (int i = 0; i < 3; i++) {
                Path file = out.resolve(String.format("frame_%05d.png", i));
                assertThat(file).exists();
                BufferedImage image = ImageIO.read(file.toFile());
                assertThat(image.getRaster().getSampleModel().getSampleSize(0)).isEqualTo(bits);
                float[] expected = frames.get(i);
                for (int y = 0; y < 48; y++) {
                    for (int x = 0; x < 64; x++) {
                        assertThat((float) image.getRaster().getSample(x, y, 0)).isEqualTo(expected[y * 64 + x]);
                    }
                }
            }
            try (var listing = Files.list(out)) {
                assertThat(listing.count()).isEqualTo(3);
            }
        }
        VideoRenderer.writeFrames(small().frames(1).bitDepth(16).build(), folder.resolve("tif"), "tif");
        BufferedImage tiff = ImageIO.read(folder.resolve("tif").resolve("frame_00000.tif").toFile());
        Frame first = small().frames(1).bitDepth(16).build().next();
        assertThat((float) tiff.getRaster().getSample(5, 7, 0)).isEqualTo(first.pixels()[7 * 64 + 5]);
        assertThatThrownBy(() -> VideoRenderer.writeFrames(small().build(), folder, "jpg")).hasMessageContaining("png or tif");
    }

    private static boolean clearOfEdges(GroundTruthParticle p, double low, double high) {
        return Math.min(p.xPx()[0], p.yPx()[0]) > low && Math.max(p.xPx()[0], p.yPx()[0]) < high;
    }

    /** Mass, centroid x, y and the variance about the centroid along x and y, over a (2r+1)² window around (x0, y0). */
    private static double[] moments(Frame frame, double x0, double y0, int r) {
        int cx = (int) Math.rint(x0);
        int cy = (int) Math.rint(y0);
        float[] p = frame.pixels();
        double m = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        for (int y = Math.max(0, cy - r); y <= Math.min(frame.height() - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(frame.width() - 1, cx + r); x++) {
                double v = p[y * frame.width() + x];
                m += v;
                sx += v * x;
                sy += v * y;
                sxx += v * x * x;
                syy += v * y * y;
            }
        }
        double mx = sx / m;
        double my = sy / m;
        return new double[] {m, mx, my, sxx / m - mx * mx, syy / m - my * my};
    }

    private static float[][] pixels(VideoRenderer video) {
        List<float[]> frames = new ArrayList<>();
        for (Frame f = video.next(); f != null; f = video.next()) frames.add(f.pixels().clone());
        return frames.toArray(new float[0][]);
    }
}
