package org.exotrace.nta.detect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.exotrace.nta.video.Frame;

/**
 * Finds particles in a frame by the method of Crocker and Grier (1996, "Methods of digital video
 * microscopy for colloidal studies", J. Colloid Interface Sci. 179:298-310):
 * <ol>
 * <li><b>Band-pass</b> ({@link BandPass}): a Gaussian of σ = 1 px minus the boxcar mean over a
 *     square of the feature diameter w, so each spot stands on zero and pixel noise is damped.</li>
 * <li><b>Local maxima</b> of the band-passed image above T = thresholdSigma · σ<sub>bp</sub>, where
 *     σ<sub>bp</sub> is the noise of the band-passed image measured at calibration; a maximum must be
 *     the largest pixel within half the minimum separation (a disc of diameter minSeparationPx).</li>
 * <li><b>Centroid refinement</b>: the intensity-weighted centroid of the band-passed image, clipped
 *     at zero as in Crocker and Grier, over a circular mask of radius r = (w - 1) / 2, iterated with
 *     the mask re-centred on the estimate until it moves less than 0.001 px (at most 10 times). The
 *     mask has a soft edge (a pixel's weight is its distance inside the rim + ½, clamped to 0..1,
 *     about its area inside the disc) and is centred on the sub-pixel estimate, not on a whole pixel,
 *     so the centroid is a continuous function of the mask position and the clipped noise, symmetric
 *     about the estimate, does not pull it towards whole pixels (no pixel locking).</li>
 * <li>Per feature: <b>mass</b> = Σ weight · band-passed value over the mask, not clipped (camera units
 *     above the local background; noise averages out, so the mass is proportional to the particle's
 *     brightness), <b>radius of gyration</b> √(Σ weight·value·ρ² / Σ weight·value) over the positive
 *     values, <b>peak</b> = the brightest raw pixel in the mask, <b>saturated</b> when a raw pixel in
 *     the mask is at the camera maximum, <b>overlapping</b> when another feature lies closer than w.</li>
 * </ol>
 * Features whose centre lies within half a diameter of the frame's outer edge are dropped (their
 * mask would leave the frame); two refined centres closer than half the separation are one feature
 * (the larger mass is kept). A maximum above the threshold whose mass is below half of
 * {@link #massThreshold()} is a noise spike, narrower than any particle's spot (a spot of the
 * measured width that reaches the threshold has at least that mass), and is dropped too.
 *
 * <p>{@link #calibrate} measures σ<sub>bp</sub> robustly (1.4826 × the median absolute deviation,
 * so particles do not inflate it) and, when the feature diameter is 0, chooses it from the data
 * (see {@link #calibrate}), and whether the particles are brighter or darker than the background
 * ({@link #darkParticles()}). A detector is thread-confined: it reuses its buffers from frame to
 * frame and allocates nothing per frame once the frame size and the busiest frame have been seen;
 * {@link #copy()} gives another thread its own buffers over the same immutable calibration.
 */
public final class Detector {

    private static final int MAX_ITERATIONS = 10;
    private static final double CONVERGED_PX = 1e-3;
    /** A maximum over the threshold with less than this share of {@link #massThreshold()} is a noise spike narrower than any particle. */
    private static final double NOISE_SPIKE_FRACTION = 0.5;

    private final Calibration cal;
    private BandPass bandPass;
    private float[] lastBandPassed;
    private int[] candidates = new int[256];
    private double[] fx = new double[64];
    private double[] fy = new double[64];
    private double[] fMass = new double[64];
    private double[] fPeak = new double[64];
    private double[] fRadius = new double[64];
    private boolean[] fSaturated = new boolean[64];
    private boolean[] fKeep = new boolean[64];
    private final Spot spot = new Spot();

    /** The immutable result of calibration, shared by copies. */
    private static final class Calibration {
        final DetectionSettings chosen;
        final boolean fromData;
        final boolean dark;
        final double noiseSigma;
        final double massThreshold;
        final double threshold;
        final int maskRadius;
        final double separationRadius;
        final int[] discDx;
        final int[] discDy;

