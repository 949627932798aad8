package org.exotrace.nta.io;

import java.util.Arrays;

/**
 * The last frame seen for each particle id: an open-addressing long-to-int map, so that checking
 * frame order costs 12-24 bytes per distinct particle and no boxing per row.
 */
final class LastFrameByParticle {

    private static final int ABSENT = -1;

    private long[] keys;
    private int[] frames;
    private int size;
    private int mask;

    LastFrameByParticle() {
        allocate(1 << 12);
    }

    /**
     * Records {@code frame} as the last frame of {@code particle} and returns the previous last
     * frame, or -1 when the particle is new. Frames are never negative, so -1 is free.
     */
    int put(long particle, int frame) {
        int slot = slot(particle);
        while (frames[slot] != ABSENT) {
            if (keys[slot] == particle) {
                int previous = frames[slot];
                frames[slot] = frame;
                return previous;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = particle;
        frames[slot] = frame;
        if (++size * 2 > keys.length) {
            grow();
        }
        return ABSENT;
    }

    int size() {
        return size;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        frames = new int[capacity];
        Arrays.fill(frames, ABSENT);
        mask = capacity - 1;
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldFrames = frames;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldFrames[i] != ABSENT) {
                put(oldKeys[i], oldFrames[i]);
            }
        }
    }
}
