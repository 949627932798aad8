package org.exotrace.nta.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.exotrace.nta.sizing.StokesEinstein;
import org.exotrace.nta.sizing.Temperature;
import org.exotrace.nta.sizing.Viscosity;
import org.exotrace.nta.sizing.WaterModel;
import org.exotrace.nta.video.Frame;
import org.exotrace.nta.video.FrameSource;
import org.exotrace.nta.video.VideoFormatException;

/**
 * A synthetic dark-field NTA video of particles of known sizes, rendered frame by frame: the ground
 * truth for detection, linking and sizing from raw video. Memory does not depend on the number of
 * frames (unless positions are recorded for the truth).
 *
 * <p><b>Volume and motion.</b> Particles fill a box: x and y over the frame plus a margin of
 * {@code marginPx} on every side, z (µm from the focal plane) in |z| ≤ {@code slabHalfDepthUm}. They
 * start uniformly distributed and diffuse in 3-D with D = k_B T / (3 π η d) (Stokes-Einstein,
 * {@link StokesEinstein}); the box walls reflect, which keeps the uniform distribution and so the
 * mean number of particles in view steady, and no particle jumps. A particle keeps its id for the
 * whole video; it dims as it leaves the focal plane and leaves the field, so tracks end and begin.
 *
 * <p><b>Exposure and motion blur.</b> The shutter is open for the first {@code exposureSeconds} of
 * each frame interval Δt = 1/fps. The exposure is split into n = {@code subSteps} equal sub-steps and
 * the spot is drawn at the middle of each, with weight 1/n: the spot is smeared along the path, its
 * centroid is the mean position over the exposure (the truth's x, y), and the motion-blur
 * coefficient of the centroids is R = tE / (6 Δt) · (1 − 1/n²) (the shutter function's
 * ∫ S(1 − S) dt / Δt, Berglund, Phys. Rev. E 82, 011917, 2010; {@link #motionBlur()}). The spot's
 * spatial variance per axis exceeds the still PSF's by 2Dh [(n − 1)/2 − Σᵢⱼ min(i, j) / n²], h = tE/n,
 * which tends to D·tE/3.
 *
 * <p><b>Optics.</b> The point-spread function is a Gaussian of SD {@code psfSigmaPx}, integrated over
 * each pixel ({@link GaussianSpot}). The scattered intensity follows Rayleigh's d⁶ law: the spot's
 * integrated intensity is m(d) = m_ref · max((d / d_ref)^p, f_min), p = {@code scatteringExponent}
 * (6), with m_ref chosen so that a particle of the reference diameter, in focus and centred on a
 * pixel, peaks {@code referencePeakCounts} above the background; the floor f_min keeps the smallest
 * particles dim rather than invisible. Out of focus the intensity falls as exp(−z² / (2 dof²)), z the
 * mean height over the exposure (z moves by much less than dof during one).
 *
 * <p><b>Camera.</b> A uniform background level, photon shot noise (Poisson, with a gain in photons per
 * count), Gaussian read noise, rounding to whole counts and clipping at 2^bits − 1 (saturation), see
 * {@link CameraNoise}.
 *
 * <p><b>Determinism.</b> Motion and sizes come from one {@link SplittableRandom} seeded with
 * {@code seed}, camera noise from a stream split off it: the same seed gives the same video, and the
 * same trajectories whatever the camera settings.
 */
public final class VideoRenderer implements FrameSource {

    private final Builder settings;
    private final int n;
    private final double frameSeconds;
    private final double referenceMass;
    private final double centralShare;
    private final double[] lo;
    private final double[] hi;
    private final double[][] position;
    private final double[] sdXyPx;
    private final double[] sdZUm;
    private final double[] mass;
    private final List<GroundTruthParticle> truth;
    private final SplittableRandom motion;
    private final SplittableRandom noise;
    private final GaussianSpot spot;
    private final CameraNoise camera;
    private final double[] expected;
    private final double[] subX;
    private final double[] subY;
    private final Frame frame;
    private int nextIndex;
    private boolean closed;

