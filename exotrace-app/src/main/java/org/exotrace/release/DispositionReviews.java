package org.exotrace.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.product.Products;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.ConsentWithdrawn;
import org.exotrace.donor.DonorEligibilityLost;
import org.exotrace.donor.Donors;
import org.exotrace.results.Result;
import org.exotrace.results.ResultInvalidated;
import org.exotrace.results.Results;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.TestDefinition;
import org.exotrace.release.DispositionReview.CauseKind;
import org.exotrace.release.DispositionReview.Outcome;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disposition reviews of released lots. A review opens, in the same transaction as its cause, when
 * a donor withdraws a consent that a released lot of theirs (directly, derived or pooled) needs,
 * when a donor stops being eligible (every such released lot, whatever its product), when a result of a released lot is invalidated, or when a released lot is quarantined; a lot has
 * at most one open review, which collects further causes. Until QA records the signed outcome the
 * lot's units are refused at the clinics ({@code Shipments.check} asks {@link #openFor(UUID)}) and
 * none is shipped; a release or rejection waits for the outcome. A lot never released, rejected or
 * already recalled gets no review: its units cannot be in use.
 */
@Service
public class DispositionReviews {

    private final DispositionReviewRecords records;
    private final Releases releases;
    private final Lots lots;
    private final Products products;
    private final Donors donors;
    private final Results results;
    private final SpecificationCatalog specifications;
    private final ApplicationEventPublisher events;

    DispositionReviews(DispositionReviewRecords records, Releases releases, Lots lots, Products products, Donors donors, Results results,
                       SpecificationCatalog specifications, ApplicationEventPublisher events) {
        this.records = records;
        this.releases = releases;
        this.lots = lots;
        this.products = products;
        this.donors = donors;
        this.results = results;
        this.specifications = specifications;
        this.events = events;
    }

    /** Every open review, oldest first. */
    @Transactional(readOnly = true)
    public List<DispositionReview> open() {
        return records.open();
    }

    @Transactional(readOnly = true)
    public long openCount() {
        return records.openCount();
    }

    /** The lot's open review, if it has one. */
    @Transactional(readOnly = true)
    public Optional<DispositionReview> openFor(UUID lotId) {
        return records.openFor(List.of(lotId)).stream().findFirst();
    }

    /** The open reviews of these lots, by lot id (lots without one are absent): one query for a list page. */
    @Transactional(readOnly = true)
    public Map<UUID, DispositionReview> openFor(Collection<UUID> lotIds) {
        Map<UUID, DispositionReview> byLot = new LinkedHashMap<>();
        records.openFor(lotIds).forEach(r -> byLot.put(r.lotId(), r));
        return byLot;
    }

    /** Every review of the lot, open or decided, oldest first. */
    @Transactional(readOnly = true)
    public List<DispositionReview> forLot(UUID lotId) {
        lots.get(lotId);
        return records.forLot(lotId);
    }

    /** The review whose outcome recalled the lot, if it was recalled. */
    @Transactional(readOnly = true)
    public Optional<DispositionReview> recall(UUID lotId) {
        return records.recall(lotId);
    }

    /**
     * Records QA's outcome of the lot's open review under an electronic signature (user name and
     * password re-entered, QA releaser role, a reason): CONTINUE keeps a released lot released (a
     * quarantined lot is released again, and every release check applies); QUARANTINE puts the lot
     * on hold; RECALL quarantines it and marks it recalled. Refused with nothing written when the
     * lot has no open review, the outcome or reason is missing or the signature fails.
     */
    @Transactional
    public DispositionReview decide(UUID lotId, Outcome outcome, Releases.Signing signing) {
        Lot lot = lots.get(lotId);
        if (outcome == null) throw DomainProblem.invalid("outcome", "choose the outcome: continue, quarantine or recall");
        Texts.check("reason", signing.reason(), 1000, true);
        UUID reviewId = records.lockOpen(lotId)
                .orElseThrow(() -> DomainProblem.conflict("Lot " + lot.code() + " has no open disposition review."));
        DispositionReview before = records.get(reviewId).orElseThrow();
        String reason = signing.reason().strip();
        Decision decision;
        if (outcome == Outcome.CONTINUE && lot.quarantined()) {
            // back into use only as a release: every reason a release is refused applies
            decision = releases.release(lotId, signing, false);
        } else {
            if (outcome == Outcome.CONTINUE && !lot.released()) {
                throw DomainProblem.conflict("Lot " + lot.code() + " is " + lot.state().label().toLowerCase() + "; it cannot continue in use.");
            }
            SignatureMeaning meaning = switch (outcome) {
                case CONTINUE -> SignatureMeaning.CONTINUATION;
                case QUARANTINE -> SignatureMeaning.QUARANTINE;
                case RECALL -> SignatureMeaning.RECALL;
            };
            decision = releases.signReviewOutcome(lotId, signing, meaning);
        }
        Instant at = decision.decidedAt();
        if (!records.decide(reviewId, outcome, reason, decision.id(), Actors.current(), at)) {
            throw DomainProblem.conflict("The review of lot " + lot.code() + " was decided meanwhile.");
        }
        if (outcome != Outcome.CONTINUE && lot.released()) {
            String hold = outcome == Outcome.RECALL ? "Recalled: " + reason : reason;
            lots.quarantine(lotId, decision.signature().id(), hold);
            events.publishEvent(new LotQuarantined(lotId, lot.code(), decision.signature().id(), hold));
        }
        DispositionReview after = records.get(reviewId).orElseThrow();
        events.publishEvent(RecordChanged.changed("disposition_review", reviewId, "DECIDE", snapshot(before), snapshot(after), reason));
        return after;
    }

