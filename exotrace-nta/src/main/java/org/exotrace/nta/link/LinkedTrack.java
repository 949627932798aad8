package org.exotrace.nta.link;

/**
 * One finished track. Frames increase; a jump of more than one frame is a gap the linker closed.
 * Positions are in pixels, (0, 0) the centre of the top-left pixel.
 *
 * @param id                the track's number, unique within one linking run
 * @param frames            the frame of each position
 * @param xPx               column positions, px
 * @param yPx               row positions, px
 * @param mass              the feature's integrated intensity at each position, camera units
 * @param saturatedCount    positions whose feature had a saturated pixel
 * @param overlappingCount  positions whose feature touched another
 */
@SuppressWarnings("java:S6218") // arrays are handed over, never shared: equality by identity is intended
public record LinkedTrack(long id, int[] frames, float[] xPx, float[] yPx, float[] mass, int saturatedCount, int overlappingCount) {

    public LinkedTrack {
        if (frames.length == 0 || xPx.length != frames.length || yPx.length != frames.length || mass.length != frames.length) {
            throw new IllegalArgumentException("a track needs at least one position and one x, y and mass per frame");
        }
    }

    public int length() {
        return frames.length;
    }

    public int firstFrame() {
        return frames[0];
    }

    public int lastFrame() {
        return frames[frames.length - 1];
    }

    public double meanMass() {
        double s = 0;
        for (float m : mass) s += m;
        return s / mass.length;
    }
}
