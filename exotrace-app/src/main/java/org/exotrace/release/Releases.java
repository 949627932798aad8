package org.exotrace.release;

import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.account.Account;
import org.exotrace.account.Accounts;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donors;
import org.exotrace.quality.LotConcentration;
import org.exotrace.quality.LotEvaluation;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Results;
import org.exotrace.results.ResultsOnRecord;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Hashes;
import org.exotrace.shared.Texts;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signed dispositions of lots: check, release, reject, quarantine. */
@Service
public class Releases {

    /**
     * The two signature components and the declaration. {@code username} must be the signed-in
     * user: the signature is re-entered, not inherited from the session.
     */
    public record Signing(String username, String password, String reason) {}

    private final Lots lots;
    private final Products products;
    private final Donors donors;
    private final Results results;
    private final LotQuality quality;
    private final Accounts accounts;
    private final DecisionRecords records;
    private final SignatureAttempts attempts;
    private final DispositionReviewRecords reviews;
    private final ApplicationEventPublisher events;
    private final OosInvestigations investigations;

    Releases(Lots lots, Products products, Donors donors, Results results, LotQuality quality, Accounts accounts,
             DecisionRecords records, SignatureAttempts attempts, DispositionReviewRecords reviews, ApplicationEventPublisher events,
             OosInvestigations investigations) {
        this.investigations = investigations;
        this.attempts = attempts;
        this.reviews = reviews;
        this.lots = lots;
        this.products = products;
        this.donors = donors;
        this.results = results;
        this.quality = quality;
        this.accounts = accounts;
        this.records = records;
        this.events = events;
    }

    /**
     * Every reason the user may not release the lot now: the lot's state, failing or missing
     * required results, each open out-of-specification investigation, the two-person rule, the
     * releaser role, and each donor's consent and eligibility for the product's required consent
     * scopes.
     */
    @Transactional(readOnly = true)
    public ReleaseCheck check(UUID lotId, String username) {
        Lot lot = lots.get(lotId);
        return reviewed(lot, check(lot, username, evaluation(lotId)), true);
    }

    /** The lot's evaluation, or the reasons it cannot be evaluated (no effective specification). */
    private record EvaluationOutcome(LotEvaluation evaluation, List<String> problems) {}

    private EvaluationOutcome evaluation(UUID lotId) {
        try {
            return new EvaluationOutcome(quality.evaluate(lotId), List.of());
        } catch (DomainProblem p) {
            return new EvaluationOutcome(null, p.reasons().isEmpty() ? List.of(p.getMessage()) : p.reasons());
        }
    }

    private ReleaseCheck check(Lot lot, String username, EvaluationOutcome outcome) {
        UUID lotId = lot.id();
        List<String> reasons = new ArrayList<>();
        if (!lot.awaitsDisposition()) {
            reasons.add("Lot " + lot.code() + " is " + lot.state().label().toLowerCase() + "; only lots in testing or quarantine can be released");
        }
        reasons.addAll(outcome.evaluation() != null ? outcome.evaluation().blockingReasons() : outcome.problems());
        reasons.addAll(openInvestigations(lotId));
        if (username != null) {
            if (results.analysts(lotId).contains(username)) {
                reasons.add(username + " entered results for this lot; release needs a QA releaser who did not test it (two-person rule)");
            }
            if (accounts.find(username).map(a -> !a.has(Role.QA_RELEASER)).orElse(true)) {
                reasons.add(username + " does not hold the QA releaser role");
            }
        }
        Product product = products.get(lot.productCode());
        for (UUID donorId : lots.donorIds(lotId)) {
            for (ConsentScope scope : product.requiredConsentScopes()) {
                donors.checkUse(donorId, scope).reasons().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
            }
        }
        return new ReleaseCheck(reasons.isEmpty(), reasons);
    }

    @Transactional
    public Decision release(UUID lotId, Signing signing) {
        return release(lotId, signing, true);
    }

