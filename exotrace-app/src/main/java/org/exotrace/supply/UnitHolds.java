package org.exotrace.supply;

import java.util.Optional;
import java.util.UUID;

/**
 * Something that holds units back from use and shipment (a recall). The supply module asks every
 * implementation in {@link Shipments#check} (the scan at the point of use, the session record, the
 * clinic's inventory) and in {@link Shipments#ship}, without knowing the modules that hold units.
 */
public interface UnitHolds {

    /**
     * Why the unit must not be used or shipped, e.g. "unit X is under recall R-2026-0001 (class I): do not
     * use; return it as the recall notice says", or empty when this holder does not hold it.
     */
    Optional<String> heldBecause(UUID unitId, String unitCode);
}