    private VideoRenderer(Builder b) {
        this.settings = b.copy();
        this.n = b.exposureSeconds > 0 ? b.subSteps : 1;
        this.frameSeconds = 1 / b.fps;
        this.spot = new GaussianSpot(b.psfSigmaPx);
        double centred = GaussianSpot.erf(0.5 / (b.psfSigmaPx * Math.sqrt(2)));
        this.centralShare = centred * centred;
        this.referenceMass = b.referencePeakCounts / centralShare;
        this.lo = new double[] {-0.5 - b.marginPx, -0.5 - b.marginPx, -b.slabHalfDepthUm()};
        this.hi = new double[] {b.width - 0.5 + b.marginPx, b.height - 0.5 + b.marginPx, b.slabHalfDepthUm()};
        int count = particlesInBox(b);
        StokesEinstein stokes = new StokesEinstein(Temperature.ofKelvin(b.temperatureK), b.viscosity());
        this.motion = new SplittableRandom(b.seed);
        this.noise = motion.split();
        this.position = new double[count][3];
        this.sdXyPx = new double[count];
        this.sdZUm = new double[count];
        this.mass = new double[count];
        List<GroundTruthParticle> particles = new ArrayList<>(count);
        int recorded = b.recordPositions ? b.frames : 0;
        for (int i = 0; i < count; i++) {
            double diameter = b.sizes.sampleNm(motion);
            double diffusion = stokes.diffusionUm2PerS(diameter);
            for (int a = 0; a < 3; a++) position[i][a] = lo[a] + (hi[a] - lo[a]) * motion.nextDouble();
            sdZUm[i] = Math.sqrt(2 * diffusion);
            sdXyPx[i] = sdZUm[i] / b.pixelSizeUm;
            mass[i] = massCounts(diameter);
            float[] x = new float[recorded];
            float[] y = new float[recorded];
            float[] z = new float[recorded];
            Arrays.fill(x, Float.NaN);
            Arrays.fill(y, Float.NaN);
            Arrays.fill(z, Float.NaN);
            particles.add(new GroundTruthParticle(i, diameter, diffusion, mass[i], x, y, z));
        }
        this.truth = Collections.unmodifiableList(particles);
        this.camera = new CameraNoise(b.shotNoise, b.photonsPerCount, b.readNoiseCounts, (1 << b.bitDepth) - 1);
        this.expected = new double[b.width * b.height];
        this.subX = new double[n];
        this.subY = new double[n];
        this.frame = new Frame(b.width, b.height, b.bitDepth);
    }

