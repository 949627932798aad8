package org.exotrace.donor;

import java.time.Instant;
import java.util.UUID;

/** A source of material under a pseudonymous code. Donors are retired, never deleted. */
public record Donor(UUID id, DonorCode code, SourceType sourceType, String sourceDetail, String notes,
                    boolean retired, String createdBy, Instant createdAt) {}
