package org.exotrace.recall;

import org.exotrace.shared.Labelled;

/** What became of a unit in a recall's scope: held until the clinic (or QA, for the lab's units) accounts for it. */
public enum UnitStatus implements Labelled {
    QUARANTINED("Quarantined"),
    RETURNED("Returned"),
    DESTROYED("Destroyed"),
    USED("Used");

    private final String label;

    UnitStatus(String label) { this.label = label; }

    @Override
    public String label() { return label; }

    /** Whether the unit is accounted for: every status but the hold it starts in. */
    public boolean accounted() {
        return this != QUARANTINED;
    }
}
