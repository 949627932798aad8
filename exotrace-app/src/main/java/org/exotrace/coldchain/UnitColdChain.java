package org.exotrace.coldchain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A unit's cold-chain record: where it is stored now (null when not placed in the lab's storage),
 * who holds it, its excursions and thaws, and the product's declared storage condition (null when
 * QA declared none: every excursion and thaw then waits for QA).
 */
public record UnitColdChain(String unitCode, String lotCode, String productCode, Place place, String custodian, List<CustodyTransfer> transfers,
                            List<ColdChainEvent> events, StorageCondition condition) {

    public UnitColdChain {
        transfers = List.copyOf(transfers);
        events = List.copyOf(events);
    }

    /** The unit's place: the box's path and the position in it. */
    public record Place(String path, String position, String placedBy, Instant placedAt) {}

    @JsonProperty
    public long thaws() {
        return events.stream().filter(e -> e.kind() == ColdChainEvent.EventKind.THAW).count();
    }

    @JsonProperty
    public boolean held() {
        return events.stream().anyMatch(ColdChainEvent::holds);
    }
}
