package org.exotrace.nta.tracks;

import java.util.Arrays;
import org.exotrace.nta.io.PositionSink;

/**
 * Collects streamed positions per particle into flat primitive arrays: a position costs 12 bytes
 * (frame as int, x and y as float micrometres, enough for 0.01 nm resolution over a 100 µm field),
 * so ten million positions fit in about 120 MB. Positions of one particle must arrive in increasing
 * frame order (the trajectory reader enforces it); particles may be interleaved.
 */
public final class TrackCollector implements PositionSink {

    private final LongIntMap indexByParticle = new LongIntMap(1 << 12);
    private long[] particles = new long[1 << 12];
    private int[] heads = new int[1 << 12];
    private int[] tails = new int[1 << 12];
    private int[] counts = new int[1 << 12];
    private int trackCount;

    private int[] frames = new int[1 << 16];
    private float[] xs = new float[1 << 16];
    private float[] ys = new float[1 << 16];
    private int[] next = new int[1 << 16];
    private int size;
    private int minFrame = Integer.MAX_VALUE;
    private int maxFrame = Integer.MIN_VALUE;

    @Override
    public void position(int frame, long particle, double xUm, double yUm) {
        if (size == frames.length) growPositions();
        int p = size++;
        frames[p] = frame;
        xs[p] = (float) xUm;
        ys[p] = (float) yUm;
        next[p] = -1;
        int track = indexByParticle.get(particle);
        if (track < 0) {
            if (trackCount == particles.length) growTracks();
            track = trackCount++;
            indexByParticle.put(particle, track);
            particles[track] = particle;
            heads[track] = p;
        } else {
            next[tails[track]] = p;
        }
        tails[track] = p;
        counts[track]++;
        minFrame = Math.min(minFrame, frame);
        maxFrame = Math.max(maxFrame, frame);
    }

    /** The collected tracks, in order of first appearance. */
    public Tracks tracks() {
        return new Tracks(this);
    }

    int trackCount() { return trackCount; }

    int positionCount() { return size; }

    long particle(int track) { return particles[track]; }

    int count(int track) { return counts[track]; }

    int head(int track) { return heads[track]; }

    int nextPosition(int position) { return next[position]; }

    int frame(int position) { return frames[position]; }

    double x(int position) { return xs[position]; }

    double y(int position) { return ys[position]; }

    int minFrame() { return size == 0 ? 0 : minFrame; }

    int maxFrame() { return size == 0 ? -1 : maxFrame; }

    private void growPositions() {
        int n = frames.length + (frames.length >> 1);
        frames = Arrays.copyOf(frames, n);
        xs = Arrays.copyOf(xs, n);
        ys = Arrays.copyOf(ys, n);
        next = Arrays.copyOf(next, n);
    }

    private void growTracks() {
        int n = particles.length * 2;
        particles = Arrays.copyOf(particles, n);
        heads = Arrays.copyOf(heads, n);
        tails = Arrays.copyOf(tails, n);
        counts = Arrays.copyOf(counts, n);
    }

    /** Open-addressing map from particle id to track index; -1 when absent. */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private boolean[] used;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[capacity];
            values = new int[capacity];
            used = new boolean[capacity];
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; used[i]; i = (i + 1) & mask) {
                if (keys[i] == key) return values[i];
            }
            return -1;
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) rehash();
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (used[i] && keys[i] != key) i = (i + 1) & mask;
            if (!used[i]) size++;
            used[i] = true;
            keys[i] = key;
            values[i] = value;
        }

        private void rehash() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) if (oldUsed[i]) put(oldKeys[i], oldValues[i]);
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
