package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Objective SCORAD, 0-83: A/5 + 7B/2, the {@link Scorad} without the patient's symptoms.
 *
 * <p>Bands (Chopra 2017): 0-7.9 clear, 8-23.9 mild, 24-37.9 moderate, 38-83 severe.
 *
 * @param extent A
 * @param intensity B
 */
public record ObjectiveScorad(Scorad.Extent extent, Scorad.Intensity intensity) implements ScoreComponents {

    /** Chopra et al. 2017 severity bands. */
    public static final Bands BANDS = Bands.of(
            Bands.Band.from("0", "clear"),
            Bands.Band.from("8", "mild"),
            Bands.Band.from("24", "moderate"),
            Bands.Band.from("38", "severe"));

    /**
     * @throws org.exotrace.shared.DomainProblem naming the first missing or out-of-range component
     */
    public ObjectiveScorad {
        Check.required("extent", extent);
        Check.required("intensity", intensity).sum();
    }

    @Override
    public Instrument instrument() {
        return Instrument.OSCORAD;
    }

    /** oSCORAD with the parts {@code extent} (A/5) and {@code intensity} (7B/2). */
    @Override
    public Score score() {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        parts.put("extent", extent.fifth());
        parts.put("intensity", intensity.weighted());
        BigDecimal total = extent.fifth().add(intensity.weighted());
        return new Score(Instrument.OSCORAD, total, BANDS.label(total), parts);
    }
}
