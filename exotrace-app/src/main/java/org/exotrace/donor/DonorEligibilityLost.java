package org.exotrace.donor;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A donor who was eligible is no longer: a reactive or inconclusive screening result was recorded,
 * or a negative one was invalidated or corrected so the panel is no longer complete and negative.
 * Published in the same transaction as the change; released lots from the donor's material are
 * reviewed.
 *
 * @param donorCode  the donor's code, for people who may identify donors
 * @param eligibility what the donor is now: ineligible or pending
 * @param reason     why, without the donor's code, e.g. "HBsAg: reactive (sampled 2026-12-01)"
 */
public record DonorEligibilityLost(UUID donorId, String donorCode, Eligibility eligibility, String reason, LocalDate on) {}
