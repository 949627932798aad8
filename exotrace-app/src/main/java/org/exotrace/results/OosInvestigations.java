package org.exotrace.results;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.account.Account;
import org.exotrace.account.Accounts;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.Texts;
import org.exotrace.specification.SpecificationCatalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out-of-specification investigations (see {@link OosInvestigation}): phase I findings, the move
 * to phase II with its plan, additional results recorded inside the investigation, a proposed
 * conclusion, and QA's approval (user name and password re-entered, as at release) or return of
 * it. No testing into compliance: an additional result never replaces the original, and the
 * original stops counting only when a second person holding the QA releaser role, who neither
 * proposed the conclusion nor tested, approves its invalidation for an assignable cause.
 * Every change publishes {@link RecordChanged}; an approved invalidation publishes
 * {@link ResultInvalidated}.
 */
@Service
public class OosInvestigations {

    /** Phase I: what was checked in each area of a laboratory error, and the hypothesis or finding. */
    public record PhaseOneEntry(String calculationCheck, String instrumentCheck, String standardCheck, String samplePreparationCheck,
                                String hypothesis) {}

    /** Phase II: the production review and the predefined plan; a resample needs its justification here. */
    public record PhaseTwoEntry(String productionReview, String plan, String resamplingJustification) {}

    /** A proposed conclusion as typed: {@code conclusion} OOS_CONFIRMED or INVALIDATED, an assignable cause for the latter. */
    public record ProposalEntry(String conclusion, String causeCategory, String causeDescription, String summary) {

        /** A proposal from typed values: {@code cause} null for a confirmation. */
        public ProposalEntry(OosInvestigation.Conclusion conclusion, OosInvestigation.Cause cause, String causeDescription, String summary) {
            this(conclusion.name(), cause == null ? null : cause.name(), causeDescription, summary);
        }
    }

    /** QA's approval: both signature components re-entered, as at release, and an optional comment. */
    public record ApprovalEntry(String username, String password, String comment) {}

    private final InvestigationRecords records;
    private final Results results;
    private final Lots lots;
    private final SpecificationCatalog specifications;
    private final Accounts accounts;
    private final ApprovalAttempts attempts;
    private final ApplicationEventPublisher events;

