package org.exotrace.batch;

import java.util.Optional;

/**
 * Something outside the lab that can take custody of units (a shipment to a clinic). The batch
 * module asks every implementation before it destroys a unit, so that the lab destroys only what
 * it still holds, without knowing the modules that move units out of it.
 */
public interface UnitCustody {

    /**
     * Why the unit is no longer in the lab, e.g. "shipped to Clinic Seoul on 2026-05-02", or empty
     * when this custodian does not hold it. Called inside the destroying transaction, after the
     * unit's row is locked.
     */
    Optional<String> outOfLab(LotUnit unit);
}
