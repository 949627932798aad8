package org.exotrace.donor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Texts;
import org.exotrace.shared.Page;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.SearchText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The donors collection and its use cases: register, screen, consent, withdraw, retire, check use. */
@Service
public class Donors {

    /**
     * A new donor. Human sources get a code issued by the lab; the detail names the plant or tissue.
     * The collection date (when the material was recovered) may come later; the jurisdiction is
     * the country it was collected in, the lab's own when not given.
     */
    public record Registration(SourceType sourceType, String sourceDetail, String notes, LocalDate collectedOn,
                               String collectionJurisdiction) {

        /** Without collection details: the date is recorded later, the jurisdiction is the lab's. */
        public Registration(SourceType sourceType, String sourceDetail, String notes) {
            this(sourceType, sourceDetail, notes, null, null);
        }
    }

    /** A coded screening result: a catalog test, one of its results, and when the sample was taken. */
    public record ScreeningEntry(String testCode, String result, LocalDate sampledOn) {}

    public record ConsentEntry(ConsentScope scope, LocalDate grantedOn, String documentReference) {}

    /**
     * The roles that may see donors: their records, codes and which lots they are in. Clinicians and
     * researchers never see a donor's code, not even in a lot's lineage or a release refusal.
     */
    public static final Set<Role> IDENTIFYING_ROLES = Set.of(Role.LAB_ANALYST, Role.QA_RELEASER, Role.ADMIN);

    /** Whether the current user may see donor codes; start-up and seeding work ({@code system}) may. */
    public static boolean mayIdentifyDonors() {
        return Actors.SYSTEM.equals(Actors.current()) || Actors.holdsAny(IDENTIFYING_ROLES.toArray(Role[]::new));
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ScreeningPanels panels;
    private final String facility;
    private final String labJurisdiction;

    Donors(JdbcClient jdbc, ApplicationEventPublisher events, ScreeningPanels panels,
           @Value("${exotrace.lab.facility-code}") String facility, @Value("${exotrace.lab.jurisdiction}") String labJurisdiction) {
        this.jdbc = jdbc;
        this.events = events;
        this.panels = panels;
        this.facility = facility;
        this.labJurisdiction = CollectionJurisdictions.country(labJurisdiction).orElseThrow(() -> new IllegalStateException(
                "exotrace.lab.jurisdiction must be a country code (ISO 3166-1 alpha-2, e.g. US, KR, DE): " + labJurisdiction));
    }

    /** The country the lab is in (configuration): where material is taken to be collected unless stated. */
    public String labJurisdiction() {
        return labJurisdiction;
    }

    @Transactional
    public Donor register(Registration r) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.sourceType() == null) errors.put("sourceType", "choose the source type");
        Texts.check(errors, "sourceDetail", r.sourceDetail(), 200, false);
        Texts.check(errors, "notes", r.notes(), 2000, false);
        Collection collection = collection(r.collectedOn(), r.collectionJurisdiction() == null || r.collectionJurisdiction().isBlank()
                ? labJurisdiction : r.collectionJurisdiction(), false, errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid donor", errors);
        int year = Year.now().getValue();
        long sequence = jdbc.sql("""
                insert into donor_code_sequence (year, last) values (?, 1)
                on conflict (year) do update set last = donor_code_sequence.last + 1 returning last""")
                .param(year).query(Long.class).single();
        DonorCode code = DonorCode.issue(facility, year, sequence);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into donor (id, code, source_type, source_detail, notes, collected_on, collection_jurisdiction, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code.value(), r.sourceType().name(), Texts.blankToNull(r.sourceDetail()), Texts.blankToNull(r.notes()),
                        collection.collectedOn(), collection.jurisdiction(), Actors.current())
                .update();
        Donor donor = get(id);
        events.publishEvent(RecordChanged.created("donor", id, snapshot(donor)));
        return donor;
    }

