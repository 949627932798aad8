package org.exotrace.clinic;

import java.time.Instant;
import java.util.UUID;

/** A clinic: an organization in one jurisdiction (an ISO country code, as the regulatory rules use). */
public record Clinic(UUID id, String code, String name, String jurisdiction, String address, String createdBy, Instant createdAt) {}