        Calibration(DetectionSettings chosen, boolean fromData, boolean dark, double noiseSigma, double massThreshold) {
            this.chosen = chosen;
            this.fromData = fromData;
            this.dark = dark;
            this.noiseSigma = noiseSigma;
            this.massThreshold = massThreshold;
            this.threshold = chosen.thresholdSigma() * noiseSigma;
            this.maskRadius = (chosen.featureDiameterPx() - 1) / 2;
            this.separationRadius = chosen.separationPx(chosen.featureDiameterPx()) / 2;
            int reach = (int) Math.floor(separationRadius);
            int n = 0;
            int[] dx = new int[(2 * reach + 1) * (2 * reach + 1)];
            int[] dy = new int[dx.length];
            for (int j = -reach; j <= reach; j++) {
                for (int i = -reach; i <= reach; i++) {
                    if ((i != 0 || j != 0) && i * i + j * j <= separationRadius * separationRadius) {
                        dx[n] = i;
                        dy[n] = j;
                        n++;
                    }
                }
            }
            this.discDx = Arrays.copyOf(dx, n);
            this.discDy = Arrays.copyOf(dy, n);
        }
    }

    /** Scratch result of one centroid refinement. */
    private static final class Spot {
        double x;
        double y;
        double mass;
        double radius;
        double peak;
        boolean saturated;
    }

    private Detector(Calibration cal) {
        this.cal = cal;
    }

    /**
     * Measures the band-passed noise from {@code firstFrames} and, when the settings' feature
     * diameter is 0, chooses it from them: starting from a generous trial diameter of 15 px, the
     * median core width ({@link #coreWidth}, a Gaussian fitted to the central 2.5 px) of the isolated,
     * unsaturated features at least 10 σ bright is converted to the width s of the Gaussian spot that
     * gives the same core width through this same band-pass ({@link SpotModel}), and the diameter
     * becomes the odd 2·⌈2√2·s⌉ + 1 (a disc of radius 2√2·s, twice the spot's radius of gyration √2·s,
     * holds 98 % of its light), clamped to 5..31 px; repeated with the new diameter until it no longer
     * changes (at most 4 rounds). The radius of gyration over a generous mask was tried first and
     * rejected: on the real bead video it grew with the mask (neighbours, background structure and
     * clipped noise inside it) and never settled. Frames without any feature leave the
     * diameter at 11 px. First of all it decides whether the particles are brighter or darker than
     * the background ({@link #darkParticles()}).
     *
     * @param firstFrames a few frames from the start of the video; only read, not kept
     */
    public static Detector calibrate(DetectionSettings settings, List<Frame> firstFrames) {
        Objects.requireNonNull(settings, "detection settings");
        if (firstFrames == null || firstFrames.isEmpty()) {
            throw new IllegalArgumentException("detection needs at least one frame to measure the noise from; the video has none");
        }
        boolean fromData = settings.featureSizeAutomatic();
        int diameter = fromData ? 15 : settings.featureDiameterPx();
        Map<Integer, Double> noise = new HashMap<>();
        boolean dark = darkParticles(diameter, noise.computeIfAbsent(diameter, d -> noiseSigma(d, firstFrames)), firstFrames);
        double s = Double.NaN;
        for (int round = 0; round < (fromData ? 4 : 1); round++) {
            DetectionSettings trial = settings.withFeatureDiameter(diameter);
            if (fromData) trial = new DetectionSettings(diameter, settings.thresholdSigma(), 0);
            double sigma = noise.computeIfAbsent(diameter, d -> noiseSigma(d, firstFrames));
            Detector probe = new Detector(new Calibration(trial, fromData, dark, sigma, 0));
            double core = probe.medianCoreWidth(firstFrames);
            s = Double.isNaN(core) ? Double.NaN : SpotModel.widthForCore(core, diameter);
            if (!fromData) break;
            int next = Double.isNaN(s) ? 11 : diameterFor(s);
            if (next == diameter) break;
            diameter = next;
        }
        DetectionSettings chosen = settings.withFeatureDiameter(diameter);
        double sigma = noise.computeIfAbsent(diameter, d -> noiseSigma(d, firstFrames));
        double width = Double.isNaN(s) ? (diameter - 1) / (4 * Math.sqrt(2)) : s;
        double massThreshold = chosen.thresholdSigma() * sigma * SpotModel.massPerPeak(width, diameter);
        return new Detector(new Calibration(chosen, fromData, dark, sigma, massThreshold));
    }