    /**
     * Records or corrects when and where the donor's material was collected, with a reason: the
     * screening windows are counted from this date and the jurisdiction chooses the panel.
     */
    @Transactional
    public Donor recordCollection(UUID donorId, LocalDate collectedOn, String jurisdiction, String reason) {
        Donor before = active(donorId);
        Eligibility was = determination(before).eligibility();
        Map<String, String> errors = new LinkedHashMap<>();
        Collection collection = collection(collectedOn, jurisdiction, true, errors);
        Texts.check(errors, "reason", reason, 1000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid collection", errors);
        jdbc.sql("update donor set collected_on = ?, collection_jurisdiction = ? where id = ?")
                .params(collection.collectedOn(), collection.jurisdiction(), donorId).update();
        Donor after = get(donorId);
        events.publishEvent(RecordChanged.changed("donor", donorId, "RECORD_COLLECTION", snapshot(before), snapshot(after), reason.strip()));
        publishIfEligibilityLost(after, was);
        return after;
    }

    private record Collection(LocalDate collectedOn, String jurisdiction) {}

    /** Older than any cell line or stored tissue a lab would use (HeLa dates from 1951): an earlier date is a typing slip. */
    private static final LocalDate EARLIEST_COLLECTION = LocalDate.of(1900, 1, 1);

    private static Collection collection(LocalDate collectedOn, String jurisdiction, boolean dateRequired, Map<String, String> errors) {
        if (collectedOn == null && dateRequired) errors.put("collectedOn", "give the day the material was collected");
        else if (collectedOn != null && collectedOn.isAfter(LocalDate.now())) errors.put("collectedOn", "cannot be in the future");
        else if (collectedOn != null && collectedOn.isBefore(EARLIEST_COLLECTION)) {
            errors.put("collectedOn", "cannot be before " + EARLIEST_COLLECTION + "; check the year");
        }
        String country = CollectionJurisdictions.country(jurisdiction).orElse(null);
        if (country == null) {
            errors.put("collectionJurisdiction", "'" + jurisdiction + "' is not a country code; use ISO 3166-1 alpha-2, e.g. US, KR, DE");
        }
        return new Collection(collectedOn, country);
    }

    /**
     * Records a coded screening result. The test must be in the catalog and the result one of that
     * test's results; the sampling date may not be in the future. Every wrong field is named.
     */
    @Transactional
    public Screening recordScreening(UUID donorId, ScreeningEntry e) {
        Donor donor = screenable(donorId);
        Eligibility was = determination(donor).eligibility();
        Screening screening = insertScreening(donor, e);
        publishIfEligibilityLost(donor, was);
        return screening;
    }

    private Screening insertScreening(Donor donor, ScreeningEntry e) {
        UUID donorId = donor.id();
        Map<String, String> errors = new LinkedHashMap<>();
        ScreeningTest test = null;
        String testCode = e.testCode() == null ? "" : e.testCode().strip().toUpperCase(java.util.Locale.ROOT);
        List<ScreeningTest> catalog = panels.catalog();
        if (testCode.isEmpty()) {
            errors.put("testCode", "choose the test from the catalog");
        } else {
            test = catalog.stream().filter(t -> t.code().equals(testCode)).findFirst().orElse(null);
            if (test == null) {
                errors.put("testCode", "'" + e.testCode() + "' is not a test of the catalog; use one of "
                        + catalog.stream().map(ScreeningTest::code).toList());
            }
        }
        String result = e.result() == null ? "" : e.result().strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (result.isEmpty()) {
            errors.put("result", "choose the result");
        } else if (test != null && test.result(result).isEmpty()) {
            errors.put("result", "'" + e.result() + "' is not a result of " + test.name() + "; use one of " + test.resultCodes());
        }
        if (e.sampledOn() == null) errors.put("sampledOn", "give the day the sample was taken");
        else if (e.sampledOn().isAfter(LocalDate.now())) errors.put("sampledOn", "cannot be in the future");
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid screening result", errors);
        UUID id = insertRow(donorId, test, result, e.sampledOn());
        Screening screening = screening(donorId, id);
        events.publishEvent(RecordChanged.created("donor_screening", id, screeningSnapshot(donor, screening)));
        return screening;
    }

    /**
     * Marks a result entered in error as invalid, with a reason; it stays on record and no longer
     * counts. A result that is not negative (reactive, detected, indeterminate, invalid run) is
     * invalidated only by a QA releaser who did not record it ({@link #checkMayReplace}).
     */
    @Transactional
    public Screening invalidateScreening(UUID donorId, UUID screeningId, String reason) {
        Donor donor = active(donorId);
        Screening before = validScreening(donorId, screeningId);
        checkMayReplace(before);
        Texts.check("reason", reason, 1000, true);
        Eligibility was = determination(donor).eligibility();
        Screening after = invalidate(donor, before, reason, null);
        publishIfEligibilityLost(donor, was);
        return after;
    }

    /**
     * Corrects a result entered in error: the wrong one is invalidated with the reason and linked to
     * the new one, which is recorded as entered. Nothing is written when the new entry is wrong. A
     * result that is not negative is corrected only by a QA releaser who did not record it.
     */
    @Transactional
    public Screening correctScreening(UUID donorId, UUID screeningId, ScreeningEntry correction, String reason) {
        Donor donor = active(donorId);
        Screening before = validScreening(donorId, screeningId);
        checkMayReplace(before);
        Texts.check("reason", reason, 1000, true);
        screenable(donorId);
        Eligibility was = determination(donor).eligibility();
        Screening corrected = insertScreening(donor, correction);
        invalidate(donor, before, reason, corrected.id());
        publishIfEligibilityLost(donor, was);
        return corrected;
    }

    /** The roles that may invalidate or correct a result that is not negative: QA, as a second person. */
    public static final Role REPLACES_NON_NEGATIVE_RESULTS = Role.QA_RELEASER;

    /**
     * Whether the current user may invalidate or correct this result. A negative result is replaced
     * by the lab (an analyst), as before. A result that is not negative (reactive, detected,
     * indeterminate, invalid run) is what keeps a donor's material out of use, so it is never
     * replaced by one person alone: only a QA releaser who did not record it may, with a reason.
     */
    public static boolean mayReplace(Screening s) {
        if (s.meaning() == ScreeningTest.Meaning.NEGATIVE) return Actors.SYSTEM.equals(Actors.current()) || Actors.holdsAny(Role.LAB_ANALYST);
        return Actors.holdsAny(REPLACES_NON_NEGATIVE_RESULTS) && !Actors.current().equals(s.recordedBy());
    }

    private static void checkMayReplace(Screening s) {
        if (s.meaning() == ScreeningTest.Meaning.NEGATIVE) {
            if (!mayReplace(s)) throw DomainProblem.forbidden("A negative screening result is invalidated or corrected by a lab analyst.");
            return;
        }
        String what = "A " + s.resultLabel().toLowerCase(java.util.Locale.ROOT) + " " + s.testName() + " result";
        if (!Actors.holdsAny(REPLACES_NON_NEGATIVE_RESULTS)) {
            throw DomainProblem.forbidden(what + " keeps the donor's material out of use; only a QA releaser who did not record it may"
                    + " invalidate or correct it, with the reason.");
        }
        if (Actors.current().equals(s.recordedBy())) {
            throw DomainProblem.ruleViolation("A second person must replace this result", List.of(what + " is invalidated or corrected by"
                    + " a person other than who recorded it; you recorded it, so another QA releaser must do it."));
        }
    }

    /** A donor who was eligible and no longer is: the released lots from their material are reviewed (release module). */
    private void publishIfEligibilityLost(Donor donor, Eligibility was) {
        if (was != Eligibility.ELIGIBLE) return;
        EligibilityDetermination now = determination(donor);
        if (now.eligible()) return;
        events.publishEvent(new DonorEligibilityLost(donor.id(), donor.code().value(), now.eligibility(), String.join("; ", now.reasons()),
                LocalDate.now()));
    }

    private Screening invalidate(Donor donor, Screening before, String reason, UUID correctedBy) {
        jdbc.sql("""
                update donor_screening set status = 'INVALIDATED', invalidated_by = ?, invalidated_at = now(), invalidation_reason = ?,
                  corrected_by = ? where id = ?""")
                .params(Actors.current(), reason.strip(), correctedBy, before.id()).update();
        Screening after = screening(donor.id(), before.id());
        events.publishEvent(RecordChanged.changed("donor_screening", before.id(), correctedBy == null ? "INVALIDATE" : "CORRECT",
                screeningSnapshot(donor, before), screeningSnapshot(donor, after), reason.strip()));
        return after;
    }

    private Screening validScreening(UUID donorId, UUID screeningId) {
        Screening s = screening(donorId, screeningId);
        if (s.status() == Screening.Status.INVALIDATED) {
            throw DomainProblem.conflict("This result was already invalidated (" + s.invalidationReason() + ").");
        }
        return s;
    }

    private UUID insertRow(UUID donorId, ScreeningTest test, String result, LocalDate sampledOn) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into donor_screening (id, donor_id, test, test_code, result, sampled_on, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, donorId, test.name(), test.code(), result, sampledOn, Actors.current()).update();
        return id;
    }

