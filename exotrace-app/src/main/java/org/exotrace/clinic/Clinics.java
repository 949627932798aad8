package org.exotrace.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.account.Account;
import org.exotrace.account.Accounts;
import org.exotrace.compliance.Jurisdictions;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clinics and who works in them. An administrator creates clinics and adds clinicians to them. */
@Service
public class Clinics {

    public record NewClinic(String code, String name, String jurisdiction, String address) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;

    Clinics(JdbcClient jdbc, ApplicationEventPublisher events, Accounts accounts) {
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
    }

    @Transactional
    public Clinic create(NewClinic c) {
        String code = c.code() == null ? "" : c.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9]{2,12}")) throw DomainProblem.invalid("code", "2 to 12 letters or digits, e.g. SEOUL1");
        Texts.check("name", c.name(), 200, true);
        Texts.check("address", c.address(), 500, false);
        String jurisdiction = Jurisdictions.normalise(c.jurisdiction()).orElseThrow(() -> DomainProblem.invalid("jurisdiction",
                "use a country code such as US, DE, KR, JP, HK, TW, CN or AU"));
        if (Jurisdictions.EU.equals(jurisdiction)) throw DomainProblem.invalid("jurisdiction", "a clinic is in a member state, e.g. DE or FR, not the EU");
        if (jdbc.sql("select count(*) from clinic where code = ?").param(code).query(Long.class).single() > 0) {
            throw DomainProblem.invalid("code", "a clinic with code " + code + " already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into clinic (id, code, name, jurisdiction, address, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, code, c.name().strip(), jurisdiction, Texts.blankToNull(c.address()), Actors.current()).update();
        Clinic clinic = get(id);
        events.publishEvent(RecordChanged.created("clinic", id, Map.of("code", code, "name", clinic.name(), "jurisdiction", jurisdiction)));
        return clinic;
    }

    /** Adds a clinician to the clinic's staff: from then on they see its patients. */
    @Transactional
    public void addMember(UUID clinicId, String username) {
        Clinic clinic = get(clinicId);
        Account account = accounts.find(username == null ? "" : username.strip())
                .orElseThrow(() -> DomainProblem.invalid("username", "no account named '" + username + "'"));
        if (!account.roles().contains(Role.CLINICIAN)) {
            throw DomainProblem.invalid("username", account.username() + " is not a clinician; only clinicians join a clinic's staff");
        }
        if (isMember(clinicId, account.username())) throw DomainProblem.conflict(account.username() + " already works at " + clinic.name() + ".");
        jdbc.sql("insert into clinic_member (clinic_id, username, added_by) values (?, ?, ?)")
                .params(clinicId, account.username(), Actors.current()).update();
        events.publishEvent(RecordChanged.changed("clinic", clinicId, "ADD_MEMBER", null, Map.of("member", account.username()),
                "added to the clinic's staff"));
    }

    @Transactional(readOnly = true)
    public Clinic get(UUID id) {
        return jdbc.sql("select * from clinic where id = ?").param(id).query(Clinics::clinic).optional()
                .orElseThrow(() -> DomainProblem.notFound("Clinic", id));
    }

    @Transactional(readOnly = true)
    public List<Clinic> all() {
        return jdbc.sql("select * from clinic order by name").query(Clinics::clinic).list();
    }

    /** The clinics the current user works at. */
    @Transactional(readOnly = true)
    public List<Clinic> mine() {
        return jdbc.sql("select c.* from clinic c join clinic_member m on m.clinic_id = c.id where m.username = ? order by c.name")
                .param(Actors.current()).query(Clinics::clinic).list();
    }

    @Transactional(readOnly = true)
    public boolean isMember(UUID clinicId, String username) {
        return jdbc.sql("select count(*) from clinic_member where clinic_id = ? and username = ?").params(clinicId, username)
                .query(Long.class).single() > 0;
    }

    /**
     * The clinic, if the current user works there. Anyone else gets "not found", so that a patient
     * or clinic id from elsewhere reveals nothing.
     */
    @Transactional(readOnly = true)
    public Clinic requireMember(UUID clinicId) {
        if (!isMember(clinicId, Actors.current())) throw DomainProblem.notFound("Clinic", clinicId);
        return get(clinicId);
    }

    @Transactional(readOnly = true)
    public List<String> members(UUID clinicId) {
        return jdbc.sql("select username from clinic_member where clinic_id = ? order by username").param(clinicId).query(String.class).list();
    }

    private static Clinic clinic(ResultSet rs, int n) throws SQLException {
        return new Clinic(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("jurisdiction"),
                rs.getString("address"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