    /**
     * Whether the particles are darker than the background: the third moment of the band-passed
     * pixels beyond ±5 σ is negative. A particle's core stands out on its own side, several times
     * deeper than the shallow, wide dip the boxcar digs around it, and the cube weighs depth over
     * area. Without any pixel beyond ±5 σ the particles are taken to be bright.
     */
    private static boolean darkParticles(int diameterPx, double sigma, List<Frame> frames) {
        double cubes = 0;
        BandPass bandPass = null;
        int margin = diameterPx / 2 + 3;
        for (Frame f : frames) {
            int w = f.width();
            if (bandPass == null || !bandPass.fits(w, f.height())) bandPass = new BandPass(w, f.height(), diameterPx);
            float[] v = bandPass.apply(f.pixels());
            for (int y = margin; y < f.height() - margin; y++) {
                for (int x = margin; x < w - margin; x++) {
                    double b = v[y * w + x] / sigma;
                    if (Math.abs(b) > 5) cubes += b * b * b;
                }
            }
        }
        return cubes < 0;
    }

    /** The odd diameter whose mask covers a Gaussian spot of width s: 2·⌈2√2·s⌉ + 1, clamped to 5..31 px. */
    static int diameterFor(double spotSigmaPx) {
        int d = 2 * (int) Math.ceil(2 * Math.sqrt(2) * spotSigmaPx) + 1;
        return Math.max(5, Math.min(31, d));
    }

    /** A detector with a stated diameter and noise and no mass limit, for {@link SpotModel}. */
    static Detector uncalibrated(DetectionSettings settings, double noiseSigma) {
        return new Detector(new Calibration(settings, false, false, noiseSigma, 0));
    }

    /** Another detector over the same calibration with its own buffers, for another thread. */
    public Detector copy() {
        return new Detector(cal);
    }

    /** The settings with the feature diameter decided. */
    public DetectionSettings chosen() {
        return cal.chosen;
    }

    /** True when the feature diameter was chosen from the data. */
    public boolean featureSizeFromData() {
        return cal.fromData;
    }

    /**
     * True when the particles are darker than the background (bright-field video, such as the bead
     * video of the validation data) rather than brighter (dark-field scattering, as in NTA): decided
     * at calibration from the data, see {@link #calibrate}. Dark particles are found in the negated
     * band-pass; their mass is then positive, their peak is the darkest raw pixel and they are
     * saturated when a raw pixel sits at 0.
     */
    public boolean darkParticles() {
        return cal.dark;
    }

    /** The standard deviation of the band-passed image's noise, camera units. */
    public double noiseSigma() {
        return cal.noiseSigma;
    }

    /**
     * The smallest mass a feature can have and still be detected, camera units: the mass of a
     * Gaussian spot of the measured width whose band-passed peak just reaches the threshold,
     * T · M₁/P₁, with M₁ and P₁ the mass and band-passed peak of a unit spot centred on a pixel, both
     * computed through this very band-pass and mask ({@link SpotModel#massPerPeak}). Without the
     * band-pass's background subtraction and mask this is the familiar T · 2π(s² + 1) for a spot of
     * width s smoothed by the σ = 1 px Gaussian; the boxcar takes a further share of the light from
     * both peak and mass, which the numerical model accounts for. A spot off the pixel centre has a
     * lower peak for its mass, so its limit lies slightly higher: this is the lower bound.
     */
    public double massThreshold() {
        return cal.massThreshold;
    }

    /** The band-pass threshold in camera units, thresholdSigma · noiseSigma. */
    public double threshold() {
        return cal.threshold;
    }