    @Transactional
    public Consent grantConsent(UUID donorId, ConsentEntry e) {
        Donor donor = active(donorId);
        if (!donor.sourceType().isHuman()) {
            throw DomainProblem.invalid("scope", "consent applies to human donors; this source is " + donor.sourceType().label().toLowerCase());
        }
        if (e.scope() == null) throw DomainProblem.invalid("scope", "choose the scope of the consent");
        past("grantedOn", e.grantedOn());
        Texts.check("documentReference", e.documentReference(), 120, true);
        boolean active = consents(donorId).stream().anyMatch(c -> c.scope() == e.scope() && c.isActive());
        if (active) throw DomainProblem.conflict("Donor " + donor.code().display() + " already has an active consent for " + e.scope().label() + ".");
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into donor_consent (id, donor_id, scope, granted_on, document_reference, status, recorded_by) values (?, ?, ?, ?, ?, 'GRANTED', ?)")
                .params(id, donorId, e.scope().name(), e.grantedOn(), e.documentReference().strip(), Actors.current()).update();
        Consent consent = consent(id);
        events.publishEvent(RecordChanged.created("donor_consent", id, consent));
        return consent;
    }

    @Transactional
    public Consent withdrawConsent(UUID donorId, UUID consentId, LocalDate withdrawnOn, String reason) {
        Donor donor = get(donorId);
        Consent before = consent(consentId);
        if (!before.donorId().equals(donorId)) throw DomainProblem.notFound("Consent", consentId);
        if (!before.isActive()) throw DomainProblem.conflict("This consent was already withdrawn on " + before.withdrawnOn() + ".");
        Texts.check("reason", reason, 1000, true);
        LocalDate on = withdrawnOn == null ? LocalDate.now() : withdrawnOn;
        past("withdrawnOn", on);
        if (on.isBefore(before.grantedOn())) throw DomainProblem.invalid("withdrawnOn", "cannot be before the consent was granted (" + before.grantedOn() + ")");
        jdbc.sql("update donor_consent set status = 'WITHDRAWN', withdrawn_on = ?, withdrawal_reason = ? where id = ?")
                .params(on, reason.strip(), consentId).update();
        Consent after = consent(consentId);
        events.publishEvent(RecordChanged.changed("donor_consent", consentId, "WITHDRAW", before, after, reason.strip()));
        events.publishEvent(new ConsentWithdrawn(donorId, donor.code().value(), before.scope(), on, reason.strip()));
        return after;
    }

