package org.exotrace.release.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.release.DispositionReview;

/**
 * A disposition review as the API and the pages show it: each cause in plain words, without the
 * donor's code for people who may not see donor codes (researchers).
 */
record DispositionReviewView(UUID id, UUID lotId, String lotCode, boolean open, LocalDate openedOn, Instant openedAt, String openedBy,
                             List<CauseView> causes, String outcome, String outcomeLabel, String outcomeReason, UUID decisionId,
                             String decidedBy, Instant decidedAt, LocalDate decidedOn, String refusal) {

    record CauseView(String kind, String kindLabel, String text, String reason, LocalDate occurredOn, Instant recordedAt, String recordedBy) {}

    static DispositionReviewView of(DispositionReview r, boolean showDonors) {
        List<CauseView> causes = r.causes().stream().map(c -> new CauseView(c.kind().name(), c.kind().label(), c.text(showDonors),
                c.reason(), c.occurredOn(), c.recordedAt(), c.recordedBy())).toList();
        return new DispositionReviewView(r.id(), r.lotId(), r.lotCode(), r.open(), r.openedOn(), r.openedAt(), r.openedBy(), causes,
                r.outcome() == null ? null : r.outcome().name(), r.outcome() == null ? null : r.outcome().label(), r.outcomeReason(),
                r.decisionId(), r.decidedBy(), r.decidedAt(), r.decidedOn(), r.refusal(showDonors));
    }

    /** Whether the signed-in user may see donor codes: the lab's analysts, QA and administrators, not researchers only. */
    static boolean showsDonors() {
        return org.exotrace.donor.Donors.mayIdentifyDonors();
    }
}
