package org.exotrace.nta.concentration;

/**
 * How much the measured suspension was diluted from the sample: factor 100 means 1 part sample in
 * 100 parts total; 1 means undiluted.
 *
 * @param factor dilution factor, finite and &gt; 0
 */
public record Dilution(double factor) {

    public static final Dilution NONE = new Dilution(1);

    public Dilution {
        if (!Double.isFinite(factor) || !(factor > 0)) {
            throw new IllegalArgumentException("dilution factor must be finite and positive (1 = undiluted), got " + factor);
        }
    }

    public static Dilution of(double factor) {
        return new Dilution(factor);
    }
}
