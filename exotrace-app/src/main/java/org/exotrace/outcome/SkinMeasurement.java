package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * A plain device reading with its instrument's range checked: TEWL, Corneometer hydration, a
 * Mexameter melanin or erythema index, or a scalp hair density or shaft diameter. The device,
 * site and room conditions are recorded with the assessment, not here.
 *
 * @param instrument {@link Instrument#TEWL}, {@link Instrument#CORNEOMETER},
 *     {@link Instrument#MEXAMETER_MELANIN}, {@link Instrument#MEXAMETER_ERYTHEMA},
 *     {@link Instrument#HAIR_DENSITY} or {@link Instrument#HAIR_SHAFT_DIAMETER}
 * @param value the reading in the instrument's unit
 */
public record SkinMeasurement(Instrument instrument, BigDecimal value) implements ScoreComponents {

    /** Stratum corneum hydration bands of the Corneometer. */
    public enum Hydration {
        /** below 30 AU */
        VERY_DRY,
        /** 30 to below 45 AU */
        DRY,
        /** 45 AU and above */
        SUFFICIENT
    }

    private static final BigDecimal DRY_FROM = BigDecimal.valueOf(30);
    private static final BigDecimal SUFFICIENT_FROM = BigDecimal.valueOf(45);

    /** Transepidermal water loss in g/m²/h, 0 or more (healthy skin about 8-15, site-dependent). */
    public static SkinMeasurement tewl(Double gramsPerSquareMetreHour) {
        return new SkinMeasurement(Instrument.TEWL, Check.notNegative("tewl", gramsPerSquareMetreHour, " g/m²/h"));
    }

    /** Corneometer hydration in arbitrary units, 0 or more; see {@link #hydration()}. */
    public static SkinMeasurement corneometer(Double arbitraryUnits) {
        return new SkinMeasurement(Instrument.CORNEOMETER, Check.notNegative("hydration", arbitraryUnits, " AU"));
    }

    /** Mexameter melanin index, 0-999; no universal normal, track against the patient's baseline. */
    public static SkinMeasurement melaninIndex(Double index) {
        return new SkinMeasurement(Instrument.MEXAMETER_MELANIN, Check.decimal("melaninIndex", index, 0, 999, ""));
    }

    /** Mexameter erythema index, 0-999; no universal normal, track against the patient's baseline. */
    public static SkinMeasurement erythemaIndex(Double index) {
        return new SkinMeasurement(Instrument.MEXAMETER_ERYTHEMA, Check.decimal("erythemaIndex", index, 0, 999, ""));
    }

    /**
     * Hair density in hairs per cm² at a marked scalp site (phototrichogram or trichoscopy count
     * over a known area), 0 or more. No band: judged against the patient's own baseline.
     */
    public static SkinMeasurement hairDensity(Double hairsPerSquareCentimetre) {
        return new SkinMeasurement(Instrument.HAIR_DENSITY, Check.notNegative("hairDensity", hairsPerSquareCentimetre, " hairs/cm²"));
    }

    /**
     * Mean hair shaft diameter in micrometres (µm) at a marked scalp site, above 0 (a diameter of
     * 0 is no hair, which is a density). No band: judged against the patient's own baseline.
     */
    public static SkinMeasurement hairShaftDiameter(Double micrometres) {
        return new SkinMeasurement(Instrument.HAIR_SHAFT_DIAMETER, Check.positive("shaftDiameter", micrometres, " µm"));
    }

    /**
     * The reading as a score without parts; banded only for the Corneometer ("very dry", "dry",
     * "sufficient"), the other readings have no validated bands.
     */
    @Override
    public Score score() {
        String band = instrument == Instrument.CORNEOMETER
                ? hydration().name().toLowerCase(Locale.ROOT).replace('_', ' ') : null;
        return new Score(instrument, value, band, Map.of());
    }

    /**
     * The Corneometer band: below 30 very dry, 30 to below 45 dry, 45 and above sufficient (valid
     * for readings taken at 20-22 °C and 40-60 % relative humidity).
     *
     * @throws IllegalStateException if this is not a Corneometer reading
     */
    public Hydration hydration() {
        if (instrument != Instrument.CORNEOMETER) {
            throw new IllegalStateException(instrument.code() + " has no hydration band");
        }
        if (value.compareTo(DRY_FROM) < 0) {
            return Hydration.VERY_DRY;
        }
        return value.compareTo(SUFFICIENT_FROM) < 0 ? Hydration.DRY : Hydration.SUFFICIENT;
    }
}
