package org.exotrace.evidence;

import java.time.Instant;
import java.util.UUID;

/** A saved, named cohort: the filter, who saved it and when. */
public record Cohort(UUID id, String name, CohortFilter filter, String createdBy, Instant createdAt) {}
