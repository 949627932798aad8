package org.exotrace.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.exotrace.specification.TestCode;

/**
 * The investigation of one out-of-specification result, after the FDA guidance "Investigating
 * Out-of-Specification (OOS) Test Results for Pharmaceutical Production" (2006, rev. 2022).
 * Opened automatically, in the same transaction, when a result is judged out of specification at
 * entry. Phase I is the laboratory investigation (the analyst and supervisor look for an
 * assignable laboratory cause: calculation, instrument, standard, sample preparation); when none
 * is found, phase II is the full-scale investigation (production review and additional testing
 * under a predefined plan: a retest by a second analyst, a resample when justified). A conclusion
 * is proposed and closes the investigation only when a second person holding the QA releaser role
 * approves it:
 * <ul>
 *   <li>{@link Conclusion#OOS_CONFIRMED}: the result stands and keeps counting, so the lot fails
 *       that test and QA rejects it;</li>
 *   <li>{@link Conclusion#INVALIDATED}: an assignable laboratory cause (category and description)
 *       makes the result invalid; it stays on record, marked invalidated with the cause, and the
 *       newest valid result recorded inside the investigation counts instead.</li>
 * </ul>
 * Results recorded inside the investigation are {@link AdditionalResult additional}: the original
 * is never replaced by them. While the investigation is open, the lot cannot be released.
 *
 * @param resultId the out-of-specification result that opened the investigation
 * @param analyst who entered that result
 * @param phaseOne the phase I findings, or null before they are recorded
 * @param phaseTwo the phase II review and plan, or null when the investigation did not reach phase II
 * @param proposal the conclusion proposed (kept once approved), or null when none is proposed (or QA returned it)
 * @param approval QA's approval of the proposal, which closed the investigation, or null while open
 */
public record OosInvestigation(UUID id, String number, UUID lotId, String testCode, UUID resultId, String analyst,
                               Status status, Phase phase, Instant openedAt, String openedBy,
                               PhaseOne phaseOne, PhaseTwo phaseTwo, Proposal proposal, Approval approval,
                               List<AdditionalResult> additionalResults) {

    public OosInvestigation {
        additionalResults = List.copyOf(additionalResults);
    }

    public enum Status {
        OPEN("Open"), CLOSED("Closed");

        private final String label;

        Status(String label) { this.label = label; }

        public String label() { return label; }
    }

    public enum Phase {
        PHASE_I("Phase I: laboratory investigation"), PHASE_II("Phase II: full-scale investigation");

        private final String label;

        Phase(String label) { this.label = label; }

        public String label() { return label; }

        /** "Phase I" or "Phase II". */
        public String shortLabel() { return this == PHASE_I ? "Phase I" : "Phase II"; }
    }

    public enum Conclusion {
        OOS_CONFIRMED("OOS confirmed: the result stands",
                "Approval: the out-of-specification result is confirmed; the lot fails this test"),
        INVALIDATED("Invalidated: assignable laboratory cause",
                "Approval: the out-of-specification result is invalid for the assignable laboratory cause stated; the retest counts");

        private final String label;
        private final String meaning;

        Conclusion(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() { return label; }

        /** What the approver declares by approving this conclusion. */
        public String meaning() { return meaning; }
    }

    /** Categories of assignable laboratory cause (the guidance's phase I checklist, plus method execution). */
    public enum Cause {
        CALCULATION("Calculation or transcription error"),
        INSTRUMENT("Instrument malfunction or out of calibration"),
        STANDARD("Reference standard or reagent"),
        SAMPLE_PREPARATION("Sample preparation (dilution, handling, contamination)"),
        METHOD_EXECUTION("Analytical method not followed"),
        OTHER("Other documented laboratory cause");

        private final String label;

        Cause(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** How an additional result was obtained. */
    public enum Testing {
        RETEST("Retest of the original sample"), RESAMPLE("Resample from the lot");

        private final String label;

        Testing(String label) { this.label = label; }

        public String label() { return label; }
    }

    /** What was checked in the laboratory investigation, area by area, and the hypothesis. */
    public record PhaseOne(String calculationCheck, String instrumentCheck, String standardCheck, String samplePreparationCheck,
                           String hypothesis, String recordedBy, Instant recordedAt) {}

    /** The production review and the predefined plan of additional testing. */
    public record PhaseTwo(String productionReview, String plan, String resamplingJustification, String recordedBy, Instant recordedAt) {}

    public record Proposal(Conclusion conclusion, Cause causeCategory, String causeDescription, String summary,
                           String proposedBy, Instant proposedAt) {

        /** "Sample preparation (dilution, ...): description", or null for a confirmation. */
        public String causeText() {
            return causeCategory == null ? null : causeCategory.label() + ": " + causeDescription;
        }
    }

    /** QA's approval: printed name, time, meaning and the SHA-256 of the investigation as approved. */
    public record Approval(String username, String printedName, Instant approvedAt, String meaning, String contentHash, String comment) {}

    /** A result recorded inside the investigation. */
    public record AdditionalResult(UUID resultId, Testing kind, Phase phase) {}

    @JsonIgnore
    public boolean isOpen() { return status == Status.OPEN; }

    /** A conclusion has been proposed and waits for QA. */
    public boolean awaitingApproval() { return isOpen() && proposal != null; }

    /** The approved conclusion, or null while the investigation is open. */
    @JsonProperty("conclusion")
    public Conclusion conclusion() { return approval == null ? null : proposal.conclusion(); }

    /** Where the investigation stands, in words: "Phase I, open", "Phase II, awaiting QA approval", "Closed: OOS confirmed ...". */
    @JsonProperty("state")
    public String stateText() {
        if (!isOpen()) return "Closed: " + conclusion().label();
        return phase.shortLabel() + (awaitingApproval() ? ", awaiting QA approval" : ", open");
    }

    /** Whether the investigated result is a result of that test. */
    public boolean isAbout(TestCode test) {
        return test.is(testCode);
    }

    public boolean hasAdditional(UUID resultId) {
        return additionalResults.stream().anyMatch(a -> a.resultId().equals(resultId));
    }
}