    private static int particlesInBox(Builder b) {
        if (b.particlesInBox >= 0) return b.particlesInBox;
        double box = (b.width + 2.0 * b.marginPx) * (b.height + 2.0 * b.marginPx) * b.slabHalfDepthUm();
        double view = (double) b.width * b.height * b.depthOfFieldUm;
        return (int) Math.round(b.particlesInView * box / view);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders the next frame: moves every particle through one frame interval, draws its blurred
     * spot, adds the camera's noise. The returned frame (and its pixel array) is reused by the next call.
     */
    @Override
    public Frame next() {
        if (closed || nextIndex >= settings.frames) return null;
        Arrays.fill(expected, settings.backgroundCounts);
        double h = settings.exposureSeconds / n;
        double rest = frameSeconds - settings.exposureSeconds;
        int f = nextIndex;
        for (int i = 0; i < position.length; i++) {
            double[] r = position[i];
            move(i, 0.5 * h);
            double sx = 0;
            double sy = 0;
            double sz = 0;
            for (int k = 0; k < n; k++) {
                if (k > 0) move(i, h);
                subX[k] = r[0];
                subY[k] = r[1];
                sx += r[0];
                sy += r[1];
                sz += r[2];
            }
            move(i, 0.5 * h + rest);
            double z = sz / n;
            double intensity = mass[i] * focus(z);
            if (intensity > 1e-3) {
                for (int k = 0; k < n; k++) spot.add(expected, settings.width, settings.height, subX[k], subY[k], intensity / n);
            }
            GroundTruthParticle t = truth.get(i);
            if (settings.recordPositions) {
                t.xPx()[f] = (float) (sx / n);
                t.yPx()[f] = (float) (sy / n);
                t.zUm()[f] = (float) z;
            }
        }
        camera.measure(expected, frame.pixels(), noise);
        frame.setIndex(f);
        nextIndex++;
        return frame;
    }

    /** Brownian motion of particle i over {@code seconds}, reflected at the box walls. */
    private void move(int i, double seconds) {
        if (!(seconds > 0)) return;
        double root = Math.sqrt(seconds);
        double[] r = position[i];
        r[0] = reflect(r[0] + sdXyPx[i] * root * motion.nextGaussian(), lo[0], hi[0]);
        r[1] = reflect(r[1] + sdXyPx[i] * root * motion.nextGaussian(), lo[1], hi[1]);
        r[2] = reflect(r[2] + sdZUm[i] * root * motion.nextGaussian(), lo[2], hi[2]);
    }

    private static double reflect(double v, double low, double high) {
        double x = v;
        for (int bounce = 0; bounce < 64 && (x < low || x > high); bounce++) x = x < low ? 2 * low - x : 2 * high - x;
        return Math.min(high, Math.max(low, x));
    }

    /**
     * The integrated intensity (camera counts above background) of an in-focus particle of this
     * diameter: m_ref · max((d / d_ref)^p, f_min).
     */
    public double massCounts(double diameterNm) {
        double relative = Math.pow(diameterNm / settings.referenceDiameterNm, settings.scatteringExponent);
        return referenceMass * Math.max(relative, settings.minBrightnessFraction);
    }

    /**
     * The peak above background of particle p's spot in frame f, were it still and centred on a pixel:
     * its in-focus mass × exp(−z² / (2 dof²)) × the central pixel's share of the PSF. The real peak is
     * lower by the sub-pixel position (down to 90 % at a pixel corner for σ = 1.5 px) and by motion blur. For link
     * tests: which particles a detector at a given threshold should find. Needs recorded positions.
     */
    public double expectedPeakCounts(GroundTruthParticle p, int frame) {
        if (!p.hasPositions()) throw new IllegalStateException("build the renderer with recordPositions(true) to know where particle " + p.id() + " is");
        return p.massCounts() * focus(p.zUm()[frame]) * centralShare;
    }

    /** The fraction of its in-focus intensity a particle at height z (µm) scatters: exp(−z² / (2 dof²)). */
    public double focus(double zUm) {
        double u = zUm / settings.depthOfFieldUm;
        return Math.exp(-0.5 * u * u);
    }

    /**
     * The motion-blur coefficient of the spot centroids, R = tE / (6 Δt) · (1 − 1/n²) with n the
     * exposure sub-steps (0 for an instantaneous exposure).
     */
    public double motionBlur() {
        if (!(settings.exposureSeconds > 0)) return 0;
        return settings.exposureSeconds / (6 * frameSeconds) * (1 - 1.0 / ((double) n * n));
    }

    /**
     * The expected variance, px² per axis, of the n sub-step positions about their mean for a particle
     * of diffusion coefficient D: what motion blur adds to the spot's second moment,
     * 2Dh [(n − 1)/2 − Σᵢⱼ min(i, j) / n²], h = tE / n, which tends to D·tE/3.
     */
    public double blurVariancePx2(double diffusionUm2PerS) {
        double h = settings.exposureSeconds / n;
        double mins = 0;
        for (int m = 0; m < n; m++) mins += m * (2.0 * (n - 1 - m) + 1);
        double d = diffusionUm2PerS / (settings.pixelSizeUm * settings.pixelSizeUm);
        return 2 * d * h * ((n - 1) / 2.0 - mins / ((double) n * n));
    }

    /** The mean number of particles in view: in the frame with |z| ≤ dof. */
    public double meanParticlesInView() {
        return position.length * (double) settings.width * settings.height * settings.depthOfFieldUm
            / ((settings.width + 2.0 * settings.marginPx) * (settings.height + 2.0 * settings.marginPx) * settings.slabHalfDepthUm());
    }

    /** The median diameter of the particles in this video (the finite sample, not the distribution), nm. */
    public double medianDiameterNm() {
        double[] d = new double[truth.size()];
        for (int i = 0; i < d.length; i++) d[i] = truth.get(i).diameterNm();
        if (d.length == 0) return Double.NaN;
        Arrays.sort(d);
        int m = d.length / 2;
        return d.length % 2 == 1 ? d[m] : 0.5 * (d[m - 1] + d[m]);
    }

    /** Every particle of the box, in id order; positions filled as frames are rendered (when recorded). */
    public List<GroundTruthParticle> truth() {
        return truth;
    }

    public double pixelSizeUm() {
        return settings.pixelSizeUm;
    }

    public double framesPerSecond() {
        return settings.fps;
    }

    public double exposureSeconds() {
        return settings.exposureSeconds;
    }

    public double temperatureKelvin() {
        return settings.temperatureK;
    }

    /** The viscosity the particles diffuse in (a water model's value when none was stated). */
    public Viscosity viscosity() {
        return settings.viscosity();
    }

    public double depthOfFieldUm() {
        return settings.depthOfFieldUm;
    }

    public SizeDistribution sizes() {
        return settings.sizes;
    }

    @Override
    public OptionalInt frameCount() {
        return OptionalInt.of(settings.frames);
    }

    @Override
    public int width() {
        return settings.width;
    }

    @Override
    public int height() {
        return settings.height;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "rendered NTA video: %d frames, %d × %d, %d-bit grey, %.4g fps, exposure %.4g ms (R = %.4f), "
                + "%d particles, %.4g µm per px, seed %d", settings.frames, settings.width, settings.height, settings.bitDepth,
            settings.fps, settings.exposureSeconds * 1e3, motionBlur(), position.length, settings.pixelSizeUm, settings.seed);
    }