    /** Clears {@code out} and fills it with the features of {@code frame}. */
    public void detect(Frame frame, Features out) {
        out.clear();
        int w = frame.width();
        int h = frame.height();
        if (bandPass == null || !bandPass.fits(w, h)) bandPass = new BandPass(w, h, cal.chosen.featureDiameterPx());
        float[] raw = frame.pixels();
        float[] bp = bandPass.apply(raw);
        lastBandPassed = bp;
        if (cal.dark) {
            for (int i = 0; i < bp.length; i++) bp[i] = -bp[i];
        }
        int nCandidates = findMaxima(bp, w, h);
        int n = 0;
        int r = cal.maskRadius;
        for (int c = 0; c < nCandidates; c++) {
            int i = candidates[c];
            if (!refine(bp, raw, w, h, i % w, i / w, frame.maxValue())) continue;
            if (spot.x < r || spot.y < r || spot.x > w - 1 - r || spot.y > h - 1 - r) continue;
            if (spot.mass < NOISE_SPIKE_FRACTION * cal.massThreshold) continue;
            if (n == fx.length) growScratch();
            fx[n] = spot.x;
            fy[n] = spot.y;
            fMass[n] = spot.mass;
            fPeak[n] = spot.peak;
            fRadius[n] = spot.radius;
            fSaturated[n] = spot.saturated;
            fKeep[n] = true;
            n++;
        }
        double merge2 = cal.separationRadius * cal.separationRadius;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n && fKeep[a]; b++) {
                if (!fKeep[b]) continue;
                double dx = fx[a] - fx[b];
                double dy = fy[a] - fy[b];
                if (dx * dx + dy * dy < merge2) {
                    if (fMass[b] > fMass[a]) fKeep[a] = false;
                    else fKeep[b] = false;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            if (fKeep[a]) out.add(fx[a], fy[a], fMass[a], fPeak[a], fRadius[a], fSaturated[a]);
        }
        double d = cal.chosen.featureDiameterPx();
        int m = out.count();
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double dx = out.x(a) - out.x(b);
                double dy = out.y(a) - out.y(b);
                if (dx * dx + dy * dy < d * d) {
                    out.markOverlapping(a);
                    out.markOverlapping(b);
                }
            }
        }
    }

    /** Pixels above the threshold that are the largest within the separation disc (ties: the first in raster order). */
    private int findMaxima(float[] bp, int w, int h) {
        int r = cal.maskRadius;
        float thr = (float) cal.threshold;
        int[] ddx = cal.discDx;
        int[] ddy = cal.discDy;
        int n = 0;
        for (int y = r; y < h - r; y++) {
            int row = y * w;
            for (int x = r; x < w - r; x++) {
                int i = row + x;
                float v = bp[i];
                if (v <= thr) continue;
                if (!localMax3x3(bp, w, h, x, y, v)) continue;
                boolean max = true;
                for (int k = 0; k < ddx.length && max; k++) {
                    int xx = x + ddx[k];
                    int yy = y + ddy[k];
                    if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                    int j = yy * w + xx;
                    float u = bp[j];
                    if (u > v || (u == v && j < i)) max = false;
                }
                if (!max) continue;
                if (n == candidates.length) candidates = Arrays.copyOf(candidates, 2 * n);
                candidates[n++] = i;
            }
        }
        return n;
    }

    private static boolean localMax3x3(float[] bp, int w, int h, int x, int y, float v) {
        for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
            for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                if (bp[yy * w + xx] > v) return false;
            }
        }
        return true;
    }

    /** Iterates the soft-masked centroid from the integer maximum; fills {@link #spot}. False when the mass vanishes or the centre runs off. */
    private boolean refine(float[] bp, float[] raw, int w, int h, int ix, int iy, double maxValue) {
        double edge = cal.maskRadius + 0.5;
        double cx = ix;
        double cy = iy;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double m = 0;
            double sx = 0;
            double sy = 0;
            int x0 = Math.max(0, (int) Math.ceil(cx - edge));
            int x1 = Math.min(w - 1, (int) Math.floor(cx + edge));
            int y0 = Math.max(0, (int) Math.ceil(cy - edge));
            int y1 = Math.min(h - 1, (int) Math.floor(cy + edge));
            for (int y = y0; y <= y1; y++) {
                double dy = y - cy;
                int row = y * w;
                for (int x = x0; x <= x1; x++) {
                    double dx = x - cx;
                    double wt = edge - Math.sqrt(dx * dx + dy * dy);
                    if (wt <= 0) continue;
                    float b = bp[row + x];
                    if (b <= 0) continue;
                    double v = (wt < 1 ? wt : 1) * b;
                    m += v;
                    sx += v * dx;
                    sy += v * dy;
                }
            }
            if (!(m > 0)) return false;
            double shiftX = sx / m;
            double shiftY = sy / m;
            cx += shiftX;
            cy += shiftY;
            if (Math.abs(cx - ix) > edge || Math.abs(cy - iy) > edge) return false;
            if (Math.abs(shiftX) + Math.abs(shiftY) < CONVERGED_PX) break;
        }
        measure(bp, raw, w, h, cx, cy, maxValue);
        return spot.mass > 0;
    }

    private void measure(float[] bp, float[] raw, int w, int h, double cx, double cy, double maxValue) {
        double edge = cal.maskRadius + 0.5;
        double m = 0;
        double m2 = 0;
        double positive = 0;
        boolean dark = cal.dark;
        double peak = dark ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        boolean saturated = false;
        int x0 = Math.max(0, (int) Math.ceil(cx - edge));
        int x1 = Math.min(w - 1, (int) Math.floor(cx + edge));
        int y0 = Math.max(0, (int) Math.ceil(cy - edge));
        int y1 = Math.min(h - 1, (int) Math.floor(cy + edge));
        for (int y = y0; y <= y1; y++) {
            double dy = y - cy;
            int row = y * w;
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double rho2 = dx * dx + dy * dy;
                double wt = edge - Math.sqrt(rho2);
                if (wt <= 0) continue;
                double v = (wt < 1 ? wt : 1) * bp[row + x];
                m += v;
                if (v > 0) {
                    positive += v;
                    m2 += v * rho2;
                }
                float p = raw[row + x];
                if (dark ? p < peak : p > peak) peak = p;
                if (dark ? p <= 0 : p >= maxValue) saturated = true;
            }
        }
        spot.x = cx;
        spot.y = cy;
        spot.mass = m;
        spot.radius = positive > 0 ? Math.sqrt(m2 / positive) : 0;
        spot.peak = peak;
        spot.saturated = saturated;
    }

    private void growScratch() {
        int n = fx.length * 2;
        fx = Arrays.copyOf(fx, n);
        fy = Arrays.copyOf(fy, n);
        fMass = Arrays.copyOf(fMass, n);
        fPeak = Arrays.copyOf(fPeak, n);
        fRadius = Arrays.copyOf(fRadius, n);
        fSaturated = Arrays.copyOf(fSaturated, n);
        fKeep = Arrays.copyOf(fKeep, n);
    }

    /**
     * The median core width (see {@link #coreWidth}) of the unsaturated, non-overlapping features of
     * these frames whose band-passed peak stands at least 10 σ above zero; NaN when there are none.
     */
    private double medianCoreWidth(List<Frame> frames) {
        Features f = new Features();
        double[] widths = new double[64];
        int n = 0;
        for (Frame frame : frames) {
            detect(frame, f);
            for (int i = 0; i < f.count(); i++) {
                if (f.saturated(i) || f.overlapping(i)) continue;
                int centre = (int) Math.round(f.y(i)) * frame.width() + (int) Math.round(f.x(i));
                if (lastBandPassed[centre] < 10 * cal.noiseSigma) continue;
                double width = coreWidth(lastBandPassed, frame.width(), frame.height(), f.x(i), f.y(i));
                if (Double.isNaN(width)) continue;
                if (n == widths.length) widths = Arrays.copyOf(widths, 2 * n);
                widths[n++] = width;
            }
        }
        if (n == 0) return Double.NaN;
        Arrays.sort(widths, 0, n);
        return n % 2 != 0 ? widths[n / 2] : 0.5 * (widths[n / 2 - 1] + widths[n / 2]);
    }

    /**
     * The width of a feature's core, px: a Gaussian fitted to the band-passed pixels within 2.5 px of
     * the centre, by weighted least squares of ln(value) against ρ² (weights value², the inverse
     * variance of the logarithm; as in the log-parabola Gaussian fits of localisation microscopy).
     * Unlike the radius of gyration it hardly sees neighbours, background structure or clipped
     * noise further out. NaN when the core does not fall off.
     */
    static double coreWidth(float[] bp, int w, int h, double cx, double cy) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int x0 = Math.max(0, (int) Math.ceil(cx - 2.5));
        int x1 = Math.min(w - 1, (int) Math.floor(cx + 2.5));
        int y0 = Math.max(0, (int) Math.ceil(cy - 2.5));
        int y1 = Math.min(h - 1, (int) Math.floor(cy + 2.5));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double rho2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                double b = bp[y * w + x];
                if (rho2 > 6.25 || b <= 0) continue;
                double wt = b * b;
                double l = Math.log(b);
                sw += wt;
                sx += wt * rho2;
                sy += wt * l;
                sxx += wt * rho2 * rho2;
                sxy += wt * rho2 * l;
            }
        }
        double det = sw * sxx - sx * sx;
        if (!(det > 0)) return Double.NaN;
        double slope = (sw * sxy - sx * sy) / det;
        return slope < 0 ? Math.sqrt(-1 / (2 * slope)) : Double.NaN;
    }

    /**
     * 1.4826 × the median absolute deviation of the band-passed pixels of these frames (away from
     * the edges): the standard deviation for Gaussian noise. Particles are kept out in two rounds:
     * the median absolute deviation is already hardly moved by the pixels particles occupy, and the
     * second round leaves out every pixel within one diameter of a pixel beyond ±4 σ of the first
     * round (a particle's core and the dip that the boxcar digs around it). Never below the
     * band-passed quantisation noise of whole camera units, √(1/12) × the filter's white-noise gain.
     */
    static double noiseSigma(int diameterPx, List<Frame> frames) {
        double quantisation = BandPass.whiteNoiseGain(diameterPx) / Math.sqrt(12);
        double first = madSigma(diameterPx, frames, Double.NaN);
        if (!(first > 0)) return quantisation;
        double second = madSigma(diameterPx, frames, 4 * first);
        return Math.max(quantisation, Double.isNaN(second) ? first : second);
    }

    /** The MAD-based σ over interior pixels, leaving out those within a diameter of a pixel beyond ±{@code hot} (NaN: none left out). */
    private static double madSigma(int diameterPx, List<Frame> frames, double hot) {
        int margin = diameterPx / 2 + 3;
        long total = 0;
        for (Frame f : frames) total += (long) Math.max(0, f.width() - 2 * margin) * Math.max(0, f.height() - 2 * margin);
        int stride = (int) Math.max(1, total / 250_000);
        float[] sample = new float[(int) (total / stride + frames.size())];
        int n = 0;
        BandPass bandPass = null;
        for (Frame f : frames) {
            int w = f.width();
            int h = f.height();
            if (bandPass == null || !bandPass.fits(w, h)) bandPass = new BandPass(w, h, diameterPx);
            float[] v = bandPass.apply(f.pixels());
            int[] hotCount = Double.isNaN(hot) ? null : integralOfHot(v, w, h, hot);
            int k = 0;
            for (int y = margin; y < h - margin; y++) {
                for (int x = margin; x < w - margin; x++) {
                    if (k++ % stride != 0 || n == sample.length) continue;
                    if (hotCount != null && boxCount(hotCount, w, h, x, y, diameterPx) > 0) continue;
                    sample[n++] = v[y * w + x];
                }
            }
        }
        if (n < 100) return Double.NaN;
        Arrays.sort(sample, 0, n);
        float median = sample[n / 2];
        for (int i = 0; i < n; i++) sample[i] = Math.abs(sample[i] - median);
        Arrays.sort(sample, 0, n);
        return 1.4826 * sample[n / 2];
    }

    /** Summed-area table of the pixels above {@code hot}: entry (x, y) counts those left of x and above y. */
    private static int[] integralOfHot(float[] v, int w, int h, double hot) {
        int[] s = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int run = 0;
            for (int x = 0; x < w; x++) {
                if (Math.abs(v[y * w + x]) > hot) run++;
                s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1] + run;
            }
        }
        return s;
    }

    private static int boxCount(int[] s, int w, int h, int x, int y, int radius) {
        int x0 = Math.max(0, x - radius);
        int y0 = Math.max(0, y - radius);
        int x1 = Math.min(w, x + radius + 1);
        int y1 = Math.min(h, y + radius + 1);
        return s[y1 * (w + 1) + x1] - s[y0 * (w + 1) + x1] - s[y1 * (w + 1) + x0] + s[y0 * (w + 1) + x0];
    }
}
