package org.exotrace.outcome;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The outcome instruments the application knows, with what a list or a chart needs: a short
 * code, the full name, the range of values and what kind of value it is. For measurements the
 * range is that of the device scale, or open-ended ({@link #max()} empty) where there is none.
 */
public enum Instrument {

    EASI("EASI", "Eczema Area and Severity Index", Kind.SCORE, "0", "72", ""),
    SCORAD("SCORAD", "SCORing Atopic Dermatitis", Kind.SCORE, "0", "103", ""),
    OSCORAD("oSCORAD", "objective SCORAD (without the subjective symptoms)", Kind.SCORE, "0", "83", ""),
    PASI("PASI", "Psoriasis Area and Severity Index", Kind.SCORE, "0", "72", ""),
    MASI("MASI", "Melasma Area and Severity Index", Kind.SCORE, "0", "48", ""),
    MMASI("mMASI", "modified MASI (without homogeneity)", Kind.SCORE, "0", "24", ""),
    GAGS("GAGS", "Global Acne Grading System", Kind.SCORE, "0", "44", ""),
    VIGA_AD("vIGA-AD", "validated Investigator Global Assessment for Atopic Dermatitis", Kind.GRADE, "0", "4", ""),
    POEM("POEM", "Patient-Oriented Eczema Measure", Kind.SCORE, "0", "28", ""),
    DLQI("DLQI", "Dermatology Life Quality Index", Kind.SCORE, "0", "30", ""),
    /** The range is that of the UNVERIFIED default item ranges; see {@link VancouverScarScale}. */
    VSS("VSS", "Vancouver Scar Scale", Kind.SCORE, "0", "13", ""),
    POSAS_OBSERVER("POSAS-O", "Patient and Observer Scar Assessment Scale 2.0, observer scale", Kind.SCORE, "6", "60", ""),
    POSAS_PATIENT("POSAS-P", "Patient and Observer Scar Assessment Scale 2.0, patient scale", Kind.SCORE, "6", "60", ""),
    GAIS("GAIS", "Global Aesthetic Improvement Scale", Kind.CATEGORY, null, null, ""),
    TEWL("TEWL", "transepidermal water loss", Kind.MEASUREMENT, "0", null, "g/m²/h"),
    CORNEOMETER("Corneometer", "stratum corneum hydration", Kind.MEASUREMENT, "0", null, "AU"),
    MEXAMETER_MELANIN("MI", "melanin index (Mexameter)", Kind.MEASUREMENT, "0", "999", ""),
    MEXAMETER_ERYTHEMA("EI", "erythema index (Mexameter)", Kind.MEASUREMENT, "0", "999", ""),
    CUTOMETER("Cutometer", "skin elasticity ratios R2, R5, R7 (Cutometer)", Kind.MEASUREMENT, "0", null, ""),
    HAIR_DENSITY("Hair density", "hair density at a marked scalp site (phototrichogram)", Kind.MEASUREMENT, "0", null, "hairs/cm²"),
    HAIR_SHAFT_DIAMETER("Shaft diameter", "mean hair shaft diameter at a marked scalp site", Kind.MEASUREMENT, "0", null, "µm");

    /** What kind of value an instrument gives. */
    public enum Kind {
        /** A number computed from components. */
        SCORE,
        /** A single ordinal grade with a label per value. */
        GRADE,
        /** A named category without a number. */
        CATEGORY,
        /** A device reading. */
        MEASUREMENT
    }

    private final String code;
    private final String title;
    private final Kind kind;
    private final BigDecimal min;
    private final BigDecimal max;
    private final String unit;

    Instrument(String code, String title, Kind kind, String min, String max, String unit) {
        this.code = code;
        this.title = title;
        this.kind = kind;
        this.min = min == null ? null : new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
        this.unit = unit;
    }

    /** The short name clinicians use ("EASI", "oSCORAD"). */
    public String code() {
        return code;
    }

    /** The full name. */
    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }

    /** The lowest possible value; empty for a category. */
    public Optional<BigDecimal> min() {
        return Optional.ofNullable(min);
    }

    /** The highest possible value; empty for a category or an open-ended measurement. */
    public Optional<BigDecimal> max() {
        return Optional.ofNullable(max);
    }

    /** The unit, empty for unitless scores. */
    public String unit() {
        return unit;
    }
}