    /** A release; {@code openReviewBlocks} is false only when the release is the outcome of the lot's open disposition review. */
    Decision release(UUID lotId, Signing signing, boolean openReviewBlocks) {
        Account signer = authenticate(signing);
        Lot lot = lots.get(lotId);
        EvaluationOutcome outcome = evaluation(lotId);
        ReleaseCheck check = reviewed(lot, check(lot, signer.username(), outcome), openReviewBlocks);
        if (!check.allowed()) throw DomainProblem.ruleViolation("Release refused", check.reasons());
        LotEvaluation evaluation = outcome.evaluation();
        String certificate = records.nextCertificateNumber(Year.now().getValue());
        Decision decision = sign(lot, signer, SignatureMeaning.RELEASE, Texts.blankToNull(signing.reason()), evaluation, certificate,
                releasedConcentration(evaluation));
        lots.release(lotId, decision.signature().id(), releasedBy(decision.signature(), signing.reason()));
        return decision;
    }

    /** "Released by Dr. Quinn Park (qa) on 2026-12-06 22:43 UTC, meaning: Approval: I release this lot; …", and the signer's comment. */
    static String releasedBy(ElectronicSignature signature, String comment) {
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(signature.signedAt());
        String note = Texts.blankToNull(comment);
        return "Released by " + signature.printedName() + " (" + signature.username() + ") on " + when + ", meaning: "
                + signature.meaning().statement() + (note == null ? "" : ". Comment: " + note);
    }

    @Transactional
    public Decision reject(UUID lotId, Signing signing) {
        return hold(lotId, signing, SignatureMeaning.REJECTION);
    }

    @Transactional
    public Decision quarantine(UUID lotId, Signing signing) {
        return hold(lotId, signing, SignatureMeaning.QUARANTINE);
    }

    @Transactional(readOnly = true)
    public List<Decision> decisions(UUID lotId) {
        lots.get(lotId);
        return records.forLot(lotId);
    }

    private Decision hold(UUID lotId, Signing signing, SignatureMeaning meaning) {
        Account signer = authenticate(signing);
        if (signing.reason() == null || signing.reason().isBlank()) throw DomainProblem.invalid("reason", "state the reason for the " + meaning.name().toLowerCase());
        if (signing.reason().length() > 1000) throw DomainProblem.invalid("reason", "is too long (at most 1000 characters)");
        if (!signer.has(Role.QA_RELEASER)) throw DomainProblem.forbidden(signer.username() + " does not hold the QA releaser role");
        Lot lot = lots.get(lotId);
        if (meaning == SignatureMeaning.REJECTION && !reviews.openFor(List.of(lotId)).isEmpty()) {
            throw DomainProblem.conflict("Lot " + lot.code() + " is under disposition review: record the review's outcome (quarantine or recall) before a rejection.");
        }
        // a lot can be rejected or held even when its product has no specification (evaluation null)
        LotEvaluation evaluation = evaluation(lotId).evaluation();
        Decision decision = sign(lot, signer, meaning, signing.reason().strip(), evaluation, null, null);
        if (meaning == SignatureMeaning.REJECTION) {
            lots.reject(lotId, decision.signature().id(), signing.reason().strip());
        } else {
            lots.quarantine(lotId, decision.signature().id(), signing.reason().strip());
            events.publishEvent(new LotQuarantined(lotId, lot.code(), decision.signature().id(), signing.reason().strip()));
        }
        return decision;
    }

    /**
     * Signs the outcome of the lot's disposition review (continuation, quarantine or recall) the way
     * a release is signed: user name and password re-entered, QA releaser role, the stated reason.
     * The caller changes the lot's state and closes the review.
     */
    Decision signReviewOutcome(UUID lotId, Signing signing, SignatureMeaning meaning) {
        Account signer = authenticate(signing);
        if (!signer.has(Role.QA_RELEASER)) throw DomainProblem.forbidden(signer.username() + " does not hold the QA releaser role");
        return sign(lots.get(lotId), signer, meaning, signing.reason().strip(), evaluation(lotId).evaluation(), null, null);
    }

