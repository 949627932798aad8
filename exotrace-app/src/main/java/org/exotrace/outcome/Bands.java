package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Severity bands of a score, each starting at a lower bound and reaching up to the next band.
 * Bounds are inclusive ({@link Band#from}) or, for a band that starts just above a value such as
 * "mild" right above a clear 0, exclusive ({@link Band#above}). Published bands are written with
 * one decimal (EASI mild 0.1-5.9, moderate 6.0-22.9); treating them as lower bounds also bands
 * exact values between the printed ones, such as EASI 5.95 (mild) or 0.05 (mild).
 *
 * @param bands in ascending order of their bounds; the first must start at or below the lowest
 *     possible score
 */
public record Bands(List<Band> bands) {

    /**
     * One band.
     *
     * @param bound where the band starts
     * @param exclusive whether the band starts just above {@code bound} rather than at it
     * @param label what the band is called ("mild", "small effect")
     */
    public record Band(BigDecimal bound, boolean exclusive, String label) {

        public Band {
            Objects.requireNonNull(bound, "bound");
            Objects.requireNonNull(label, "label");
        }

        /** A band from {@code bound} inclusive. */
        public static Band from(String bound, String label) {
            return new Band(new BigDecimal(bound), false, label);
        }

        /** A band starting just above {@code bound}. */
        public static Band above(String bound, String label) {
            return new Band(new BigDecimal(bound), true, label);
        }

        boolean contains(BigDecimal value) {
            int compared = value.compareTo(bound);
            return exclusive ? compared > 0 : compared >= 0;
        }
    }

    public Bands {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("bands need at least one band");
        }
        for (int i = 1; i < bands.size(); i++) {
            Band previous = bands.get(i - 1);
            Band band = bands.get(i);
            int compared = band.bound().compareTo(previous.bound());
            if (compared < 0 || (compared == 0 && (previous.exclusive() || !band.exclusive()))) {
                throw new IllegalArgumentException("bands must be in ascending order: " + band.label() + " after " + previous.label());
            }
        }
    }

    public static Bands of(Band... bands) {
        return new Bands(List.of(bands));
    }

    /** The label of the band that holds {@code value}. */
    public String label(BigDecimal value) {
        for (int i = bands.size() - 1; i >= 0; i--) {
            if (bands.get(i).contains(value)) {
                return bands.get(i).label();
            }
        }
        throw new IllegalArgumentException(value.toPlainString() + " is below the lowest band, " + bands.get(0).label());
    }
}
