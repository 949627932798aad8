package org.exotrace.trace;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A unit and what became of it: where it is ({@code shipment} null while the lab holds it) and the
 * sessions that used it (voided sessions are not uses).
 */
public record TracedUnit(UUID id, String code, String lotCode, double volumeMl, LocalDate destroyedOn, Shipment shipment, List<Use> uses) {

    public TracedUnit {
        uses = List.copyOf(uses);
    }

    /** The shipment that took the unit to a clinic; {@code receivedOn} null while in transit. */
    public record Shipment(UUID id, UUID clinicId, String clinicName, LocalDate shippedOn, LocalDate receivedOn) {}

    /** A treatment session that used the unit. */
    public record Use(UUID sessionId, LocalDate performedOn, UUID clinicId, PatientRef patient) {}
}
