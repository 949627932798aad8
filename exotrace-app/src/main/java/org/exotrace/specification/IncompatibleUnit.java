package org.exotrace.specification;

import java.util.List;

/**
 * A result's unit cannot be converted to the unit a specification asks for, because the two
 * measure different quantities or one of them is unknown. The message names both units, the
 * test when known, and the units that would be accepted.
 */
public final class IncompatibleUnit extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fromUnit;
    private final String toUnit;
    private final List<String> acceptedUnits;

    IncompatibleUnit(String fromUnit, String toUnit, String testCode, List<String> acceptedUnits) {
        super("unit '" + fromUnit + "' cannot be converted to '" + toUnit + "'"
                + (testCode == null ? "" : " (test " + testCode + ")")
                + "; use one of: " + String.join(", ", acceptedUnits));
        this.fromUnit = fromUnit;
        this.toUnit = toUnit;
        this.acceptedUnits = List.copyOf(acceptedUnits);
    }

    public String fromUnit() {
        return fromUnit;
    }

    public String toUnit() {
        return toUnit;
    }

    /** Canonical spellings of the units that can be converted to {@link #toUnit()}. */
    public List<String> acceptedUnits() {
        return acceptedUnits;
    }
}