    /** A donor withdrew a consent: every released lot from their material whose product needs that consent is reviewed. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ConsentWithdrawn withdrawn) {
        String donor = donors.get(withdrawn.donorId()).code().display();
        for (Lot lot : lots.fromDonor(withdrawn.donorId())) {
            if (!products.get(lot.productCode()).requiredConsentScopes().contains(withdrawn.scope())) continue;
            review(lot, CauseKind.CONSENT_WITHDRAWN, donor, withdrawn.scope(), withdrawn.withdrawnOn(), withdrawn.reason(), withdrawn.donorId());
        }
    }

    /**
     * A donor stopped being eligible (a reactive or inconclusive screening result, or a negative one
     * invalidated): every released lot from their material, directly, derived or pooled, is reviewed.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(DonorEligibilityLost lost) {
        String donor = donors.get(lost.donorId()).code().display();
        for (Lot lot : lots.fromDonor(lost.donorId())) {
            review(lot, CauseKind.DONOR_INELIGIBLE, donor, null, lost.on(), lost.reason(), lost.donorId());
        }
    }

    /** A result was invalidated: a lot that was released is reviewed. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ResultInvalidated invalidated) {
        Lot lot = lots.get(invalidated.lotId());
        Result result = results.get(invalidated.resultId());
        review(lot, CauseKind.RESULT_INVALIDATED, testName(result) + " = " + result.resultText(), null, today(), invalidated.reason(),
                invalidated.resultId());
    }

    /** A released lot was quarantined (not as the outcome of its own review): it is reviewed. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(LotQuarantined quarantined) {
        if (records.signedAnOutcome(quarantined.signatureId())) return;
        review(lots.get(quarantined.lotId()), CauseKind.LOT_QUARANTINED, records.signer(quarantined.signatureId()).orElse(null), null, today(),
                quarantined.reason(), quarantined.signatureId());
    }

    private void review(Lot lot, CauseKind kind, String subject, ConsentScope scope, LocalDate on, String reason, UUID source) {
        if (lot.rejected() || !records.everReleased(lot.id()) || records.recall(lot.id()).isPresent()) return;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String by = Actors.current();
        UUID reviewId = records.openOrJoin(lot.id(), lot.code(), at, by);
        DispositionReview before = records.get(reviewId).orElseThrow();
        records.addCause(reviewId, kind, subject, scope, on, Texts.blankToNull(reason), source, at, by);
        DispositionReview after = records.get(reviewId).orElseThrow();
        if (before.causes().isEmpty()) {
            events.publishEvent(RecordChanged.created("disposition_review", reviewId, snapshot(after)));
        } else {
            events.publishEvent(RecordChanged.changed("disposition_review", reviewId, "ADD_CAUSE", snapshot(before), snapshot(after),
                    // the reason is shown on the lot's timeline, which researchers see: the donor's code stays in the snapshot
                    after.causes().get(after.causes().size() - 1).text(false)));
        }
    }

    private String testName(Result result) {
        return specifications.get(result.specificationId()).test(result.testCode()).map(TestDefinition::name).orElse(result.testCode());
    }

    private LocalDate today() {
        return records.today();
    }

    private static Map<String, Object> snapshot(DispositionReview r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lot", r.lotCode());
        m.put("openedAt", r.openedAt().toString());
        m.put("causes", r.causes().stream().map(DispositionReview.Cause::textWithReason).toList());
        m.put("outcome", r.outcome() == null ? "open" : r.outcome().label());
        if (r.outcome() != null) {
            m.put("reason", r.outcomeReason());
            m.put("decidedBy", r.decidedBy());
            m.put("decidedAt", r.decidedAt().toString());
        }
        return m;
    }
}