    OosInvestigations(InvestigationRecords records, Results results, Lots lots, SpecificationCatalog specifications, Accounts accounts,
                      ApprovalAttempts attempts, ApplicationEventPublisher events) {
        this.records = records;
        this.results = results;
        this.lots = lots;
        this.specifications = specifications;
        this.accounts = accounts;
        this.attempts = attempts;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public OosInvestigation get(UUID id) {
        return records.get(id);
    }

    /** The lot's investigations, oldest first. */
    @Transactional(readOnly = true)
    public List<OosInvestigation> forLot(UUID lotId) {
        lots.get(lotId);
        return records.forLot(lotId);
    }

    /** The investigation a result opened, or was recorded in. */
    @Transactional(readOnly = true)
    public Optional<OosInvestigation> forResult(UUID resultId) {
        return records.forResult(resultId);
    }

    /** Every open investigation, oldest first: QA's list of work. */
    @Transactional(readOnly = true)
    public List<OosInvestigation> open() {
        return records.open();
    }

    @Transactional(readOnly = true)
    public long countOpen() {
        return records.countOpen();
    }

    /** The newest investigations, open or closed. */
    @Transactional(readOnly = true)
    public List<OosInvestigation> recent(int limit) {
        return records.recent(Math.max(1, Math.min(limit, 500)));
    }

    /** Every result of the lot, with its status, reason and investigation, and every investigation: what the dossier, release and certificate show. */
    @Transactional(readOnly = true)
    public ResultsOnRecord onRecord(UUID lotId) {
        Lot lot = lots.get(lotId);
        Map<String, String> names = new LinkedHashMap<>();
        specifications.effective(lot.productCode()).ifPresent(s -> s.tests().forEach(t -> names.put(t.code(), t.name())));
        return ResultsOnRecord.of(lotId, results.forLot(lotId), records.forLot(lotId), names);
    }

    /** Records (or, in phase I, amends) the phase I findings; the audit entry keeps the earlier text. */
    @Transactional
    public OosInvestigation recordPhaseOne(UUID id, PhaseOneEntry e) {
        OosInvestigation before = movable(id);
        if (before.phase() != OosInvestigation.Phase.PHASE_I) {
            throw DomainProblem.conflict(before.number() + " is in phase II; its phase I findings are closed.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "calculationCheck", e.calculationCheck(), 1000, true);
        Texts.check(errors, "instrumentCheck", e.instrumentCheck(), 1000, true);
        Texts.check(errors, "standardCheck", e.standardCheck(), 1000, true);
        Texts.check(errors, "samplePreparationCheck", e.samplePreparationCheck(), 1000, true);
        Texts.check(errors, "hypothesis", e.hypothesis(), 2000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Phase I findings incomplete", errors);
        OosInvestigation.PhaseOne one = new OosInvestigation.PhaseOne(e.calculationCheck().strip(), e.instrumentCheck().strip(),
                e.standardCheck().strip(), e.samplePreparationCheck().strip(), e.hypothesis().strip(), Actors.current(), null);
        records.phaseOne(id, one);
        OosInvestigation after = records.get(id);
        events.publishEvent(RecordChanged.changed("oos_investigation", id, before.phaseOne() == null ? "PHASE_I" : "PHASE_I_AMEND",
                before.phaseOne() == null ? null : phaseOne(before.phaseOne()), phaseOne(after.phaseOne()),
                "phase I laboratory investigation of " + before.number() + ": " + one.hypothesis()));
        return after;
    }

    /** No assignable laboratory cause in phase I: moves to the full-scale investigation with its production review and plan. */
    @Transactional
    public OosInvestigation escalate(UUID id, PhaseTwoEntry e) {
        OosInvestigation before = movable(id);
        if (before.phase() == OosInvestigation.Phase.PHASE_II) throw DomainProblem.conflict(before.number() + " is already in phase II.");
        if (before.phaseOne() == null) {
            throw DomainProblem.conflict("Record the phase I findings of " + before.number() + " first: phase II follows a laboratory investigation that found no assignable cause.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "productionReview", e.productionReview(), 2000, true);
        Texts.check(errors, "plan", e.plan(), 2000, true);
        Texts.check(errors, "resamplingJustification", e.resamplingJustification(), 1000, false);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Phase II incomplete", errors);
        OosInvestigation.PhaseTwo two = new OosInvestigation.PhaseTwo(e.productionReview().strip(), e.plan().strip(),
                Texts.blankToNull(e.resamplingJustification()), Actors.current(), null);
        records.phaseTwo(id, two);
        OosInvestigation after = records.get(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", after.phase().label());
        m.put("productionReview", two.productionReview());
        m.put("plan", two.plan());
        if (two.resamplingJustification() != null) m.put("resamplingJustification", two.resamplingJustification());
        events.publishEvent(RecordChanged.changed("oos_investigation", id, "PHASE_II", Map.of("phase", before.phase().label()), m,
                "no assignable laboratory cause in phase I; full-scale investigation of " + before.number()));
        return after;
    }

    /**
     * Records an additional result of the investigated test inside the investigation: a retest (phase
     * I or II) or a resample (phase II, when the plan justifies it). In phase II it must be performed
     * by a second analyst, not the one who obtained the out-of-specification result. The original
     * result stays valid; the additional result is judged and kept beside it.
     *
     * @param kind RETEST or RESAMPLE; RETEST when blank
     */
    @Transactional
    public Result recordResult(UUID id, Results.Entry entry, Results.Upload file, String kind) {
        return recordResult(id, entry, file, kind, null);
    }

    /** As {@link #recordResult}, for a concentration computed by an NTA measurement with a calibration record. */
    @Transactional
    public Result recordCalibratedResult(UUID id, Results.Entry entry, Results.Calibrated source, String kind) {
        if (source == null) throw new IllegalArgumentException("name the measurement and its calibration");
        return recordResult(id, entry, null, kind, source);
    }

    /** As {@link #recordResult(UUID, Results.Entry, Results.Upload, String)}, the kind of testing typed. */
    @Transactional
    public Result recordResult(UUID id, Results.Entry entry, Results.Upload file, OosInvestigation.Testing kind) {
        return recordResult(id, entry, file, kind.name(), null);
    }

    /** As {@link #recordCalibratedResult(UUID, Results.Entry, Results.Calibrated, String)}, the kind of testing typed. */
    @Transactional
    public Result recordCalibratedResult(UUID id, Results.Entry entry, Results.Calibrated source, OosInvestigation.Testing kind) {
        return recordCalibratedResult(id, entry, source, kind.name());
    }

    private Result recordResult(UUID id, Results.Entry entry, Results.Upload file, String kind, Results.Calibrated source) {
        OosInvestigation inv = movable(id);
        OosInvestigation.Testing testing;
        try {
            testing = kind == null || kind.isBlank() ? OosInvestigation.Testing.RETEST
                    : OosInvestigation.Testing.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw DomainProblem.invalid("kind", "choose a retest of the original sample (RETEST) or a resample from the lot (RESAMPLE)");
        }
        if (inv.phaseOne() == null) {
            throw DomainProblem.conflict("Record the phase I findings of " + inv.number()
                    + " first: a retest tests a hypothesis stated beforehand, it is not a second chance at the result.");
        }
        if (testing == OosInvestigation.Testing.RESAMPLE && (inv.phaseTwo() == null || inv.phaseTwo().resamplingJustification() == null)) {
            throw DomainProblem.invalid("kind", "a resample needs its justification in the phase II plan; record a retest of the original sample instead");
        }
        if (inv.phase() == OosInvestigation.Phase.PHASE_II && Actors.current().equals(inv.analyst())) {
            throw DomainProblem.conflict("In phase II the additional testing is done by a second analyst; " + inv.analyst()
                    + " obtained the out-of-specification result.");
        }
        return results.record(inv.lotId(), entry, file, inv, testing, source);
    }

    /** Proposes the conclusion; an invalidation needs an assignable cause (category and description). */
    @Transactional
    public OosInvestigation propose(UUID id, ProposalEntry e) {
        OosInvestigation before = movable(id);
        if (before.phaseOne() == null) {
            throw DomainProblem.conflict("Record the phase I findings of " + before.number() + " before proposing a conclusion.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        OosInvestigation.Conclusion conclusion = null;
        if (e.conclusion() == null || e.conclusion().isBlank()) {
            errors.put("conclusion", "choose: OOS confirmed, or invalidated for an assignable laboratory cause");
        } else {
            try {
                conclusion = OosInvestigation.Conclusion.valueOf(e.conclusion().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                errors.put("conclusion", "must be OOS_CONFIRMED or INVALIDATED");
            }
        }
        OosInvestigation.Cause cause = null;
        if (conclusion == OosInvestigation.Conclusion.INVALIDATED) {
            if (e.causeCategory() == null || e.causeCategory().isBlank()) {
                errors.put("causeCategory", "an invalidation needs the category of its assignable cause");
            } else {
                try {
                    cause = OosInvestigation.Cause.valueOf(e.causeCategory().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    errors.put("causeCategory", "choose one of the listed categories");
                }
            }
            Texts.check(errors, "causeDescription", e.causeDescription(), 2000, true);
            if (!errors.containsKey("causeDescription") && e.causeDescription().strip().length() < 10) {
                errors.put("causeDescription", "describe the assignable cause and its evidence");
            }
            Texts.check(errors, "summary", e.summary(), 2000, false);
        } else if (conclusion == OosInvestigation.Conclusion.OOS_CONFIRMED) {
            Texts.check(errors, "summary", e.summary(), 2000, true);
            if (e.causeCategory() != null && !e.causeCategory().isBlank()) {
                errors.put("causeCategory", "a confirmed OOS result has no assignable laboratory cause; leave it empty");
            }
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Conclusion incomplete", errors);
        OosInvestigation.Proposal p = new OosInvestigation.Proposal(conclusion, cause,
                cause == null ? null : e.causeDescription().strip(), Texts.blankToNull(e.summary()), Actors.current(), null);
        records.propose(id, p);
        OosInvestigation after = records.get(id);
        events.publishEvent(RecordChanged.changed("oos_investigation", id, "PROPOSE", null, proposal(after.proposal()),
                "conclusion proposed for QA approval: " + conclusion.label()));
        return after;
    }

    /** QA sends a proposed conclusion back with a reason; the investigation continues. */
    @Transactional
    public OosInvestigation returnProposal(UUID id, String reason) {
        OosInvestigation before = records.getForUpdate(id);
        if (!before.awaitingApproval()) throw DomainProblem.conflict(before.number() + " has no conclusion waiting for approval.");
        requireQa(Actors.current());
        Texts.check("reason", reason, 1000, true);
        records.clearProposal(id);
        events.publishEvent(RecordChanged.changed("oos_investigation", id, "RETURN", proposal(before.proposal()),
                Map.of("proposal", "returned"), reason.strip()));
        return records.get(id);
    }

    /**
     * QA approves the proposed conclusion, which closes the investigation. The approver re-enters
     * user name and password, holds the QA releaser role, did not propose the conclusion and entered
     * none of the investigation's results. "Invalidated" marks the original result invalid with the
     * assignable cause; "OOS confirmed" leaves it valid, so the lot fails the test.
     */
    @Transactional
    public OosInvestigation approve(UUID id, ApprovalEntry e) {
        OosInvestigation before = records.getForUpdate(id);
        if (!before.isOpen()) throw DomainProblem.conflict(before.number() + " is closed: " + before.conclusion().label() + ".");
        if (!before.awaitingApproval()) throw DomainProblem.conflict(before.number() + " has no proposed conclusion to approve yet.");
        Texts.check("comment", e.comment(), 1000, false);
        Account approver = authenticate(e);
        if (!approver.has(Role.QA_RELEASER)) throw DomainProblem.forbidden(approver.username() + " does not hold the QA releaser role");
        List<String> reasons = new ArrayList<>();
        if (approver.username().equals(before.proposal().proposedBy())) {
            reasons.add(approver.username() + " proposed this conclusion; a second person must approve it");
        }
        Result original = results.get(before.resultId());
        List<Result> all = new ArrayList<>(List.of(original));
        before.additionalResults().forEach(a -> all.add(results.get(a.resultId())));
        if (all.stream().anyMatch(r -> r.analyst().equals(approver.username()))) {
            reasons.add(approver.username() + " entered results of this investigation; the approver must not have tested (two-person rule)");
        }
        if (!reasons.isEmpty()) throw DomainProblem.ruleViolation("Approval refused", reasons);
        OosInvestigation.Conclusion conclusion = before.proposal().conclusion();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String content = String.join("\n", List.of("investigation=" + before.id(), "number=" + before.number(), "lot=" + before.lotId(),
                "test=" + before.testCode(), "approver=" + approver.username(), "at=" + at, "meaning=" + conclusion.meaning(),
                String.join("\n", ResultsOnRecord.canonical(before, all))));
        OosInvestigation.Approval approval = new OosInvestigation.Approval(approver.username(), approver.displayName(), at,
                conclusion.meaning(), Hashes.sha256(content), Texts.blankToNull(e.comment()));
        records.approve(id, approval);
        if (conclusion == OosInvestigation.Conclusion.INVALIDATED) {
            results.invalidateApproved(original, "Invalidated under " + before.number() + " for an assignable cause ("
                    + before.proposal().causeText() + "), approved by " + approver.displayName());
        }
        OosInvestigation after = records.get(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", after.status().label());
        m.put("conclusion", conclusion.label());
        if (after.proposal().causeText() != null) m.put("assignableCause", after.proposal().causeText());
        m.put("approver", approver.displayName() + " (" + approver.username() + ")");
        m.put("approvedAt", at.toString());
        m.put("meaning", conclusion.meaning());
        m.put("contentHash", approval.contentHash());
        events.publishEvent(RecordChanged.changed("oos_investigation", id, "APPROVE",
                Map.of("status", before.status().label(), "phase", before.phase().label()), m,
                approval.comment() == null ? conclusion.meaning() : approval.comment()));
        return after;
    }

    /** Open, and no conclusion waiting for approval: the investigation can still move. Locks its row. */
    private OosInvestigation movable(UUID id) {
        OosInvestigation inv = records.getForUpdate(id);
        if (!inv.isOpen()) throw DomainProblem.conflict(inv.number() + " is closed: " + inv.conclusion().label() + ".");
        if (inv.awaitingApproval()) {
            throw DomainProblem.conflict(inv.number() + " has a conclusion waiting for QA approval; QA approves it or returns it before the investigation goes on.");
        }
        return inv;
    }

    private void requireQa(String username) {
        if (accounts.find(username).map(a -> !a.has(Role.QA_RELEASER)).orElse(true)) {
            throw DomainProblem.forbidden(username + " does not hold the QA releaser role");
        }
    }

    /** Both components re-entered, as at release: the signed-in user's name and their password. */
    private Account authenticate(ApprovalEntry e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.username() == null || e.username().isBlank()) errors.put("username", "type your user name to approve");
        if (e.password() == null || e.password().isEmpty()) errors.put("password", "type your password to approve");
        if (!errors.isEmpty()) throw DomainProblem.invalid("Approval needs your signature", errors);
        String current = Actors.current();
        if (!e.username().strip().equals(current)) {
            throw DomainProblem.invalid("username", "you are signed in as " + current + "; approve with your own user name");
        }
        if (attempts.lockedOut(current)) {
            throw DomainProblem.forbidden("Approving is locked for " + current + " after " + attempts.limit()
                    + " wrong passwords; try again in " + attempts.window().toMinutes() + " minutes or ask an administrator.");
        }
        if (!accounts.verifyPassword(current, e.password())) {
            attempts.failed(current);
            throw DomainProblem.invalid("password", "the password is wrong; the approval was not recorded");
        }
        attempts.succeeded(current);
        return accounts.find(current).orElseThrow();
    }

    private static Map<String, Object> phaseOne(OosInvestigation.PhaseOne p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calculation", p.calculationCheck());
        m.put("instrument", p.instrumentCheck());
        m.put("standard", p.standardCheck());
        m.put("samplePreparation", p.samplePreparationCheck());
        m.put("hypothesis", p.hypothesis());
        return m;
    }

    private static Map<String, Object> proposal(OosInvestigation.Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conclusion", p.conclusion().label());
        if (p.causeText() != null) m.put("assignableCause", p.causeText());
        if (p.summary() != null) m.put("summary", p.summary());
        m.put("proposedBy", p.proposedBy());
        return m;
    }
}
