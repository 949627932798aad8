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
                  Instant createdAt, String createdBy) {}
