package org.exotrace.coldchain;

import java.time.Instant;
import java.util.UUID;

/**
 * A temperature excursion or a thaw recorded against a unit. {@code holdReason} is set when the
 * event broke the product's limits (or the product has none): the unit is held until QA's
 * {@code decision}, USABLE (the hold ends) or UNUSABLE (the unit stays held for good).
 */
public record ColdChainEvent(UUID id, UUID unitId, String unitCode, EventKind kind, Instant occurredAt, Double highestC, Integer minutes,
                             String holdReason, String recordedBy, Instant recordedAt, HoldDecision decision, String decisionReason, String decidedBy,
                             Instant decidedAt) {

    public enum EventKind { EXCURSION, THAW }

    public enum HoldDecision { USABLE, UNUSABLE }

    /** Whether this event holds its unit now. */
    public boolean holds() {
        return holdReason != null && decision != HoldDecision.USABLE;
    }

    /** Whether QA still has to decide. */
    public boolean awaitsDecision() {
        return holdReason != null && decision == null;
    }
}
