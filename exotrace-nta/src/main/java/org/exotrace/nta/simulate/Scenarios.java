package org.exotrace.nta.simulate;

/**
 * Realistic NTA videos to render, as builders to adjust (frames, seed, size) before
 * {@link VideoRenderer.Builder#build()}. All share one instrument: a 640 × 480 8-bit camera at
 * 30 fps with a 1/90 s shutter (a third of the frame: R = 1/18 · (1 − 1/256), not the full-frame
 * 1/6), 0.166 µm per px, a Gaussian PSF of SD 1.5 px (0.25 µm, an NA 0.4 objective at 488 nm),
 * depth of field 1.5 µm in a ±6 µm slab, 40 particles in view (|z| ≤ dof), water at 22 °C (Vogel
 * viscosity), background 20 counts, shot noise at 2 photons per count, read noise 2 counts
 * (noise SD 3.75 counts), d⁶ brightness with a 100 nm particle peaking 80 counts above background
 * (so a 200 nm one saturates and a 70 nm one peaks about 9), 300 frames, seed 1.
 *
 * <p>Bear in mind when sizing them: brighter (larger) particles stay visible further from focus,
 * so they give more and longer tracks than their share of the sample, as in a real instrument; and
 * the video holds a finite sample of particles, whose own median ({@link VideoRenderer#medianDiameterNm()})
 * differs from the distribution's by a few percent for a polydisperse sample.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** 100 nm monodisperse particles (polystyrene-bead-like): D = 4.5 µm²/s, about 3.3 px RMS step per axis. */
    public static VideoRenderer.Builder monodisperse100nm() {
        return instrument().sizes(SizeDistribution.monodisperse(100));
    }

    /** Lognormal sizes, median 120 nm, geometric SD 1.35 (an exosome-like preparation; 5-95 % from 73 to 197 nm). */
    public static VideoRenderer.Builder lognormal120nm() {
        return instrument().sizes(SizeDistribution.lognormal(120, 1.35));
    }

    /** Equal numbers of 80 nm and 180 nm particles: two peaks 2.25 × apart in size, 1 : 130 in brightness. */
    public static VideoRenderer.Builder mixture80And180nm() {
        return instrument().sizes(SizeDistribution.mixture(new double[] {1, 1},
            SizeDistribution.monodisperse(80), SizeDistribution.monodisperse(180)));
    }

    private static VideoRenderer.Builder instrument() {
        return VideoRenderer.builder()
            .size(640, 480).frames(300).fps(30).exposureSeconds(1.0 / 90)
            .pixelSizeUm(0.166).temperatureK(295.15)
            .psfSigmaPx(1.5).depthOfFieldUm(1.5).slabHalfDepthUm(6).marginPx(16).subSteps(16)
            .particlesInView(40)
            .brightness(100, 80).scatteringExponent(6).minBrightnessFraction(0.02)
            .backgroundCounts(20).shotNoise(2).readNoiseCounts(2).bitDepth(8)
            .seed(1);
    }
}