    /**
     * Signs a record another module owns (a recall's closure) the way a release is signed: user
     * name and password re-entered, QA releaser role. {@code content} is what the signature covers;
     * its SHA-256 links the signature to the record. The signature is stored and audited here; the
     * caller records what it signed.
     */
    @Transactional
    public ElectronicSignature signRecord(String recordType, UUID recordId, String content, SignatureMeaning meaning, Signing signing) {
        Account signer = authenticate(signing);
        if (!signer.has(Role.QA_RELEASER)) throw DomainProblem.forbidden(signer.username() + " does not hold the QA releaser role");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String signed = String.join("\n", List.of("record=" + recordType + ":" + recordId, "meaning=" + meaning, "signer=" + signer.username(),
                "at=" + at, content));
        ElectronicSignature signature = new ElectronicSignature(UUID.randomUUID(), recordType, recordId, signer.username(), signer.displayName(),
                meaning, at, Hashes.sha256(signed));
        records.insertSignature(signature);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put(recordType, recordId.toString());
        audit.put("meaning", meaning.statement());
        audit.put("signer", signer.displayName() + " (" + signer.username() + ")");
        audit.put("signedAt", at.toString());
        audit.put("contentHash", signature.contentHash());
        events.publishEvent(RecordChanged.created("signature", signature.id(), audit));
        return signature;
    }

    /** Adds what a disposition review says about a release: an open review is closed by its outcome, and a recalled lot stays out. */
    private ReleaseCheck reviewed(Lot lot, ReleaseCheck check, boolean openReviewBlocks) {
        List<String> reasons = new ArrayList<>(check.reasons());
        if (openReviewBlocks) {
            reviews.openFor(List.of(lot.id())).forEach(r -> reasons.add("Lot " + lot.code() + " is under disposition review since " + r.openedOn()
                    + ": QA records the review's outcome (continue, quarantine or recall) instead of a release"));
        }
        reviews.recall(lot.id()).ifPresent(r -> reasons.add("Lot " + lot.code() + " was recalled on " + r.decidedOn() + "; a recalled lot is not released again"));
        return reasons.size() == check.reasons().size() ? check : new ReleaseCheck(false, reasons);
    }

    /** Both components re-entered: the user name must be the signed-in user's, and the password must match. */
    private Account authenticate(Signing signing) {
        if (signing.username() == null || signing.username().isBlank()) throw DomainProblem.invalid("username", "type your user name to sign");
        if (signing.password() == null || signing.password().isEmpty()) throw DomainProblem.invalid("password", "type your password to sign");
        String current = Actors.current();
        if (!signing.username().strip().equals(current)) {
            throw DomainProblem.invalid("username", "you are signed in as " + current + "; sign with your own user name");
        }
        if (attempts.lockedOut(current)) {
            throw DomainProblem.forbidden("Signing is locked for " + current + " after " + attempts.limit()
                    + " wrong passwords; try again in " + attempts.window().toMinutes() + " minutes or ask an administrator.");
        }
        if (!accounts.verifyPassword(current, signing.password())) {
            attempts.failed(current, "wrong password at signing");
            throw DomainProblem.invalid("password", "the password is wrong; the signature was not applied");
        }
        attempts.succeeded(current);
        return accounts.find(current).orElseThrow();
    }

    /** One sentence per open out-of-specification investigation of the lot. */
    private List<String> openInvestigations(UUID lotId) {
        ResultsOnRecord onRecord = investigations.onRecord(lotId);
        return onRecord.openInvestigations().stream().map(i -> {
            String result = onRecord.lines().stream().filter(l -> l.result().id().equals(i.resultId())).findFirst()
                    .map(l -> l.testName() + " " + l.result().resultLabel()).orElse(i.testCode());
            return "Out-of-specification investigation " + i.number() + " (" + result + ") is open (" + i.stateText()
                    + "); no release until QA approves its conclusion";
        }).toList();
    }

    /**
     * Whether the content a decision's signature covers is still what the records say now (the
     * evaluation against the signed specification version, every result with its status and
     * reason, every investigation with its conclusion): false when any of them changed since.
     */
    @Transactional(readOnly = true)
    public boolean contentUnchanged(Decision decision) {
        Lot lot = lots.get(decision.lotId());
        LotEvaluation evaluation = decision.specificationId() == null ? null : quality.evaluate(lot.id(), decision.specificationId());
        ElectronicSignature s = decision.signature();
        ReleasedConcentration released = decision.concentration();
        String content = signedContent(lot, s.meaning(), s.username(), s.signedAt(), evaluation, evaluationLines(evaluation),
                investigations.onRecord(lot.id()).canonicalLines(),
                released == null ? null : new DecisionRecords.Concentration(released.particlesPerMl(), released.measured(), released.method(),
                        released.resultId()));
        return Hashes.sha256(content).equals(s.contentHash());
    }

