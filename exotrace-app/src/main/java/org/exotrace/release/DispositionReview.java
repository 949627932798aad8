package org.exotrace.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.donor.ConsentScope;

/**
 * QA's review of a released lot after something changed that could make its units unfit for use:
 * a donor withdrew a consent the product needs, a donor stopped being eligible (a reactive or
 * inconclusive screening result, or a negative one invalidated), a result was invalidated, or the
 * lot was quarantined. While it is open ({@code outcome} null) the lot's units are refused at the clinics
 * and are not shipped; QA closes it with a signed {@link Outcome}.
 *
 * @param openedOn  the day the review was opened, in the lab's time zone
 * @param causes    what opened the review and what joined it later, oldest first
 * @param decisionId the signed decision that recorded the outcome (null while open)
 */
public record DispositionReview(UUID id, UUID lotId, String lotCode, Instant openedAt, LocalDate openedOn, String openedBy,
                                List<Cause> causes, Outcome outcome, String outcomeReason, UUID decisionId, String decidedBy,
                                Instant decidedAt, LocalDate decidedOn) {

    public DispositionReview {
        causes = List.copyOf(causes);
    }

    /** QA's decision on a reviewed lot. */
    public enum Outcome {
        CONTINUE("Continue", "the lot stays released and its units may be used again"),
        QUARANTINE("Quarantine", "the lot is put on hold and its units may not be used"),
        RECALL("Recall", "the lot is quarantined and marked recalled; units in the field are refused as recalled");

        private final String label;
        private final String effect;

        Outcome(String label, String effect) {
            this.label = label;
            this.effect = effect;
        }

        public String label() { return label; }

        /** What the outcome does, for the form and the guide. */
        public String effect() { return effect; }
    }

    /** Why a review was opened or what joined it. */
    public enum CauseKind {
        CONSENT_WITHDRAWN("Consent withdrawn"),
        RESULT_INVALIDATED("Result invalidated"),
        LOT_QUARANTINED("Lot quarantined"),
        DONOR_INELIGIBLE("Donor no longer eligible");

        private final String label;

        CauseKind(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * One cause, with the facts of the event that raised it.
     *
     * @param subject the donor's code (consent, eligibility), the test and its result (invalidation) or the signer's printed name (quarantine)
     * @param scope   the withdrawn consent's scope, for a consent
     * @param reason  the reason given for the withdrawal, invalidation or quarantine; for a donor no longer
     *                eligible, what their screening says now ("HBsAg: reactive (sampled 2026-12-01)"), never their code
     * @param sourceId the donor, result or signature the event was about
     */
    public record Cause(UUID id, CauseKind kind, String subject, ConsentScope scope, LocalDate occurredOn, String reason, UUID sourceId,
                        Instant recordedAt, String recordedBy) {

        /** The cause in plain words, e.g. "donor 00A26 26 000001 7 withdrew consent for cosmetic use on 2026-12-06". */
        public String text() {
            return text(true);
        }

        /** The cause in plain words; without the donor's code for people who must not see it (researchers). */
        public String text(boolean showDonor) {
            return switch (kind) {
                case CONSENT_WITHDRAWN -> (showDonor ? "donor " + subject : "a donor") + " withdrew consent for "
                        + (scope == null ? "a use" : scope.label().toLowerCase(Locale.ROOT)) + " on " + occurredOn;
                case RESULT_INVALIDATED -> "the result " + subject + " was invalidated on " + occurredOn;
                case LOT_QUARANTINED -> "the lot was quarantined" + (subject == null ? "" : " by " + subject) + " on " + occurredOn;
                case DONOR_INELIGIBLE -> (showDonor ? "donor " + subject + "'s" : "the donor's") + " screening is no longer complete and negative"
                        + (reason == null ? "" : ": " + reason);
            };
        }

        /** The cause with its reason in brackets, for the audit snapshot; a donor's lost eligibility already says why. */
        String textWithReason() {
            return text() + (reason == null || kind == CauseKind.DONOR_INELIGIBLE ? "" : " (" + reason + ")");
        }
    }

    public boolean open() {
        return outcome == null;
    }

    public boolean recalled() {
        return outcome == Outcome.RECALL;
    }

    /** The kinds of the causes, each once, e.g. "Consent withdrawn, Lot quarantined": a summary without donor codes. */
    public String causeKinds() {
        return causes.stream().map(c -> c.kind().label()).distinct().collect(Collectors.joining(", "));
    }

    /** Every cause in plain words, joined by semicolons. */
    public String causesText(boolean showDonor) {
        return causes.stream().map(c -> c.text(showDonor)).collect(Collectors.joining("; "));
    }

    /**
     * Why a unit of the lot must not be used now, as the clinic's scan says it, e.g. "lot
     * L-2026-0003 is under disposition review since 2026-12-06: donor … withdrew consent for
     * cosmetic use on 2026-12-06; do not use until QA decides"; null when the review is closed and
     * did not recall the lot.
     */
    public String refusal() {
        return refusal(true);
    }

    /** {@link #refusal()}, without donor codes for people who must not see them. */
    public String refusal(boolean showDonor) {
        if (open()) return "lot " + lotCode + " is under disposition review since " + openedOn + ": " + causesText(showDonor) + "; do not use until QA decides";
        if (recalled()) return "lot " + lotCode + " was recalled on " + decidedOn + " (" + outcomeReason + "): do not use";
        return null;
    }
}