    @Override
    public void close() {
        closed = true;
    }

    /**
     * Writes every remaining frame of {@code source} to {@code folder} (created if needed) as
     * frame_00000.png, frame_00001.png, … (numbered by frame index): 8-bit grey for an 8-bit source,
     * 16-bit grey for a 16-bit one, by ImageIO. Does not close the source.
     *
     * @param format "png", or "tif" for uncompressed TIFF
     */
    public static void writeFrames(FrameSource source, Path folder, String format) throws IOException, VideoFormatException {
        FrameFiles.write(source, folder, format);
    }

    /**
     * Settings of a rendered video; every setter returns this builder. Defaults: 256 × 256, 100 frames,
     * 30 fps, full-frame exposure, 0.166 µm per px, 295.15 K water (Vogel viscosity), 100 nm
     * monodisperse, 20 particles in view, depth of field 2 µm in a slab of ±4 dof, 16 px margin,
     * PSF σ 1.6 px, 16 exposure sub-steps, d⁶ brightness with 100 nm peaking 100 counts and a floor of
     * 2 % of that, background 20 counts, shot noise at 2 photons per count, read noise 1.5 counts,
     * 8-bit, seed 1, positions not recorded.
     */
    public static final class Builder {
        private int width = 256;
        private int height = 256;
        private int frames = 100;
        private double fps = 30;
        private double exposureSeconds = Double.NaN;
        private double pixelSizeUm = 0.166;
        private double temperatureK = 295.15;
        private double viscosityPaS = Double.NaN;
        private SizeDistribution sizes = SizeDistribution.monodisperse(100);
        private double particlesInView = 20;
        private int particlesInBox = -1;
        private double depthOfFieldUm = 2;
        private double slabHalfDepthUm = Double.NaN;
        private double marginPx = 16;
        private double psfSigmaPx = 1.6;
        private int subSteps = 16;
        private double referenceDiameterNm = 100;
        private double referencePeakCounts = 100;
        private double scatteringExponent = 6;
        private double minBrightnessFraction = 0.02;
        private double backgroundCounts = 20;
        private boolean shotNoise = true;
        private double photonsPerCount = 2;
        private double readNoiseCounts = 1.5;
        private int bitDepth = 8;
        private long seed = 1;
        private boolean recordPositions;

        private Builder() {
        }

        public Builder size(int widthPx, int heightPx) {
            this.width = widthPx;
            this.height = heightPx;
            return this;
        }

        public Builder frames(int count) {
            this.frames = count;
            return this;
        }

        public Builder fps(double framesPerSecond) {
            this.fps = framesPerSecond;
            return this;
        }

