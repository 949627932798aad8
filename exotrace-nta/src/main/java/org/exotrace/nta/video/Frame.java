package org.exotrace.nta.video;

/**
 * One video frame in grey levels, in camera units. A {@link FrameSource} may reuse the object and
 * its pixel array for the next frame, so a reader that keeps a frame copies it ({@link #copy()}).
 *
 * <p>Coordinates: (0, 0) is the centre of the top-left pixel, x runs along a row (to the right),
 * y down the columns; pixel (x, y) is {@code pixels()[y * width + x]}.
 */
public final class Frame {

    private final int width;
    private final int height;
    private final int bitDepth;
    private final float[] pixels;
    private int index;

    /**
     * @param width    pixels per row
     * @param height   rows
     * @param bitDepth 8 or 16, of the file (colour reduced to grey keeps the channel depth)
     */
    public Frame(int width, int height, int bitDepth) {
        if (width < 1 || height < 1) throw new IllegalArgumentException("a frame needs at least one pixel, not " + width + " × " + height);
        if (bitDepth != 8 && bitDepth != 16) throw new IllegalArgumentException("bit depth must be 8 or 16, not " + bitDepth);
        this.width = width;
        this.height = height;
        this.bitDepth = bitDepth;
        this.pixels = new float[Math.multiplyExact(width, height)];
    }

    /** The 0-based index of this frame in its video. */
    public int index() {
        return index;
    }

    public void setIndex(int index) {
        this.index = index;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bitDepth() {
        return bitDepth;
    }

    /** The largest value a pixel can hold: a pixel at this value is saturated. */
    public double maxValue() {
        return (1 << bitDepth) - 1;
    }

    /** Row-major grey levels, {@code [y * width + x]}, from 0 to {@link #maxValue()}. */
    public float[] pixels() {
        return pixels;
    }

    /** An independent copy, for a caller that keeps frames while the source moves on. */
    public Frame copy() {
        Frame c = new Frame(width, height, bitDepth);
        System.arraycopy(pixels, 0, c.pixels, 0, pixels.length);
        c.index = index;
        return c;
    }

    /** Copies this frame's pixels and index into a frame of the same shape. */
    public void copyInto(Frame target) {
        if (target.width != width || target.height != height) {
            throw new IllegalArgumentException("frame shapes differ: " + width + " × " + height + " against " + target.width + " × " + target.height);
        }
        System.arraycopy(pixels, 0, target.pixels, 0, pixels.length);
        target.index = index;
    }
}
