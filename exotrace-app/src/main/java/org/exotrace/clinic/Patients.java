package org.exotrace.clinic;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.SearchText;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients and their consents. Every method first checks that the current user works at the
 * patient's clinic; to anyone else a patient does not exist. The audit trail records what changed
 * under the patient's pseudonym and never copies identifying details (names, birth date,
 * contact), since people outside the clinic read it.
 */
@Service
public class Patients {

    public record NewPatient(String givenName, String familyName, LocalDate dateOfBirth, String sex, String contact, String fitzpatrick,
                             List<String> indications, String history, String contraindications) {}

    public record ConsentEntry(String kind, String formVersion, LocalDate signedOn, String signedBy) {}

    private static final List<String> PHOTOTYPES = List.of("I", "II", "III", "IV", "V", "VI");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clinics clinics;

    Patients(JdbcClient jdbc, ApplicationEventPublisher events, Clinics clinics) {
        this.jdbc = jdbc;
        this.events = events;
        this.clinics = clinics;
    }

    @Transactional
    public Patient register(UUID clinicId, NewPatient p) {
        Clinic clinic = clinics.requireMember(clinicId);
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "givenName", p.givenName(), 100, true);
        Texts.check(errors, "familyName", p.familyName(), 100, true);
        if (p.dateOfBirth() == null) errors.put("dateOfBirth", "is required");
        else if (p.dateOfBirth().isAfter(LocalDate.now())) errors.put("dateOfBirth", "cannot be in the future");
        else if (p.dateOfBirth().isBefore(LocalDate.now().minusYears(130))) errors.put("dateOfBirth", "is more than 130 years ago");
        Patient.Sex sex = Choices.parse(Patient.Sex.class, p.sex(), "sex", errors);
        Texts.check(errors, "contact", p.contact(), 300, false);
        String phototype = Texts.blankToNull(p.fitzpatrick()) == null ? null : p.fitzpatrick().strip().toUpperCase(Locale.ROOT);
        if (phototype != null && !PHOTOTYPES.contains(phototype)) errors.put("fitzpatrick", "a Fitzpatrick phototype is I, II, III, IV, V or VI");
        List<String> indications = p.indications() == null ? List.of()
                : p.indications().stream().filter(i -> i != null && !i.isBlank()).map(String::strip).distinct().toList();
        if (indications.isEmpty()) errors.put("indications", "name at least one indication, e.g. atopic dermatitis");
        else if (String.join("\n", indications).length() > 500 || indications.stream().anyMatch(i -> i.length() > 100)) {
            errors.put("indications", "at most 100 characters each and 500 in all");
        }
        Texts.check(errors, "history", p.history(), 2000, false);
        Texts.check(errors, "contraindications", p.contraindications(), 2000, false);
        if (!errors.isEmpty()) {
            throw DomainProblem.invalid("Invalid patient", errors);
        }
        UUID id = UUID.randomUUID();
        long number = jdbc.sql("select nextval('patient_number')").query(Long.class).single();
        String pseudonym = String.format(Locale.ROOT, "P-%s-%06d", clinic.code(), number);
        jdbc.sql("""
                insert into patient (id, clinic_id, pseudonym, given_name, family_name, date_of_birth, sex, contact, fitzpatrick,
                  indications, history, contraindications, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, clinicId, pseudonym, p.givenName().strip(), p.familyName().strip(), Date.valueOf(p.dateOfBirth()), sex.name(),
                        Texts.blankToNull(p.contact()), phototype, String.join("\n", indications), Texts.blankToNull(p.history()),
                        Texts.blankToNull(p.contraindications()), Actors.current())
                .update();
        Patient patient = get(id);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("pseudonym", pseudonym);
        audit.put("clinic", clinic.code());
        audit.put("indications", indications);
        if (phototype != null) audit.put("fitzpatrick", phototype);
        audit.put("identifyingDetails", "recorded in the clinic's record, not copied here");
        events.publishEvent(RecordChanged.created("patient", id, audit));
        return patient;
    }

    /** The patient, for the staff of their clinic; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public Patient get(UUID id) {
        Patient p = jdbc.sql("select * from patient where id = ?").param(id).query(Patients::patient).optional()
                .orElseThrow(() -> DomainProblem.notFound("Patient", id));
        if (!clinics.isMember(p.clinicId(), Actors.current())) throw DomainProblem.notFound("Patient", id);
        return p;
    }

    /**
     * The patient of a record the current user asked for (a plan, a session, a photograph), for
     * the staff of the patient's clinic; for anyone else "not found" names the record asked for,
     * so a record of another clinic reveals neither that it exists nor whose it is.
     */
    @Transactional(readOnly = true)
    public Patient ofRecord(UUID patientId, String recordType, UUID recordId) {
        try {
            return get(patientId);
        } catch (DomainProblem notStaff) {
            throw DomainProblem.notFound(recordType, recordId);
        }
    }

    /** A patient as everyone outside their clinic knows them. */
    public record Pseudonymous(UUID id, UUID clinicId, String pseudonym) {}

    /** The pseudonyms of these patients, for anyone: a pseudonym identifies no one outside the clinic. */
    @Transactional(readOnly = true)
    public List<Pseudonymous> pseudonyms(Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select id, clinic_id, pseudonym from patient where id = any(?) order by pseudonym").param(ids.toArray(UUID[]::new))
                .query((rs, n) -> new Pseudonymous(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("pseudonym")))
                .list();
    }

    /** The patient with this pseudonym, as everyone outside their clinic knows them (case and spaces do not matter). */
    @Transactional(readOnly = true)
    public Optional<Pseudonymous> byPseudonym(String pseudonym) {
        if (pseudonym == null || pseudonym.isBlank()) return Optional.empty();
        return jdbc.sql("select id, clinic_id, pseudonym from patient where pseudonym = ?").param(pseudonym.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new Pseudonymous(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("pseudonym")))
                .optional();
    }

    /**
     * A patient as research sees them: the pseudonym and the quasi-identifiers an analysis groups by,
     * never a name, a contact or a history.
     */
    public record ResearchSubject(UUID id, String pseudonym, UUID clinicId, String clinicCode, String jurisdiction, Patient.Sex sex,
                                  LocalDate dateOfBirth, String fitzpatrick) {}

    /**
     * Every patient with a research-use consent in force (signed and never withdrawn), for a
     * researcher: the one way research reads patients, so a patient without that consent, or who
     * withdrew it, is in no cohort, analysis or export.
     */
    @Transactional(readOnly = true)
    public List<ResearchSubject> researchSubjects() {
        if (!Actors.holdsAny(Role.RESEARCHER)) throw DomainProblem.forbidden("Only researchers read the research cohort.");
        return jdbc.sql("""
                select p.id, p.pseudonym, p.clinic_id, c.code, c.jurisdiction, p.sex, p.date_of_birth, p.fitzpatrick
                from patient p join clinic c on c.id = p.clinic_id
                where exists (select 1 from patient_consent pc where pc.patient_id = p.id and pc.kind = 'RESEARCH_USE' and pc.withdrawn_on is null)
                order by p.pseudonym""")
                .query((rs, n) -> new ResearchSubject(rs.getObject("id", UUID.class), rs.getString("pseudonym"), rs.getObject("clinic_id", UUID.class),
                        rs.getString("code"), rs.getString("jurisdiction"), Patient.Sex.valueOf(rs.getString("sex")),
                        rs.getDate("date_of_birth").toLocalDate(), rs.getString("fitzpatrick")))
                .list();
    }

    /** Those of these patients whom the current user may identify: the patients of clinics they work at. */
    @Transactional(readOnly = true)
    public List<Patient> identifiable(Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("""
                select p.* from patient p join clinic_member m on m.clinic_id = p.clinic_id and m.username = ?
                where p.id = any(?) order by p.pseudonym""").params(Actors.current(), ids.toArray(UUID[]::new)).query(Patients::patient).list();
    }

    /** The clinic's patients whose name or pseudonym contains {@code query}, by family name: the first {@link Page#MAX_SIZE}. */
    @Transactional(readOnly = true)
    public List<Patient> search(UUID clinicId, String query) {
        return search(clinicId, query, new Page.Request(0, Page.MAX_SIZE)).rows();
    }

    /** One page of the clinic's patients whose name or pseudonym contains the text, by name, with the count of all that match. */
    @Transactional(readOnly = true)
    public Page<Patient> search(UUID clinicId, String query, Page.Request page) {
        clinics.requireMember(clinicId);
        String like = SearchText.of("q", query).containsPatternLowerCase();
        String where = " from patient where clinic_id = ? and (lower(given_name || ' ' || family_name) like ? or lower(pseudonym) like ?)";
        long total = jdbc.sql("select count(*)" + where).params(clinicId, like, like).query(Long.class).single();
        List<Patient> rows = jdbc.sql("select *" + where + " order by family_name, given_name, pseudonym limit ? offset ?")
                .params(clinicId, like, like, page.size(), page.offset()).query(Patients::patient).list();
        return new Page<>(rows, page.number(), page.size(), total);
    }

    @Transactional
    public PatientConsent grantConsent(UUID patientId, ConsentEntry c) {
        Patient patient = get(patientId);
        Map<String, String> errors = new LinkedHashMap<>();
        PatientConsent.Kind kind = Choices.parse(PatientConsent.Kind.class, c.kind(), "kind", errors);
        Texts.check(errors, "formVersion", c.formVersion(), 40, true);
        Texts.check(errors, "signedBy", c.signedBy(), 200, true);
        if (c.signedOn() == null) errors.put("signedOn", "is required");
        else if (c.signedOn().isAfter(LocalDate.now())) errors.put("signedOn", "cannot be in the future");
        if (!errors.isEmpty()) {
            throw DomainProblem.invalid("Invalid consent", errors);
        }
        PatientConsent.Kind k = kind;
        if (consents(patientId).stream().anyMatch(x -> x.kind() == k && x.withdrawnOn() == null && x.formVersion().equals(c.formVersion().strip()))) {
            throw DomainProblem.conflict("The patient already has an active " + k.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " consent on form " + c.formVersion().strip() + ".");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into patient_consent (id, patient_id, kind, form_version, signed_on, signed_by, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, patientId, k.name(), c.formVersion().strip(), Date.valueOf(c.signedOn()), c.signedBy().strip(), Actors.current())
                .update();
        events.publishEvent(RecordChanged.created("patient_consent", id, Map.of("patient", patient.pseudonym(), "kind", k.name(),
                "formVersion", c.formVersion().strip(), "signedOn", c.signedOn().toString())));
        return consent(id);
    }

    @Transactional
    public PatientConsent withdrawConsent(UUID consentId, LocalDate on, String reason) {
        PatientConsent c = consent(consentId);
        Patient patient = get(c.patientId());
        if (c.withdrawnOn() != null) throw DomainProblem.conflict("This consent was already withdrawn on " + c.withdrawnOn() + ".");
        Texts.check("reason", reason, 1000, true);
        LocalDate day = on == null ? LocalDate.now() : on;
        if (day.isBefore(c.signedOn())) throw DomainProblem.invalid("on", "cannot be before the consent was signed, " + c.signedOn());
        if (day.isAfter(LocalDate.now())) throw DomainProblem.invalid("on", "cannot be in the future");
        jdbc.sql("update patient_consent set withdrawn_on = ?, withdrawal_reason = ? where id = ?")
                .params(Date.valueOf(day), reason.strip(), consentId).update();
        events.publishEvent(RecordChanged.changed("patient_consent", consentId, "WITHDRAW", Map.of("patient", patient.pseudonym(),
                "status", "ACTIVE"), Map.of("patient", patient.pseudonym(), "status", "WITHDRAWN", "withdrawnOn", day.toString()), reason.strip()));
        return consent(consentId);
    }

    @Transactional(readOnly = true)
    public List<PatientConsent> consents(UUID patientId) {
        get(patientId);
        return jdbc.sql("select * from patient_consent where patient_id = ? order by signed_on desc, recorded_at desc").param(patientId)
                .query(Patients::consentRow).list();
    }

    private PatientConsent consent(UUID id) {
        return jdbc.sql("select * from patient_consent where id = ?").param(id).query(Patients::consentRow).optional()
                .orElseThrow(() -> DomainProblem.notFound("Consent", id));
    }

    private static Patient patient(ResultSet rs, int n) throws SQLException {
        return new Patient(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("pseudonym"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getDate("date_of_birth").toLocalDate(),
                Patient.Sex.valueOf(rs.getString("sex")), rs.getString("contact"), rs.getString("fitzpatrick"),
                List.of(rs.getString("indications").split("\n")), rs.getString("history"), rs.getString("contraindications"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static PatientConsent consentRow(ResultSet rs, int n) throws SQLException {
        Date withdrawn = rs.getDate("withdrawn_on");
        return new PatientConsent(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                PatientConsent.Kind.valueOf(rs.getString("kind")), rs.getString("form_version"), rs.getDate("signed_on").toLocalDate(),
                rs.getString("signed_by"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                withdrawn == null ? null : withdrawn.toLocalDate(), rs.getString("withdrawal_reason"));
    }
}
