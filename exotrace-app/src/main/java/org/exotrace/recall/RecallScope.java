package org.exotrace.recall;

import org.exotrace.shared.Labelled;

/** Which units a recall takes in. */
public enum RecallScope implements Labelled {
    /** Every unit of the lot and of every lot derived or pooled from it, wherever it is. */
    LOT_AND_DESCENDANTS("The lot and the lots made from it"),
    /** Only the units named, each a unit of the lot or of a lot made from it. */
    CHOSEN_UNITS("Chosen units");

    private final String label;

    RecallScope(String label) { this.label = label; }

    @Override
    public String label() { return label; }
}
