package org.exotrace.batch;

import java.util.UUID;

/**
 * One ampoule or vial filled from a lot, with a printable code like {@code L-2026-0001-U001}.
 *
 * @param destruction when, by whom and why the lab destroyed it; null while it exists
 */
public record LotUnit(UUID id, String code, UUID lotId, int number, Double volumeMl, UnitDestruction destruction) {

    /** A unit just filled, not destroyed. */
    public LotUnit(UUID id, String code, UUID lotId, int number, Double volumeMl) {
        this(id, code, lotId, number, volumeMl, null);
    }

    /** Whether the lab destroyed this unit: it can no longer be shipped or used. */
    public boolean destroyed() {
        return destruction != null;
    }
}
