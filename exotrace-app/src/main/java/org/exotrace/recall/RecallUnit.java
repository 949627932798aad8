package org.exotrace.recall;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit in a recall's scope and its accounting.
 *
 * @param clinicId    the clinic it was shipped to, null when it was in the lab at the recall
 * @param usedBefore  it had been used in a session before the recall opened (reported as used at once)
 * @param reportedBy  who accounted for it (null while quarantined; {@code system} for a use before the recall)
 */
public record RecallUnit(UUID recallId, UUID unitId, String unitCode, String lotCode, UUID clinicId, String clinicName, UnitStatus status,
                         boolean usedBefore, String reportedBy, Instant reportedAt, String note) {

    public boolean inLab() {
        return clinicId == null;
    }
}
