package org.exotrace.nta.video;

/**
 * Whether particles appear brighter or darker than the background: bright in dark-field scattering
 * (NTA instruments), dark in bright-field microscopy.
 */
public enum Polarity {
    /** The detector decides from the first frames (see {@code Detector.darkParticles()}). */
    AUTO,
    /** Bright particles on a dark background (dark-field scattering, fluorescence). */
    BRIGHT,
    /** Dark particles on a bright background (bright-field): frames are inverted, v → max − v, before detection. */
    DARK;

    /** Inverts the frame in place when particles were stated to be dark, so the detector sees bright spots. */
    public void apply(Frame frame) {
        if (this != DARK) return;
        float max = (float) frame.maxValue();
        float[] p = frame.pixels();
        for (int i = 0; i < p.length; i++) p[i] = max - p[i];
    }
}