    private static List<String> evaluationLines(LotEvaluation evaluation) {
        return evaluation == null ? List.of() : evaluation.evaluation().tests().stream()
                .map(t -> t.test().code() + "=" + (t.observation() == null ? "-" : t.observation().resultText()) + ":" + t.verdict())
                .toList();
    }

    /**
     * What a signature covers: the lot, meaning, signer, time, specification and evaluation, the
     * concentration a release states, and every result and investigation on record.
     */
    private static String signedContent(Lot lot, SignatureMeaning meaning, String signer, Instant at, LotEvaluation evaluation,
                                        List<String> snapshot, List<String> onRecord, DecisionRecords.Concentration concentration) {
        return String.join("\n", List.of("lot=" + lot.id(), "code=" + lot.code(), "meaning=" + meaning,
                "signer=" + signer, "at=" + at, "spec=" + (evaluation == null ? "-" : evaluation.specification().id()),
                String.join(";", snapshot),
                "concentration=" + (concentration == null ? "-" : concentration.perMl() + (concentration.measured() ? ":measured" : ":declared")),
                String.join("\n", onRecord)));
    }

    /**
     * The concentration a release states: the measured result of the specification's concentration
     * test, else the lot's declared concentration; null when the lot has neither.
     */
    private static DecisionRecords.Concentration releasedConcentration(LotEvaluation evaluation) {
        LotConcentration c = evaluation.concentration();
        if (c == null || c.releasedPerMl() == null) return null;
        return new DecisionRecords.Concentration(c.releasedPerMl(), c.releasedIsMeasured(),
                c.releasedIsMeasured() ? c.measured().method() : null, c.releasedIsMeasured() ? c.measured().id() : null);
    }

    /**
     * What a release signed now would state as the lot's concentration, for the signer to read:
     * "3.7 × 10⁹ particles/mL, measured (Particle concentration, NTA …)"; empty when the lot has none.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> concentrationToRelease(UUID lotId) {
        LotEvaluation evaluation = evaluation(lotId).evaluation();
        if (evaluation == null || evaluation.concentration() == null || evaluation.concentration().releasedPerMl() == null) {
            return java.util.Optional.empty();
        }
        LotConcentration c = evaluation.concentration();
        return java.util.Optional.of(Texts.scientific(c.releasedPerMl()) + " particles/mL, " + (c.releasedIsMeasured()
                ? "measured (" + c.test().name() + ", " + c.measured().method() + ")" : "declared on the lot (no measured concentration)"));
    }

    /**
     * The concentration the lot was released with (its latest release), for dosing; empty when it was
     * never released, or released before releases stated their concentration and without a measured one.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ReleasedConcentration> releasedConcentration(UUID lotId) {
        return records.forLot(lotId).stream().filter(d -> d.kind() == SignatureMeaning.RELEASE).reduce((a, b) -> b)
                .map(Decision::concentration);
    }

    private Decision sign(Lot lot, Account signer, SignatureMeaning meaning, String reason, LotEvaluation evaluation, String certificate,
                          DecisionRecords.Concentration concentration) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> snapshot = evaluationLines(evaluation);
        List<String> onRecord = investigations.onRecord(lot.id()).canonicalLines();
        String signedContent = signedContent(lot, meaning, signer.username(), at, evaluation, snapshot, onRecord, concentration);
        UUID signatureId = UUID.randomUUID();
        ElectronicSignature signature = new ElectronicSignature(signatureId, "lot", lot.id(), signer.username(), signer.displayName(),
                meaning, at, Hashes.sha256(signedContent));
        List<String> kept = new ArrayList<>(snapshot);
        kept.addAll(onRecord);
        Decision decision = records.insert(signature, lot.id(), reason,
                evaluation == null ? null : evaluation.specification().id(),
                evaluation == null ? null : evaluation.specification().reference(), certificate, kept, concentration);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("lot", lot.code());
        audit.put("meaning", meaning.statement());
        audit.put("signer", signer.displayName() + " (" + signer.username() + ")");
        audit.put("signedAt", at.toString());
        audit.put("contentHash", signature.contentHash());
        if (certificate != null) audit.put("certificate", certificate);
        if (concentration != null) {
            audit.put("releasedConcentrationPerMl", concentration.perMl());
            audit.put("releasedConcentration", concentration.measured() ? "measured" : "declared");
        }
        events.publishEvent(RecordChanged.created("signature", signatureId, audit));
        return decision;
    }
}