    @Transactional
    public Donor retire(UUID donorId, String reason) {
        Donor before = active(donorId);
        Texts.check("reason", reason, 1000, true);
        jdbc.sql("update donor set retired = true, retired_reason = ? where id = ?").params(reason.strip(), donorId).update();
        Donor after = get(donorId);
        events.publishEvent(RecordChanged.changed("donor", donorId, "RETIRE", snapshot(before), snapshot(after), reason.strip()));
        return after;
    }

    /**
     * Whether the donor's material may be used for a scope: human donors need an active consent for
     * it and an eligible screening determination; non-human sources are always allowed. Each
     * problem is one reason, each test the determination names included.
     */
    @Transactional(readOnly = true)
    public UseCheck checkUse(UUID donorId, ConsentScope scope) {
        Donor donor = get(donorId);
        if (!donor.sourceType().isHuman()) return new UseCheck(true, List.of());
        List<String> reasons = new ArrayList<>();
        String who = mayIdentifyDonors() ? "Donor " + donor.code().display() : "A donor (" + donor.sourceType().label() + ")";
        List<Consent> forScope = consents(donorId).stream().filter(c -> c.scope() == scope).toList();
        if (forScope.stream().noneMatch(Consent::isActive)) {
            forScope.stream().filter(c -> c.status() == Consent.Status.WITHDRAWN).reduce((a, b) -> b).ifPresentOrElse(
                    w -> reasons.add(who + " withdrew consent for " + scope.label().toLowerCase() + " on " + w.withdrawnOn() + " (" + w.withdrawalReason() + ")"),
                    () -> reasons.add(who + " has no consent for " + scope.label().toLowerCase()));
        }
        EligibilityDetermination determination = determination(donor);
        if (determination.eligibility() == Eligibility.INELIGIBLE) {
            determination.reasons().forEach(r -> reasons.add(who + " is ineligible – " + r));
        } else if (determination.eligibility() == Eligibility.PENDING) {
            determination.reasons().forEach(r -> reasons.add(who + " screening pending – " + r));
        }
        return new UseCheck(reasons.isEmpty(), reasons);
    }

