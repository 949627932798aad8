package org.exotrace.nta.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;

/**
 * Brownian dynamics of spheres in a light sheet, observed by a camera: synthetic NTA data with
 * ground truth.
 *
 * <p>Geometry: the field of view is x ∈ [0, width], y ∈ [0, height]; the sheet is |z| &lt;
 * thickness / 2. Particles live in that region padded by {@code marginUm} on every side, start
 * uniformly distributed there, and diffuse in 3D with D = k_B T / (3 π η d) (Stokes-Einstein) plus
 * a constant flow (drift) in x and y. A particle that leaves the padded box re-enters at the
 * periodic image of its position, keeping its diameter, under a new track id: the number and the
 * size composition of the particles in the volume stay those of the sample. (Drawing a fresh
 * diameter on re-entry would enrich the volume in large particles, which leave it less often.)
 *
 * <p>Observation: in each frame the camera reports the position averaged over the exposure (the
 * first {@code exposureSeconds} of the frame, integrated exactly over sub-steps: motion blur
 * R = tE / (6 dt)) plus Gaussian localization noise of SD σ per axis. A particle is observed while
 * its blurred position is inside the field and the sheet; its track ends at the first frame it is
 * not (no gap closing), so small, fast particles give more and shorter tracks, the known bias of
 * NTA. Detection is otherwise perfect (no intensity threshold).
 *
 * <p>Deterministic: the same settings, size distribution and seed give the same output.
 */
public final class BrownianSimulator {

    private final Settings settings;

    public BrownianSimulator(Settings settings) {
        this.settings = settings;
    }

    /**
     * Simulation settings (µm, s, K, Pa·s).
     *
     * @param sheetThicknessUm    light-sheet thickness (the observed depth)
     * @param fieldWidthUm        field of view along x
     * @param fieldHeightUm       field of view along y
     * @param marginUm            padding of the simulated volume around the observed one
     * @param framesPerSecond     camera frame rate
     * @param exposureSeconds     exposure per frame, 0 (instantaneous) to 1/fps (full frame)
     * @param localizationSdUm    localization noise SD σ per axis
     * @param driftXUmPerFrame    constant flow along x, µm per frame
     * @param driftYUmPerFrame    constant flow along y, µm per frame
     * @param temperatureKelvin   temperature
     * @param viscosityPaS        viscosity of the medium
     * @param particlesInVolume   number of particles in the padded volume (kept constant)
     * @param frames              number of frames to simulate
     * @param subSteps            exposure sub-steps per frame
     */
    public record Settings(double sheetThicknessUm, double fieldWidthUm, double fieldHeightUm, double marginUm,
                           double framesPerSecond, double exposureSeconds, double localizationSdUm,
                           double driftXUmPerFrame, double driftYUmPerFrame, double temperatureKelvin,
                           double viscosityPaS, int particlesInVolume, int frames, int subSteps) {

        public Settings {
            positive(sheetThicknessUm, "sheet thickness");
            positive(fieldWidthUm, "field width");
            positive(fieldHeightUm, "field height");
            positive(framesPerSecond, "frame rate");
            positive(temperatureKelvin, "temperature");
            positive(viscosityPaS, "viscosity");
            if (!(marginUm >= 0)) throw new IllegalArgumentException("margin must be >= 0: " + marginUm);
            if (!(localizationSdUm >= 0)) throw new IllegalArgumentException("localization SD must be >= 0: " + localizationSdUm);
            if (!(exposureSeconds >= 0 && exposureSeconds <= 1 / framesPerSecond * (1 + 1e-12))) {
                throw new IllegalArgumentException("exposure must be in [0, 1/fps]: " + exposureSeconds);
            }
            if (!Double.isFinite(driftXUmPerFrame) || !Double.isFinite(driftYUmPerFrame)) {
                throw new IllegalArgumentException("drift must be finite");
            }
            if (particlesInVolume < 1 || frames < 1 || subSteps < 1) {
                throw new IllegalArgumentException("need at least one particle, frame and sub-step");
            }
        }

        private static void positive(double v, String what) {
            if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " must be positive: " + v);
        }

        /**
         * A NanoSight-like setup: 10 µm sheet, 100 × 80 µm field, 10 µm margin, 25 fps full-frame
         * exposure, σ = 0.05 µm, no drift, 22 °C water (0.955 mPa·s), 200 particles, 500 frames,
         * 10 sub-steps.
         */
        public static Settings nanoSightLike() {
            return new Settings(10, 100, 80, 10, 25, 1.0 / 25, 0.05, 0, 0, 295.15, 0.955e-3, 200, 500, 10);
        }

        public Settings withSheetThickness(double um) {
            return new Settings(um, fieldWidthUm, fieldHeightUm, marginUm, framesPerSecond, exposureSeconds,
                localizationSdUm, driftXUmPerFrame, driftYUmPerFrame, temperatureKelvin, viscosityPaS,
                particlesInVolume, frames, subSteps);
        }

        public Settings withField(double widthUm, double heightUm) {
            return new Settings(sheetThicknessUm, widthUm, heightUm, marginUm, framesPerSecond, exposureSeconds,
                localizationSdUm, driftXUmPerFrame, driftYUmPerFrame, temperatureKelvin, viscosityPaS,
                particlesInVolume, frames, subSteps);
        }

