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
import org.exotrace.shared.Hashes;
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

    /** A new donor. Human sources get a code issued by the lab; the detail names the plant or tissue. */
    public record Registration(SourceType sourceType, String sourceDetail, String notes) {}

    public record ScreeningEntry(String test, Screening.Result result, LocalDate sampledOn) {}

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
    private final String facility;

    Donors(JdbcClient jdbc, ApplicationEventPublisher events, @Value("${exotrace.lab.facility-code}") String facility) {
        this.jdbc = jdbc;
        this.events = events;
        this.facility = facility;
    }

    @Transactional
    public Donor register(Registration r) {
        if (r.sourceType() == null) throw DomainProblem.invalid("sourceType", "choose the source type");
        Texts.check("sourceDetail", r.sourceDetail(), 200, false);
        Texts.check("notes", r.notes(), 2000, false);
        int year = Year.now().getValue();
        long sequence = jdbc.sql("""
                insert into donor_code_sequence (year, last) values (?, 1)
                on conflict (year) do update set last = donor_code_sequence.last + 1 returning last""")
                .param(year).query(Long.class).single();
        DonorCode code = DonorCode.issue(facility, year, sequence);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into donor (id, code, source_type, source_detail, notes, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, code.value(), r.sourceType().name(), Texts.blankToNull(r.sourceDetail()), Texts.blankToNull(r.notes()), Actors.current())
                .update();
        Donor donor = get(id);
        events.publishEvent(RecordChanged.created("donor", id, snapshot(donor)));
        return donor;
    }

    @Transactional
    public Screening recordScreening(UUID donorId, ScreeningEntry e) {
        Donor donor = active(donorId);
        if (!donor.sourceType().isHuman()) {
            throw DomainProblem.invalid("sourceType", "a " + donor.sourceType().label().toLowerCase() + " source is not screened as a donor");
        }
        Texts.check("test", e.test(), 120, true);
        if (e.result() == null) throw DomainProblem.invalid("result", "choose NEGATIVE, POSITIVE or INDETERMINATE");
        past("sampledOn", e.sampledOn());
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into donor_screening (id, donor_id, test, result, sampled_on, recorded_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, donorId, e.test().strip(), e.result().name(), e.sampledOn(), Actors.current()).update();
        events.publishEvent(RecordChanged.created("donor_screening", id, Map.of("donor", donor.code().value(),
                "test", e.test().strip(), "result", e.result().name(), "sampledOn", e.sampledOn().toString())));
        return screenings(donorId).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
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
     * it and an eligible screening determination; non-human sources are always allowed.
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
        Eligibility eligibility = eligibility(donorId);
        if (eligibility == Eligibility.INELIGIBLE) reasons.add(who + " is ineligible: a screening test was reactive");
        if (eligibility == Eligibility.PENDING) reasons.add(who + " has no complete eligibility determination (screening pending)");
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

    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from donor where not retired").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<Screening> screenings(UUID donorId) {
        return jdbc.sql("select * from donor_screening where donor_id = ? order by sampled_on, recorded_at").param(donorId)
                .query((rs, n) -> new Screening(rs.getObject("id", UUID.class), donorId, rs.getString("test"),
                        Screening.Result.valueOf(rs.getString("result")), rs.getObject("sampled_on", LocalDate.class),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Consent> consents(UUID donorId) {
        return jdbc.sql("select * from donor_consent where donor_id = ? order by granted_on, recorded_at").param(donorId)
                .query(Donors::consent).list();
    }

    @Transactional(readOnly = true)
    public Eligibility eligibility(UUID donorId) {
        return Eligibility.of(get(donorId).sourceType(), screenings(donorId));
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

    private static Map<String, Object> snapshot(Donor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code().value());
        m.put("sourceType", d.sourceType().name());
        m.put("sourceDetail", d.sourceDetail());
        m.put("notes", d.notes());
        m.put("retired", d.retired());
        return m;
    }

    private static Donor donor(ResultSet rs, int n) throws SQLException {
        return new Donor(rs.getObject("id", UUID.class), new DonorCode(rs.getString("code")), SourceType.valueOf(rs.getString("source_type")),
                rs.getString("source_detail"), rs.getString("notes"), rs.getBoolean("retired"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
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
