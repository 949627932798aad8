package org.exotrace.nta.tracks;

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

        double dx(int frame) { return dxUm[frame - firstFrame]; }

        double dy(int frame) { return dyUm[frame - firstFrame]; }

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

    private final TrackCollector data;

    Tracks(TrackCollector data) {
        this.data = data;
    }

    public int count() { return data.trackCount(); }

    public long positions() { return data.positionCount(); }

    /** Number of frames from the first to the last frame seen. */
    public int frames() { return data.maxFrame() - data.minFrame() + 1; }

    /** Mean number of particles located per frame over the frames spanned. */
    public double particlesPerFrame() { return frames() <= 0 ? 0 : (double) positions() / frames(); }

    public Drift drift() {
        int first = data.minFrame();
        int n = Math.max(0, frames());
        double[] sx = new double[n];
        double[] sy = new double[n];
        int[] m = new int[n];
        for (int t = 0; t < data.trackCount(); t++) {
            int p = data.head(t);
            for (int q = data.nextPosition(p); q >= 0; p = q, q = data.nextPosition(q)) {
                if (data.frame(q) == data.frame(p) + 1) {
                    int f = data.frame(q) - first;
                    sx[f] += data.x(q) - data.x(p);
                    sy[f] += data.y(q) - data.y(p);
                    m[f]++;
                }
            }
        }
        for (int f = 0; f < n; f++) {
            if (m[f] > 0) {
                sx[f] /= m[f];
                sy[f] /= m[f];
            }
        }
        return new Drift(first, sx, sy);
    }

    public Drift noDrift() {
        return Drift.none(data.minFrame(), Math.max(0, frames()));
    }

    /** The steps of track {@code index} (0-based, in order of first appearance) with the drift subtracted. */
    public Steps steps(int index, Drift drift) {
        int count = 0;
        int p = data.head(index);
        for (int q = data.nextPosition(p); q >= 0; p = q, q = data.nextPosition(q)) {
            if (data.frame(q) == data.frame(p) + 1) count++;
        }
        double[] dx = new double[count];
        double[] dy = new double[count];
        int i = 0;
        p = data.head(index);
        for (int q = data.nextPosition(p); q >= 0; p = q, q = data.nextPosition(q)) {
            if (data.frame(q) == data.frame(p) + 1) {
                dx[i] = data.x(q) - data.x(p) - drift.dx(data.frame(q));
                dy[i] = data.y(q) - data.y(p) - drift.dy(data.frame(q));
                i++;
            }
        }
        return new Steps(data.particle(index), dx, dy);
    }
}