        public Settings withDrift(double xUmPerFrame, double yUmPerFrame) {
            return new Settings(sheetThicknessUm, fieldWidthUm, fieldHeightUm, marginUm, framesPerSecond, exposureSeconds,
                localizationSdUm, xUmPerFrame, yUmPerFrame, temperatureKelvin, viscosityPaS,
                particlesInVolume, frames, subSteps);
        }

        public Settings withRun(int particles, int frameCount) {
            return new Settings(sheetThicknessUm, fieldWidthUm, fieldHeightUm, marginUm, framesPerSecond, exposureSeconds,
                localizationSdUm, driftXUmPerFrame, driftYUmPerFrame, temperatureKelvin, viscosityPaS,
                particles, frameCount, subSteps);
        }

        public double frameSeconds() {
            return 1 / framesPerSecond;
        }

        /** The motion-blur coefficient R = tE / (6 dt) of this uniform exposure. */
        public double motionBlur() {
            return exposureSeconds * framesPerSecond / 6;
        }
    }

    /**
     * Runs the simulation, reporting positions frame by frame.
     *
     * @return the ground truth of every track, in order of track id
     */
    public List<GroundTruth> run(SizeDistribution sizes, long seed, PositionListener listener) {
        Settings s = settings;
        RandomGenerator random = new SplittableRandom(seed);
        double[] lo = {-s.marginUm(), -s.marginUm(), -s.sheetThicknessUm() / 2 - s.marginUm()};
        double[] hi = {s.fieldWidthUm() + s.marginUm(), s.fieldHeightUm() + s.marginUm(), s.sheetThicknessUm() / 2 + s.marginUm()};
        double dt = s.frameSeconds();
        double[] velocity = {s.driftXUmPerFrame() / dt, s.driftYUmPerFrame() / dt, 0};
        List<Particle> particles = new ArrayList<>();
        for (int i = 0; i < s.particlesInVolume(); i++) {
            double[] position = new double[3];
            for (int a = 0; a < 3; a++) position[a] = lo[a] + (hi[a] - lo[a]) * random.nextDouble();
            particles.add(newParticle(sizes, random, position));
        }
        List<GroundTruth> truths = new ArrayList<>();
        long nextTrack = 0;
        double[] blurred = new double[3];
        for (int frame = 0; frame < s.frames(); frame++) {
            for (Particle p : particles) {
                for (int a = 0; a < 3; a++) {
                    blurred[a] = BlurredAxis.frame(p.position, a, p.diffusion, velocity[a], dt, s.exposureSeconds(), s.subSteps(), random);
                }
                double noiseX = s.localizationSdUm() * random.nextGaussian();
                double noiseY = s.localizationSdUm() * random.nextGaussian();
                GroundTruth.End outside = outside(blurred);
                if (outside == null) {
                    if (p.track < 0) {
                        p.track = nextTrack++;
                        p.firstFrame = frame;
                    }
                    listener.position(frame, p.track, blurred[0] + noiseX, blurred[1] + noiseY);
                } else if (p.track >= 0) {
                    truths.add(p.end(frame - 1, outside));
                }
                GroundTruth.End leaving = outside(p.position);
                if (wrap(p.position, lo, hi) && p.track >= 0) {
                    truths.add(p.end(frame, leaving));
                }
            }
        }
        for (Particle p : particles) {
            if (p.track >= 0) truths.add(p.end(s.frames() - 1, GroundTruth.End.RUN_ENDED));
        }
        truths.sort((a, b) -> Long.compare(a.particle(), b.particle()));
        return truths;
    }

    private GroundTruth.End outside(double[] r) {
        if (Math.abs(r[2]) >= settings.sheetThicknessUm() / 2) return GroundTruth.End.LEFT_SHEET;
        if (r[0] < 0 || r[0] > settings.fieldWidthUm() || r[1] < 0 || r[1] > settings.fieldHeightUm()) {
            return GroundTruth.End.LEFT_FIELD;
        }
        return null;
    }

    private static boolean wrap(double[] r, double[] lo, double[] hi) {
        boolean wrapped = false;
        for (int a = 0; a < 3; a++) {
            double size = hi[a] - lo[a];
            if (r[a] < lo[a] || r[a] >= hi[a]) {
                r[a] = lo[a] + ((r[a] - lo[a]) % size + size) % size;
                wrapped = true;
            }
        }
        return wrapped;
    }

    private Particle newParticle(SizeDistribution sizes, RandomGenerator random, double[] position) {
        Particle p = new Particle(position);
        p.renew(sizes, random);
        return p;
    }

    private final class Particle {
        final double[] position;
        double diameterNm;
        double diffusion;
        long track = -1;
        int firstFrame;

        Particle(double[] position) {
            this.position = position;
        }

        void renew(SizeDistribution sizes, RandomGenerator random) {
            diameterNm = sizes.sampleNm(random);
            diffusion = new StokesEinstein(Temperature.ofKelvin(settings.temperatureKelvin()), Viscosity.ofPascalSeconds(settings.viscosityPaS()))
                    .diffusionUm2PerS(diameterNm);
            track = -1;
        }

        GroundTruth end(int lastFrame, GroundTruth.End why) {
            GroundTruth truth = new GroundTruth(track, diameterNm, diffusion, firstFrame, lastFrame, why);
            track = -1;
            return truth;
        }
    }
}
