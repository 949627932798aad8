package org.exotrace.donor;

import java.time.LocalDate;
import java.util.UUID;

/** A donor's consent for one scope, granted on a date and possibly withdrawn later (with the reason). */
public record Consent(UUID id, UUID donorId, ConsentScope scope, LocalDate grantedOn, String documentReference,
                      Status status, LocalDate withdrawnOn, String withdrawalReason) {

    public enum Status { GRANTED, WITHDRAWN }

    public boolean isActive() { return status == Status.GRANTED; }
}