    @Transactional(readOnly = true)
    public Donor get(UUID id) {
        return find(id).orElseThrow(() -> DomainProblem.notFound("Donor", id));
    }

    @Transactional(readOnly = true)
    public Optional<Donor> find(UUID id) {
        return jdbc.sql("select * from donor where id = ?").param(id).query(Donors::donor).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Donor> findByCode(String code) {
        return jdbc.sql("select * from donor where code = ?").param(code.replace(" ", "").toUpperCase()).query(Donors::donor).optional();
    }

    @Transactional(readOnly = true)
    public Page<Donor> search(String text, Page.Request page) {
        SearchText typed = SearchText.of("q", text);
        String q = typed.text();
        String like = typed.containsPattern();
        // codes are printed with spaces (X0001 26 000001 K) and stored without
        String codeLike = new SearchText(q.replace(" ", "")).containsPattern();
        String where = " where (:q = '' or code ilike :codeLike or source_type ilike :like or coalesce(source_detail, '') ilike :like)";
        long total = jdbc.sql("select count(*) from donor" + where).param("q", q).param("like", like).param("codeLike", codeLike)
                .query(Long.class).single();
        List<Donor> rows = jdbc.sql("select * from donor" + where + " order by created_at desc, code desc limit :limit offset :offset")
                .param("q", q).param("like", like).param("codeLike", codeLike).param("limit", page.size()).param("offset", page.offset())
                .query(Donors::donor).list();
        return new Page<>(rows, page.number(), page.size(), total);
    }

    /** How many donors are not retired: the count kept by the triggers of migration V2026_12_12_0301, not a count of every donor. */
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select active from donor_count").query(Long.class).single();
    }

    /** Every screening result of the donor, coded or not, valid or invalidated, by sampling date. */
    @Transactional(readOnly = true)
    public List<Screening> screenings(UUID donorId) {
        return jdbc.sql(SCREENINGS + " where s.donor_id = ? order by s.sampled_on, s.recorded_at").param(donorId)
                .query(Donors::screening).list();
    }

    private Screening screening(UUID donorId, UUID screeningId) {
        return jdbc.sql(SCREENINGS + " where s.id = ? and s.donor_id = ?").params(screeningId, donorId).query(Donors::screening).optional()
                .orElseThrow(() -> DomainProblem.notFound("Screening result", screeningId));
    }

    private static final String SCREENINGS = """
            select s.*, r.label as result_label, r.meaning as result_meaning from donor_screening s
            left join screening_test_result r on r.test_code = s.test_code and r.code = s.result""";

    @Transactional(readOnly = true)
    public List<Consent> consents(UUID donorId) {
        return jdbc.sql("select * from donor_consent where donor_id = ? order by granted_on, recorded_at").param(donorId)
                .query(Donors::consent).list();
    }

    @Transactional(readOnly = true)
    public Eligibility eligibility(UUID donorId) {
        return determination(donorId).eligibility();
    }

    /** How the donor's eligibility follows from the panel in force and their results, test by test. */
    @Transactional(readOnly = true)
    public EligibilityDetermination determination(UUID donorId) {
        return determination(get(donorId));
    }

    /** The determinations of several donors with one query for the results and one for the panels: for lists. */
    @Transactional(readOnly = true)
    public Map<UUID, EligibilityDetermination> determinations(List<Donor> donors) {
        if (donors.isEmpty()) return Map.of();
        List<ScreeningPanel> all = panels.all();
        Map<UUID, List<Screening>> results = new java.util.HashMap<>();
        jdbc.sql(SCREENINGS + " where s.donor_id in (:ids) order by s.sampled_on, s.recorded_at")
                .param("ids", donors.stream().map(Donor::id).toList())
                .query(Donors::screening).list()
                .forEach(sc -> results.computeIfAbsent(sc.donorId(), k -> new ArrayList<>()).add(sc));
        Map<UUID, EligibilityDetermination> m = new LinkedHashMap<>();
        for (Donor d : donors) {
            String jurisdiction = jurisdiction(d);
            m.put(d.id(), EligibilityDetermination.determine(d.sourceType(), jurisdiction, d.collectedOn(),
                    ScreeningPanels.applicable(all, d.sourceType(), jurisdiction), results.getOrDefault(d.id(), List.of())));
        }
        return m;
    }

