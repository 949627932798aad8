package org.exotrace.donor;

import java.time.LocalDate;
import java.util.UUID;

/** A donor withdrew consent for a scope: release of their lots for that scope is blocked from now on. */
public record ConsentWithdrawn(UUID donorId, String donorCode, ConsentScope scope, LocalDate withdrawnOn, String reason) {}
