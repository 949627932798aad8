package org.exotrace.nta.tracks;

import java.util.Arrays;
import org.exotrace.nta.io.PositionSink;

/**
 * Collects streamed positions per particle into flat primitive arrays: a position costs 12 bytes
 * (frame as int, x and y as float micrometres, enough for 0.01 nm resolution over a 100 µm field)
 * plus, while positions are arriving, a 4-byte track index, so ten million positions fit in about
 * 160 MB. Positions of one particle must arrive in increasing frame order (the trajectory reader
 * enforces it); particles may be interleaved.
 *
 * <p>{@link #tracks()} regroups the positions track by track (a counting sort by track, one
 * sequential pass) and hands those arrays to the returned {@link Tracks}, so that every later pass
 * over a track reads consecutive memory; the arrival-order arrays and track indexes are released.
 * Positions may still be added afterwards: the collector then copies its arrays before changing
 * them, so a {@code Tracks} already returned never changes.
 */
public final class TrackCollector implements PositionSink {

    private final LongIntMap indexByParticle = new LongIntMap(1 << 12);
    private long[] particles = new long[1 << 12];
    private int[] counts = new int[1 << 12];
    private int trackCount;

    private int[] frames = new int[1 << 16];
    private float[] xs = new float[1 << 16];
    private float[] ys = new float[1 << 16];
    /** Track of each position in arrival order; null while the arrays are grouped by track. */
    private int[] trackOf = new int[1 << 16];
    private int size;
    private int minFrame = Integer.MAX_VALUE;
    private int maxFrame = Integer.MIN_VALUE;

    @Override
    public void position(int frame, long particle, double xUm, double yUm) {
        if (trackOf == null) ungroup();
        if (size == frames.length) growPositions();
        int track = indexByParticle.get(particle);
        if (track < 0) {
            if (trackCount == particles.length) growTracks();
            track = trackCount++;
            indexByParticle.put(particle, track);
            particles[track] = particle;
        }
        int p = size++;
        frames[p] = frame;
        xs[p] = (float) xUm;
        ys[p] = (float) yUm;
        trackOf[p] = track;
        counts[track]++;
        if (frame < minFrame) minFrame = frame;
        if (frame > maxFrame) maxFrame = frame;
    }

    /** The tracks collected so far, in order of first appearance (a snapshot). */
    public Tracks tracks() {
        int[] starts = new int[trackCount + 1];
        for (int t = 0; t < trackCount; t++) starts[t + 1] = starts[t] + counts[t];
        if (trackOf != null) group(starts);
        return new Tracks(particles, counts, starts, trackCount, frames, xs, ys, size,
                size == 0 ? 0 : minFrame, size == 0 ? -1 : maxFrame);
    }

    /** Stable counting sort of the positions by track: each track's positions keep their order. */
    private void group(int[] starts) {
        int[] cursor = Arrays.copyOf(starts, trackCount);
        int[] f = new int[size];
        float[] x = new float[size];
        float[] y = new float[size];
        for (int p = 0; p < size; p++) {
            int d = cursor[trackOf[p]]++;
            f[d] = frames[p];
            x[d] = xs[p];
            y[d] = ys[p];
        }
        frames = f;
        xs = x;
        ys = y;
        trackOf = null;
    }

    /**
     * Back to arrival-order storage after {@link #tracks()}: fresh copies (the returned Tracks
     * keeps the old arrays) and the track index of every position, recovered from the grouping.
     */
    private void ungroup() {
        int capacity = Math.max(1 << 16, size + (size >> 1));
        frames = Arrays.copyOf(frames, capacity);
        xs = Arrays.copyOf(xs, capacity);
        ys = Arrays.copyOf(ys, capacity);
        trackOf = new int[capacity];
        int p = 0;
        for (int t = 0; t < trackCount; t++) {
            for (int i = 0; i < counts[t]; i++) trackOf[p++] = t;
        }
        particles = particles.clone();
        counts = counts.clone();
    }

    private void growPositions() {
        int n = frames.length + (frames.length >> 1);
        frames = Arrays.copyOf(frames, n);
        xs = Arrays.copyOf(xs, n);
        ys = Arrays.copyOf(ys, n);
        trackOf = Arrays.copyOf(trackOf, n);
    }

    private void growTracks() {
        int n = particles.length * 2;
        particles = Arrays.copyOf(particles, n);
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
