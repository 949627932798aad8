package org.exotrace.nta.tracks;

import java.util.Arrays;

/**
 * The collected tracks, read-only: per-frame ensemble drift and each track's drift-corrected steps.
 * Only steps between consecutive frames count; a gap in a track (a frame where the particle was
 * not found) contributes no step.
 */
public final class Tracks {

    /** One track's frame-to-frame steps in µm, after drift subtraction. */
    public record Steps(long particle, double[] dx, double[] dy) {
        public int count() { return dx.length; }
    }

    /**
     * The ensemble drift per frame: the mean step of all tracks from frame f-1 to f, in µm.
     * Brownian steps average out; a flow or stage drift common to all particles remains.
     */
    public record Drift(int firstFrame, double[] dxUm, double[] dyUm) {
        static Drift none(int firstFrame, int frames) {
            return new Drift(firstFrame, new double[frames], new double[frames]);
        }

        /** Mean drift per frame over the frames that had steps, in µm (x, y). */
        public double[] meanUmPerFrame() {
            double sx = 0, sy = 0;
            int n = 0;
            for (int i = 1; i < dxUm.length; i++) {
                if (dxUm[i] != 0 || dyUm[i] != 0) {
                    sx += dxUm[i];
                    sy += dyUm[i];
                    n++;
                }
            }
            return n == 0 ? new double[] {0, 0} : new double[] {sx / n, sy / n};
        }
    }

    private final long[] particles;
    private final int[] counts;
    /** Track t's positions are [starts[t], starts[t + 1]) of the position arrays, in frame order. */
    private final int[] starts;
    private final int trackCount;
    private final int[] frames;
    private final float[] xs;
    private final float[] ys;
    private final int positionCount;
    private final int minFrame;
    private final int maxFrame;

    Tracks(long[] particles, int[] counts, int[] starts, int trackCount, int[] frames, float[] xs, float[] ys,
           int positionCount, int minFrame, int maxFrame) {
        this.particles = particles;
        this.counts = counts;
        this.starts = starts;
        this.trackCount = trackCount;
        this.frames = frames;
        this.xs = xs;
        this.ys = ys;
        this.positionCount = positionCount;
        this.minFrame = minFrame;
        this.maxFrame = maxFrame;
    }

    public int count() { return trackCount; }

    public long positions() { return positionCount; }

    /** Number of frames from the first to the last frame seen. */
    public int frames() { return maxFrame - minFrame + 1; }

    /** Mean number of particles located per frame over the frames spanned. */
    public double particlesPerFrame() { return frames() <= 0 ? 0 : (double) positions() / frames(); }

    /** The particle id of track {@code index}. */
    public long particle(int index) {
        checkIndex(index);
        return particles[index];
    }

    /** The number of positions of track {@code index}; it has at most one step fewer. */
    public int length(int index) {
        checkIndex(index);
        return counts[index];
    }

    /** The number of positions of the longest track (0 when there is none). */
    public int maxLength() {
        int max = 0;
        for (int t = 0; t < trackCount; t++) max = Math.max(max, counts[t]);
        return max;
    }

    /** The drift with the default smoothing window of 25 frames each side. */
    public Drift drift() {
        return drift(DEFAULT_DRIFT_HALF_WINDOW);
    }

    /** Frames on each side of a frame whose steps are pooled into its drift estimate. */
    public static final int DEFAULT_DRIFT_HALF_WINDOW = 25;

    /**
     * The ensemble drift per frame, pooled over a window of {@code 2 * halfWindow + 1} frames.
     * Pooling matters: the mean step of the N particles of one frame contains 1/N of each
     * particle's own Brownian step, so subtracting a single-frame mean removes a fraction 1/N of
     * the variance and biases diameters upwards (about 3 % at 30 particles per frame). Pooling
     * over W frames cuts that to 1/(N·W) while following a flow that changes over seconds.
     */
    public Drift drift(int halfWindow) {
        if (halfWindow < 0) throw new IllegalArgumentException("drift window must be >= 0 frames: " + halfWindow);
        int first = minFrame;
        int n = Math.max(0, frames());
        double[] sx = new double[n];
        double[] sy = new double[n];
        int[] m = new int[n];
        for (int t = 0; t < trackCount; t++) {
            for (int q = starts[t] + 1; q < starts[t + 1]; q++) {
                int p = q - 1;
                if (frames[q] == frames[p] + 1) {
                    int f = frames[q] - first;
                    sx[f] += (double) xs[q] - xs[p];
                    sy[f] += (double) ys[q] - ys[p];
                    m[f]++;
                }
            }
        }
        double[] wx = new double[n];
        double[] wy = new double[n];
        double accX = 0, accY = 0;
        long accN = 0;
        for (int f = 0; f < Math.min(n, halfWindow); f++) {
            accX += sx[f];
            accY += sy[f];
            accN += m[f];
        }
        for (int f = 0; f < n; f++) {
            int enter = f + halfWindow;
            if (enter < n) {
                accX += sx[enter];
                accY += sy[enter];
                accN += m[enter];
            }
            int leave = f - halfWindow - 1;
            if (leave >= 0) {
                accX -= sx[leave];
                accY -= sy[leave];
                accN -= m[leave];
            }
            if (accN > 0 && m[f] > 0) {
                wx[f] = accX / accN;
                wy[f] = accY / accN;
            }
        }
        return new Drift(first, wx, wy);
    }

    public Drift noDrift() {
        return Drift.none(minFrame, Math.max(0, frames()));
    }

    /** The steps of track {@code index} (0-based, in order of first appearance) with the drift subtracted. */
    public Steps steps(int index, Drift drift) {
        double[] dx = new double[Math.max(0, length(index) - 1)];
        double[] dy = new double[dx.length];
        int count = steps(index, drift, dx, dy);
        return new Steps(particles[index], Arrays.copyOf(dx, count), Arrays.copyOf(dy, count));
    }

    /**
     * Writes the drift-corrected steps of track {@code index} to the start of {@code dx} and
     * {@code dy}, which need room for {@code length(index) - 1} values, and answers how many were
     * written: the same steps as {@link #steps(int, Drift)} without allocating, so that buffers
     * can be reused from track to track.
     */
    public int steps(int index, Drift drift, double[] dx, double[] dy) {
        checkIndex(index);
        int end = starts[index + 1];
        if (dx.length < end - starts[index] - 1 || dy.length < end - starts[index] - 1) {
            throw new IllegalArgumentException("buffers of " + dx.length + " and " + dy.length + " steps are too short for a track of "
                    + (end - starts[index]) + " positions");
        }
        double[] driftX = drift.dxUm();
        double[] driftY = drift.dyUm();
        int first = drift.firstFrame();
        int i = 0;
        for (int q = starts[index] + 1; q < end; q++) {
            int frame = frames[q];
            if (frame == frames[q - 1] + 1) {
                dx[i] = (double) xs[q] - xs[q - 1] - driftX[frame - first];
                dy[i] = (double) ys[q] - ys[q - 1] - driftY[frame - first];
                i++;
            }
        }
        return i;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= trackCount) {
            throw new IndexOutOfBoundsException("track " + index + " of " + trackCount);
        }
    }
}
