package org.exotrace.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import org.exotrace.compliance.Route;

/**
 * An adjustment a template's rule suggests for a plan whose endpoint has not responded in time, for
 * the clinician to accept or override. It is a suggestion, never an order: the decision is the
 * clinician's, and it is recorded.
 *
 * @param ruleCode      the template rule's code, unique within the template ("EASI50-W8-INTERVAL")
 * @param finding       what fired the rule, e.g. "EASI-50 not achieved at week 8: EASI 20 at baseline, 14 on 2026-03-02 (30 % improvement)"
 * @param text          what is suggested
 * @param proposedRoute the route proposed by a route change or microneedling suggestion; null otherwise
 * @param permitted     false when the proposed route is not permitted for this plan's source and purpose in the clinic's
 *                      jurisdiction (or no rule covers it): the suggestion is shown as not permitted here and cannot be accepted
 * @param compliance    for a proposed route, the regulatory decision with its citation; null otherwise
 * @param decision      the clinician's decision, or null while open
 * @param current       false for a decided suggestion whose rule no longer fires on the latest assessments
 */
public record Suggestion(UUID planId, String ruleCode, Kind kind, String finding, String text, Route proposedRoute, boolean permitted,
                         String compliance, Decision decision, boolean current) {

    /** How every suggestion is labelled, wherever it is shown. */
    public static final String LABEL = "Suggestion \u2014 the decision is yours";

    public enum Kind {
        SHORTER_INTERVAL("Shorter interval"),
        ADD_MICRONEEDLING("Microneedling-assisted delivery"),
        CHANGE_ROUTE("Change of route"),
        REVIEW("Review"),
        STOP("Consider stopping");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Outcome { ACCEPTED, OVERRIDDEN }

    /** An accept, or an override with its reason. */
    public record Decision(Outcome outcome, String reason, String decidedBy, Instant decidedAt) {

        /** "Accepted by dr-kim on 2026-03-02", "Overridden by dr-kim on 2026-03-02: patient prefers ..." */
        @JsonProperty("text")
        public String text() {
            return (outcome == Outcome.ACCEPTED ? "Accepted" : "Overridden") + " by " + decidedBy + " on "
                    + decidedAt.toString().substring(0, 10) + (reason == null ? "" : ": " + reason);
        }
    }

    @JsonProperty("label")
    public String label() {
        return LABEL;
    }

    /** Whether it is waiting for the clinician: open, still indicated and permitted here. */
    @JsonProperty("decidable")
    public boolean decidable() {
        return decision == null && current && permitted;
    }
}
