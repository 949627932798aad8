package org.exotrace.batch;

/**
 * Upper bounds beyond which a typed quantity cannot be a real measurement of this lab's work, so a
 * typo (an extra zero run, 1e308) is refused at entry instead of being stored or overflowing a
 * sum. They are plausibility limits, deliberately generous, not specifications.
 */
final class Bounds {

    /** The fastest preparative ultracentrifuges reach about 1,000,000 × g. */
    static final double G_FORCE = 1_200_000;
    /** A week; isolation steps run for hours. */
    static final int DURATION_MINUTES = 7 * 24 * 60;
    /** 1,000 litres: a large bioreactor harvest. */
    static final double BULK_VOLUME_ML = 1_000_000;
    /** One litre: the largest bag a unit could be filled into. */
    static final double UNIT_VOLUME_ML = 1_000;
    /** One microlitre: no unit is filled with less (a 1e-300 mL unit once printed a 300-digit volume). */
    static final double UNIT_VOLUME_MIN_ML = 0.001;
    /** 10^15 particles per mL: 30 nm vesicles packed solid would fit only about 7 × 10^16. */
    static final double PARTICLES_PER_ML = 1e15;
    /** 10^13 cells: more than any culture run. */
    static final long CELL_COUNT = 10_000_000_000_000L;
    /** Cells are not expanded for 100 passages. */
    static final int PASSAGE = 100;

    private Bounds() {
    }
}