        /** Shutter time per frame, 0 to 1/fps; full frame (1/fps) when not set. */
        public Builder exposureSeconds(double seconds) {
            this.exposureSeconds = seconds;
            return this;
        }

        public Builder pixelSizeUm(double um) {
            this.pixelSizeUm = um;
            return this;
        }

        public Builder temperatureK(double kelvin) {
            this.temperatureK = kelvin;
            return this;
        }

        /** The medium's viscosity; water at the temperature ({@link WaterModel#VOGEL}) when not set. */
        public Builder viscosityPaS(double pascalSeconds) {
            this.viscosityPaS = pascalSeconds;
            return this;
        }

        public Builder sizes(SizeDistribution distribution) {
            this.sizes = Objects.requireNonNull(distribution, "sizes");
            return this;
        }

        /** Mean number of particles in the frame with |z| ≤ dof; sets the particle density of the box. */
        public Builder particlesInView(double mean) {
            this.particlesInView = mean;
            this.particlesInBox = -1;
            return this;
        }

        /** The exact number of particles in the whole box (instead of {@link #particlesInView(double)}); 0 renders background only. */
        public Builder particlesInBox(int count) {
            this.particlesInBox = count;
            return this;
        }

        /** The depth of field dof: intensity falls as exp(−z² / (2 dof²)) away from the focal plane. */
        public Builder depthOfFieldUm(double um) {
            this.depthOfFieldUm = um;
            return this;
        }

        /** Half the thickness of the slab the particles diffuse in; 4 dof when not set. */
        public Builder slabHalfDepthUm(double um) {
            this.slabHalfDepthUm = um;
            return this;
        }

        /** How far beyond the frame edges the particles live, px. */
        public Builder marginPx(double px) {
            this.marginPx = px;
            return this;
        }

        /** SD of the Gaussian point-spread function, px. */
        public Builder psfSigmaPx(double px) {
            this.psfSigmaPx = px;
            return this;
        }

        /** Points the exposure is integrated over (the spot is drawn at each); 8 to 16 is plenty. */
        public Builder subSteps(int count) {
            this.subSteps = count;
            return this;
        }

        /** An in-focus particle of {@code diameterNm}, centred on a pixel, peaks {@code peakCounts} above background. */
        public Builder brightness(double diameterNm, double peakCounts) {
            this.referenceDiameterNm = diameterNm;
            this.referencePeakCounts = peakCounts;
            return this;
        }

        /** p in intensity ∝ d^p: 6 for Rayleigh scattering; 0 makes every particle as bright as the reference. */
        public Builder scatteringExponent(double p) {
            this.scatteringExponent = p;
            return this;
        }

        /** The floor of the relative brightness (d / d_ref)^p, so that the smallest particles stay dim rather than vanish. */
        public Builder minBrightnessFraction(double fraction) {
            this.minBrightnessFraction = fraction;
            return this;
        }

        public Builder backgroundCounts(double counts) {
            this.backgroundCounts = counts;
            return this;
        }

        /** Photon shot noise with this gain (photo-electrons per count). */
        public Builder shotNoise(double photonsPerCount) {
            this.shotNoise = true;
            this.photonsPerCount = photonsPerCount;
            return this;
        }

        public Builder readNoiseCounts(double sd) {
            this.readNoiseCounts = sd;
            return this;
        }

        /** No shot noise and no read noise: the expected image, rounded to whole counts and clipped. */
        public Builder noiseFree() {
            this.shotNoise = false;
            this.readNoiseCounts = 0;
            return this;
        }

