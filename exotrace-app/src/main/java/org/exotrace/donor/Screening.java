package org.exotrace.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One screening result of a donor, e.g. anti-HIV-1/2 non-reactive on a sample of a date. Coded
 * results name a catalog test and one of its results; results recorded before the catalog
 * existed are uncoded (free text, {@code testCode} null) and never count toward eligibility. A
 * result entered in error is invalidated with a reason (and possibly corrected by a new one),
 * never deleted.
 *
 * @param result       the result code: one of the test's results, or for uncoded results NEGATIVE, POSITIVE or INDETERMINATE
 * @param meaning      what the result means for eligibility
 * @param correctedBy  the result that replaced this one when it was corrected
 */
public record Screening(UUID id, UUID donorId, String testCode, String testName, String result, String resultLabel,
                        ScreeningTest.Meaning meaning, LocalDate sampledOn, Status status, String invalidationReason,
                        UUID correctedBy, String recordedBy, Instant recordedAt) {

    public enum Status {
        VALID("Valid"),
        INVALIDATED("Invalidated");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** Recorded against a catalog test (not legacy free text). */
    public boolean coded() { return testCode != null; }

    /** Counts toward the eligibility determination: coded and not invalidated. */
    public boolean counts() { return coded() && status == Status.VALID; }
}
