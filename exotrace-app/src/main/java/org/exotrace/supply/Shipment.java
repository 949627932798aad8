package org.exotrace.supply;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Units the lab sent to a clinic; received once the clinic confirms. */
public record Shipment(UUID id, UUID clinicId, LocalDate shippedOn, String sender, String note, LocalDate receivedOn, String receivedBy,
                       List<String> unitCodes) {

    public Shipment {
        unitCodes = List.copyOf(unitCodes);
    }

    public boolean received() {
        return receivedOn != null;
    }
}
