package org.exotrace.batch;

import java.util.EnumSet;
import java.util.Set;

/**
 * A lot's disposition. IN_TESTING may be released, rejected or quarantined; QUARANTINED may be
 * released or rejected; RELEASED may be quarantined again (a recall hold); REJECTED is final.
 */
public enum LotState implements org.exotrace.shared.Labelled {
    IN_TESTING("In testing"), QUARANTINED("Quarantined"), RELEASED("Released"), REJECTED("Rejected");

    private final String label;

    LotState(String label) { this.label = label; }

    /** The state as people read it ("In testing"); CSS classes and the API keep the code. */
    @Override
    public String label() { return label; }

    public Set<LotState> next() {
        return switch (this) {
            case IN_TESTING -> EnumSet.of(RELEASED, REJECTED, QUARANTINED);
            case QUARANTINED -> EnumSet.of(RELEASED, REJECTED);
            case RELEASED -> EnumSet.of(QUARANTINED);
            case REJECTED -> EnumSet.noneOf(LotState.class);
        };
    }

    public boolean canBecome(LotState target) { return next().contains(target); }

    /** Whether material of a lot in this state may be formulated, pooled or filled further. */
    public boolean usable() { return this == IN_TESTING || this == RELEASED; }

    /**
     * Whether the disposition is still open (in testing or quarantined): results and measurements
     * may be added, and the lot may be released or rejected. A released or rejected lot's results
     * are locked; it must be quarantined before it is examined again.
     */
    public boolean open() { return this == IN_TESTING || this == QUARANTINED; }
}
