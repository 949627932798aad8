package org.exotrace.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One isolation run: one donor's starting material through one method. {@code gForce} and
 * {@code durationMinutes} are set for ultracentrifugation; {@code methodDetail} names the column,
 * membrane cut-off, kit or antibody for the other methods. Code like {@code B-2026-0001}.
 */
public record Batch(UUID id, String code, UUID donorId, IsolationMethod method, Double gForce, Integer durationMinutes,
                    String methodDetail, Double inputVolumeMl, Long inputCellCount, Integer passage, LocalDate startedOn,
                    LocalDate completedOn, String operator, String notes, Instant createdAt, String createdBy) {

    /** The batch without the reference to its donor, for people who may not identify donors. */
    public Batch withoutDonor() {
        return new Batch(id, code, null, method, gForce, durationMinutes, methodDetail, inputVolumeMl, inputCellCount, passage, startedOn,
                completedOn, operator, notes, createdAt, createdBy);
    }
}
