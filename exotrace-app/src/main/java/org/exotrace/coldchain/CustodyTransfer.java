package org.exotrace.coldchain;

import java.time.Instant;
import java.util.UUID;

/** A unit handed from one person to another (a courier, a nurse), when, as recorded by {@code recordedBy}. */
public record CustodyTransfer(UUID id, UUID unitId, String fromPerson, String toPerson, Instant handedAt, String note, String recordedBy,
                              Instant recordedAt) {}