    /** Where the donor's material was collected: as recorded, or the lab's jurisdiction for donors registered without it. */
    public String jurisdiction(Donor d) {
        return d.collectionJurisdiction() != null ? d.collectionJurisdiction() : labJurisdiction;
    }

    private EligibilityDetermination determination(Donor d) {
        String jurisdiction = jurisdiction(d);
        return EligibilityDetermination.determine(d.sourceType(), jurisdiction, d.collectedOn(),
                panels.applicable(d.sourceType(), jurisdiction), screenings(d.id()));
    }

    private Consent consent(UUID id) {
        return jdbc.sql("select * from donor_consent where id = ?").param(id).query(Donors::consent).optional()
                .orElseThrow(() -> DomainProblem.notFound("Consent", id));
    }

    private Donor active(UUID id) {
        Donor d = get(id);
        if (d.retired()) throw DomainProblem.conflict("Donor " + d.code().display() + " is retired; no new entries can be added.");
        return d;
    }

    private Donor screenable(UUID id) {
        Donor d = active(id);
        if (!d.sourceType().isHuman()) {
            throw DomainProblem.invalid("sourceType", "a " + d.sourceType().label().toLowerCase() + " source is not screened as a donor");
        }
        return d;
    }

    private static Map<String, Object> snapshot(Donor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code().value());
        m.put("sourceType", d.sourceType().name());
        m.put("sourceDetail", d.sourceDetail());
        m.put("notes", d.notes());
        if (d.collectedOn() != null) m.put("collectedOn", d.collectedOn().toString());
        if (d.collectionJurisdiction() != null) m.put("collectionJurisdiction", d.collectionJurisdiction());
        m.put("retired", d.retired());
        return m;
    }

    private static Map<String, Object> screeningSnapshot(Donor donor, Screening s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("donor", donor.code().value());
        m.put("test", s.testCode() != null ? s.testCode() : s.testName());
        m.put("result", s.result());
        m.put("sampledOn", s.sampledOn().toString());
        m.put("status", s.status().name());
        if (s.invalidationReason() != null) m.put("invalidationReason", s.invalidationReason());
        if (s.correctedBy() != null) m.put("correctedBy", s.correctedBy().toString());
        return m;
    }

    private static Donor donor(ResultSet rs, int n) throws SQLException {
        return new Donor(rs.getObject("id", UUID.class), new DonorCode(rs.getString("code")), SourceType.valueOf(rs.getString("source_type")),
                rs.getString("source_detail"), rs.getString("notes"), rs.getObject("collected_on", LocalDate.class),
                rs.getString("collection_jurisdiction"), rs.getBoolean("retired"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Screening screening(ResultSet rs, int n) throws SQLException {
        String testCode = rs.getString("test_code");
        String result = rs.getString("result");
        String label = testCode != null ? rs.getString("result_label") : legacyLabel(result);
        ScreeningTest.Meaning meaning = testCode != null ? ScreeningTest.Meaning.valueOf(rs.getString("result_meaning")) : legacyMeaning(result);
        return new Screening(rs.getObject("id", UUID.class), rs.getObject("donor_id", UUID.class), testCode, rs.getString("test"), result,
                label, meaning, rs.getObject("sampled_on", LocalDate.class), Screening.Status.valueOf(rs.getString("status")),
                rs.getString("invalidation_reason"), rs.getObject("corrected_by", UUID.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    /** Uncoded results were typed as NEGATIVE, POSITIVE or INDETERMINATE. */
    private static String legacyLabel(String result) {
        return result.charAt(0) + result.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static ScreeningTest.Meaning legacyMeaning(String result) {
        return switch (result) {
            case "NEGATIVE" -> ScreeningTest.Meaning.NEGATIVE;
            case "POSITIVE" -> ScreeningTest.Meaning.POSITIVE;
            default -> ScreeningTest.Meaning.INCONCLUSIVE;
        };
    }

    private static Consent consent(ResultSet rs, int n) throws SQLException {
        return new Consent(rs.getObject("id", UUID.class), rs.getObject("donor_id", UUID.class), ConsentScope.valueOf(rs.getString("scope")),
                rs.getObject("granted_on", LocalDate.class), rs.getString("document_reference"), Consent.Status.valueOf(rs.getString("status")),
                rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawal_reason"));
    }

    private static void past(String field, LocalDate date) {
        if (date == null) throw DomainProblem.invalid(field, "is required");
        if (date.isAfter(LocalDate.now())) throw DomainProblem.invalid(field, "cannot be in the future");
    }
}
