package org.exotrace.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A source of material under a pseudonymous code. Donors are retired, never deleted.
 *
 * @param collectedOn            the day the material was collected (recovered); null until recorded
 * @param collectionJurisdiction the country it was collected in; null for donors registered before it was asked
 *                               (the lab's jurisdiction applies, see {@link Donors#jurisdiction})
 */
public record Donor(UUID id, DonorCode code, SourceType sourceType, String sourceDetail, String notes, LocalDate collectedOn,
                    String collectionJurisdiction, boolean retired, String createdBy, Instant createdAt) {}
