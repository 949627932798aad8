package org.exotrace.recall;

import java.time.Instant;
import java.util.UUID;

/** The notice of a recall to one clinic that holds units in its scope, and its acknowledgement. */
public record RecallNotice(UUID id, UUID recallId, UUID clinicId, String clinicName, Instant sentAt, String acknowledgedBy,
                           Instant acknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
