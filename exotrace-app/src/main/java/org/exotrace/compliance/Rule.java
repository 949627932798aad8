package org.exotrace.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One regulatory rule. Selectors: {@code source} is {@code ANY}, {@code HUMAN}, {@code NON_HUMAN}
 * or a source type such as {@code UMBILICAL_CORD_MSC}; {@code route} is {@code ANY}, a
 * {@link Route.Group} or a {@link Route}; {@code purpose} is {@code ANY} or a {@link Purpose}.
 *
 * @param effectiveFrom the day the rule starts to apply; null when the source gives no date (in force)
 * @param effectiveTo   the first day it no longer applies; null while in force
 * @param version       1 when created, +1 at each edit (the audit trail keeps every earlier text)
 */
public record Rule(UUID id, String jurisdiction, String source, String route, String purpose, RuleVerdict verdict,
                   Confidence confidence, String citation, String note, LocalDate effectiveFrom, LocalDate effectiveTo,
                   int version, String changedBy, Instant changedAt) {

    /** Whether the rule applies on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom)) && (effectiveTo == null || day.isBefore(effectiveTo));
    }
}