        /** 8 or 16. */
        public Builder bitDepth(int bits) {
            this.bitDepth = bits;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Keep every particle's position per frame in {@link VideoRenderer#truth()} (12 bytes per particle and frame). */
        public Builder recordPositions(boolean record) {
            this.recordPositions = record;
            return this;
        }

        /** Checks the settings and places the particles. */
        public VideoRenderer build() {
            validate();
            return new VideoRenderer(this);
        }

        private double exposure() {
            return Double.isNaN(exposureSeconds) ? 1 / fps : exposureSeconds;
        }

        private double slabHalfDepthUm() {
            return Double.isNaN(slabHalfDepthUm) ? 4 * depthOfFieldUm : slabHalfDepthUm;
        }

        private Viscosity viscosity() {
            if (!Double.isNaN(viscosityPaS)) return Viscosity.ofPascalSeconds(viscosityPaS);
            return WaterModel.VOGEL.viscosityAt(Temperature.ofKelvin(temperatureK));
        }

        private Builder copy() {
            Builder c = new Builder();
            c.width = width;
            c.height = height;
            c.frames = frames;
            c.fps = fps;
            c.exposureSeconds = exposure();
            c.pixelSizeUm = pixelSizeUm;
            c.temperatureK = temperatureK;
            c.viscosityPaS = viscosity().pascalSeconds();
            c.sizes = sizes;
            c.particlesInView = particlesInView;
            c.particlesInBox = particlesInBox;
            c.depthOfFieldUm = depthOfFieldUm;
            c.slabHalfDepthUm = slabHalfDepthUm();
            c.marginPx = marginPx;
            c.psfSigmaPx = psfSigmaPx;
            c.subSteps = subSteps;
            c.referenceDiameterNm = referenceDiameterNm;
            c.referencePeakCounts = referencePeakCounts;
            c.scatteringExponent = scatteringExponent;
            c.minBrightnessFraction = minBrightnessFraction;
            c.backgroundCounts = backgroundCounts;
            c.shotNoise = shotNoise;
            c.photonsPerCount = photonsPerCount;
            c.readNoiseCounts = readNoiseCounts;
            c.bitDepth = bitDepth;
            c.seed = seed;
            c.recordPositions = recordPositions;
            return c;
        }

        private void validate() {
            if (width < 1 || height < 1) throw new IllegalArgumentException("frame size must be at least 1 × 1 px, not " + width + " × " + height);
            if (frames < 1) throw new IllegalArgumentException("need at least one frame, not " + frames);
            positive(fps, "frame rate (fps)");
            double e = exposure();
            if (!(e >= 0 && e <= 1 / fps * (1 + 1e-12))) {
                throw new IllegalArgumentException("exposure must be between 0 and one frame (1/fps = " + 1 / fps + " s), not " + e + " s");
            }
            positive(pixelSizeUm, "pixel size (µm)");
            positive(temperatureK, "temperature (K)");
            viscosity();
            if (!(particlesInView >= 0) || Double.isInfinite(particlesInView)) {
                throw new IllegalArgumentException("particles in view must be >= 0, not " + particlesInView);
            }
            positive(depthOfFieldUm, "depth of field (µm)");
            positive(slabHalfDepthUm(), "slab half-depth (µm)");
            if (!(marginPx >= 0) || Double.isInfinite(marginPx)) throw new IllegalArgumentException("margin must be >= 0 px, not " + marginPx);
            positive(psfSigmaPx, "PSF sigma (px)");
            if (subSteps < 1) throw new IllegalArgumentException("need at least one exposure sub-step, not " + subSteps);
            positive(referenceDiameterNm, "reference diameter (nm)");
            if (!(referencePeakCounts >= 0) || Double.isInfinite(referencePeakCounts)) {
                throw new IllegalArgumentException("reference peak must be >= 0 counts, not " + referencePeakCounts);
            }
            if (!Double.isFinite(scatteringExponent)) throw new IllegalArgumentException("scattering exponent must be finite");
            if (!(minBrightnessFraction >= 0) || Double.isInfinite(minBrightnessFraction)) {
                throw new IllegalArgumentException("brightness floor must be >= 0, not " + minBrightnessFraction);
            }
            if (!(backgroundCounts >= 0) || Double.isInfinite(backgroundCounts)) {
                throw new IllegalArgumentException("background must be >= 0 counts, not " + backgroundCounts);
            }
            if (shotNoise) positive(photonsPerCount, "photons per count (shot noise gain)");
            if (!(readNoiseCounts >= 0) || Double.isInfinite(readNoiseCounts)) {
                throw new IllegalArgumentException("read noise must be >= 0 counts, not " + readNoiseCounts);
            }
            if (bitDepth != 8 && bitDepth != 16) throw new IllegalArgumentException("bit depth must be 8 or 16, not " + bitDepth);
        }

        private static void positive(double v, String what) {
            if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " must be positive and finite, not " + v);
        }
    }
}
