package org.exotrace.recall;

import java.time.Instant;
import java.util.UUID;

/**
 * The notice of a recall to one clinic that holds units in its scope, and its acknowledgement.
 *
 * @param emailedTo where the notice was e-mailed after the recall committed; null when it was not (no SMTP, no address)
 */
public record RecallNotice(UUID id, UUID recallId, UUID clinicId, String clinicName, Instant sentAt, String acknowledgedBy,
                           Instant acknowledgedAt, String emailedTo, Instant emailedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
