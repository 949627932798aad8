package org.exotrace.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One eligibility screening test of a donor, e.g. anti-HIV-1/2 non-reactive on a date. */
public record Screening(UUID id, UUID donorId, String test, Result result, LocalDate sampledOn, String recordedBy, Instant recordedAt) {

    public enum Result { NEGATIVE, POSITIVE, INDETERMINATE }
}
