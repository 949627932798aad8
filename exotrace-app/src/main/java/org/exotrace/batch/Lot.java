package org.exotrace.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A quantity of one product with one disposition. {@code batchId} is set for PRIMARY lots only;
 * derivative and pooled lots reach their batches through their parents. Code like {@code L-2026-0001}.
 */
public record Lot(UUID id, String code, String productCode, LotKind kind, UUID batchId, Double concentrationPerMl, Double volumeMl,
                  LocalDate manufacturedOn, LocalDate expiresOn, LotState state, UUID dispositionSignatureId, String dispositionReason,
                  Instant createdAt, String createdBy) {

    // Intentions rather than states: other modules ask these instead of comparing LotState values.
    // Named without "is" so that the API's JSON of a lot keeps its record components only.

    /**
     * Whether results and measurements may still be recorded against this lot: it is in testing or
     * quarantined. A released or rejected lot's results are locked until it is quarantined again.
     */
    public boolean acceptsResults() { return state.open(); }

    /** Whether QA may sign this lot's disposition now (release or rejection): it is in testing or quarantined. */
    public boolean awaitsDisposition() { return state.open(); }

    /** Whether the lot is released: its units may be shipped and used, and its certificate of analysis stands. */
    public boolean released() { return state == LotState.RELEASED; }

    /** Whether the lot is on hold (quarantined before release, or a released lot held or recalled). */
    public boolean quarantined() { return state == LotState.QUARANTINED; }

    /** Whether the lot is rejected: final, nothing is filled from it and it is never used. */
    public boolean rejected() { return state == LotState.REJECTED; }
}
