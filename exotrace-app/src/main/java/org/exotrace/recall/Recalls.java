package org.exotrace.recall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotFamily;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.batch.Units;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.release.ElectronicSignature;
import org.exotrace.release.Releases;
import org.exotrace.release.SignatureMeaning;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.Texts;
import org.exotrace.supply.UnitWhereabouts;
import org.exotrace.supply.UnitWhereabouts.Whereabouts;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.Sessions.UnitUse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recalls from opening to closure. Opening is one transaction with a fixed number of set-based
 * statements whatever the size of the lot's family: the lineage in one recursive query, the units,
 * their whereabouts and their uses each in one query over the whole set, then one insert each for
 * the units, the holds and the notices.
 */
@Service
public class Recalls {

    /** What QA states to open a recall; {@code unitCodes} only for the chosen-units scope. */
    public record NewRecall(String lotCode, String recallClass, String reason, String scope, List<String> unitCodes) {}

    /** The closing signature's two components re-entered, and QA's justification when units are unaccounted for. */
    public record Closure(String username, String password, String justification) {}

    /** A notice in a clinic's inbox, with its recall and the clinic's progress. */
    public record InboxEntry(RecallNotice notice, Recall recall, long units, long accounted) {}

    /** At most this many units in one recall, so that one statement's arrays stay in memory comfortably. */
    static final int MAX_UNITS = 200_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Lots lots;
    private final Units units;
    private final UnitWhereabouts whereabouts;
    private final Sessions sessions;
    private final Clinics clinics;
    private final Patients patients;
    private final Releases releases;

    Recalls(JdbcClient jdbc, ApplicationEventPublisher events, Lots lots, Units units, UnitWhereabouts whereabouts, Sessions sessions,
            Clinics clinics, Patients patients, Releases releases) {
        this.jdbc = jdbc;
        this.events = events;
        this.lots = lots;
        this.units = units;
        this.whereabouts = whereabouts;
        this.sessions = sessions;
        this.clinics = clinics;
        this.patients = patients;
        this.releases = releases;
    }

    /**
     * Opens a recall: every unit in scope is held at once (refused at every scan and shipment from
     * the commit on; a unit another recall already holds keeps that one hold), units used before
     * the recall are listed as used, units destroyed before it as destroyed, and each clinic that
     * holds any unit gets a notice. Refused, writing nothing, when the lot is unknown, a chosen unit
     * is not of the lot's family, or no unit is in scope.
     */
    @Transactional
    public Recall open(NewRecall r) {
        if (!Actors.holdsAny(Role.QA_RELEASER)) throw DomainProblem.forbidden("Only a QA releaser opens a recall.");
        Map<String, String> errors = new LinkedHashMap<>();
        Lot lot = null;
        if (r.lotCode() == null || r.lotCode().isBlank()) errors.put("lotCode", "type the code of the lot to recall");
        else lot = lots.findByCode(r.lotCode()).orElse(null);
        if (lot == null && !errors.containsKey("lotCode")) errors.put("lotCode", "no lot has the code '" + r.lotCode().strip() + "'");
        RecallClass recallClass = r.recallClass() == null || r.recallClass().isBlank() ? null
                : Choices.parse(RecallClass.class, r.recallClass(), "recallClass", errors);
        if (recallClass == null && !errors.containsKey("recallClass")) errors.put("recallClass", "choose the class: I, II or III");
        Texts.check(errors, "reason", r.reason(), 2000, true);
        RecallScope scope = r.scope() == null || r.scope().isBlank() ? RecallScope.LOT_AND_DESCENDANTS
                : Choices.parse(RecallScope.class, r.scope(), "scope", errors);
        List<String> chosen = r.unitCodes() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(r.unitCodes().stream()
                .filter(c -> c != null && !c.isBlank()).map(c -> c.strip().toUpperCase(Locale.ROOT)).toList()));
        if (scope == RecallScope.CHOSEN_UNITS && chosen.isEmpty()) errors.put("unitCodes", "list the units to recall");
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid recall", errors);

        LotFamily family = lots.descendants(lot.id());
        List<LotUnit> inScope = units.ofLots(family.lots().keySet());
        if (scope == RecallScope.CHOSEN_UNITS) {
            Map<String, LotUnit> byCode = inScope.stream().collect(Collectors.toMap(LotUnit::code, Function.identity()));
            List<String> foreign = chosen.stream().filter(c -> !byCode.containsKey(c)).toList();
            if (!foreign.isEmpty()) {
                throw DomainProblem.invalid("unitCodes", String.join(", ", foreign) + (foreign.size() == 1 ? " is" : " are")
                        + " not a unit of " + lot.code() + " or of a lot made from it");
            }
            inScope = chosen.stream().map(byCode::get).toList();
        }
        if (inScope.isEmpty()) throw DomainProblem.invalid("lotCode", lot.code() + " and the lots made from it have no units to recall");
        if (inScope.size() > MAX_UNITS) throw DomainProblem.invalid("lotCode", "at most " + MAX_UNITS + " units per recall; recall chosen units");

        List<UUID> ids = inScope.stream().map(LotUnit::id).toList();
        Map<UUID, Whereabouts> where = whereabouts.of(ids);
        Map<UUID, UnitUse> firstUse = new LinkedHashMap<>();
        sessions.usesOf(ids).forEach(u -> firstUse.putIfAbsent(u.unitId(), u));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String code = nextCode();
        jdbc.sql("""
                insert into recall (id, code, lot_id, lot_code, recall_class, reason, scope, state, opened_by, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(id, code, lot.id(), lot.code(), recallClass.name(), r.reason().strip(), scope.name(), Actors.current(), Timestamp.from(now))
                .update();

        int n = inScope.size();
        UUID[] unitIds = new UUID[n];
        String[] unitCodes = new String[n];
        String[] lotCodes = new String[n];
        UUID[] clinicIds = new UUID[n];
        String[] clinicNames = new String[n];
        String[] statuses = new String[n];
        Boolean[] usedBefore = new Boolean[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            LotUnit u = inScope.get(i);
            Whereabouts w = where.get(u.id());
            UnitUse use = firstUse.get(u.id());
            unitIds[i] = u.id();
            unitCodes[i] = u.code();
            lotCodes[i] = family.lots().get(u.lotId()).code();
            clinicIds[i] = w == null ? null : w.clinicId();
            clinicNames[i] = w == null ? null : w.clinicName();
            usedBefore[i] = use != null;
            statuses[i] = use != null ? UnitStatus.USED.name() : u.destroyed() ? UnitStatus.DESTROYED.name() : UnitStatus.QUARANTINED.name();
            notes[i] = use != null ? "used on " + use.performedOn() + ", before the recall"
                    : u.destroyed() ? "destroyed on " + u.destruction().on() + ", before the recall" : null;
        }
        // one statement for every unit, one for the holds: no loop of queries whatever the scope
        jdbc.sql("""
                insert into recall_unit (recall_id, unit_id, unit_code, lot_code, clinic_id, clinic_name, status, used_before, reported_by,
                  reported_at, note)
                select ?, t.unit_id, t.unit_code, t.lot_code, t.clinic_id, t.clinic_name, t.status, t.used_before,
                  case when t.status = 'QUARANTINED' then null else cast(? as text) end,
                  case when t.status = 'QUARANTINED' then null else cast(? as timestamptz) end, t.note
                from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::text[])
                  as t(unit_id, unit_code, lot_code, clinic_id, clinic_name, status, used_before, note)""")
                .params(id, Actors.SYSTEM, Timestamp.from(now), unitIds, unitCodes, lotCodes, clinicIds, clinicNames, statuses, usedBefore, notes)
                .update();
        int held = jdbc.sql("""
                insert into recall_hold (unit_id, recall_id, held_at) select u, ?, ? from unnest(?::uuid[]) as u
                on conflict (unit_id) do nothing""").params(id, Timestamp.from(now), unitIds).update();

        Map<UUID, String> clinicsHolding = new LinkedHashMap<>();
        where.values().stream().sorted(java.util.Comparator.comparing(Whereabouts::clinicName))
                .forEach(w -> clinicsHolding.putIfAbsent(w.clinicId(), w.clinicName()));
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("code", code);
        audit.put("lot", lot.code());
        audit.put("class", recallClass.name());
        audit.put("reason", r.reason().strip());
        audit.put("scope", scope.name());
        audit.put("lots", family.lots().size());
        audit.put("units", n);
        audit.put("newlyHeld", held);
        audit.put("clinics", List.copyOf(clinicsHolding.values()));
        events.publishEvent(RecordChanged.created("recall", id, audit));
        List<RecallOpened.Notice> sent = new ArrayList<>();
        for (Map.Entry<UUID, String> c : clinicsHolding.entrySet()) {
            UUID noticeId = UUID.randomUUID();
            jdbc.sql("insert into recall_notice (id, recall_id, clinic_id, clinic_name, sent_at) values (?, ?, ?, ?, ?)")
                    .params(noticeId, id, c.getKey(), c.getValue(), Timestamp.from(now)).update();
            long theirs = java.util.Arrays.stream(clinicIds).filter(c.getKey()::equals).count();
            events.publishEvent(RecordChanged.created("recall_notice", noticeId, Map.of("recall", code, "clinic", c.getValue(), "units", theirs)));
            sent.add(new RecallOpened.Notice(noticeId, c.getKey(), c.getValue(), theirs));
        }
        events.publishEvent(new RecallOpened(id, code, lot.code(), recallClass, r.reason().strip(), sent));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Recall get(UUID id) {
        return jdbc.sql("select * from recall where id = ?").param(id).query(Recalls::recall).optional()
                .orElseThrow(() -> DomainProblem.notFound("Recall", id));
    }

    /** Every recall, newest first: open and closed. */
    @Transactional(readOnly = true)
    public List<Recall> all() {
        return jdbc.sql("select * from recall order by opened_at desc limit 500").query(Recalls::recall).list();
    }

    /** The units in the recall's scope by place and code; for one clinic only when {@code clinicId} is given. */
    @Transactional(readOnly = true)
    public List<RecallUnit> units(UUID recallId, UUID clinicId) {
        return jdbc.sql("""
                select * from recall_unit where recall_id = ? and (cast(? as uuid) is null or clinic_id = ?)
                order by clinic_name nulls first, unit_code""").params(recallId, clinicId, clinicId).query(Recalls::unit).list();
    }

    @Transactional(readOnly = true)
    public List<RecallNotice> notices(UUID recallId) {
        return jdbc.sql("select * from recall_notice where recall_id = ? order by clinic_name").param(recallId).query(Recalls::notice).list();
    }

    /** The share of units accounted for, overall and per place (the lab first, then each clinic by name). */
    @Transactional(readOnly = true)
    public Effectiveness effectiveness(UUID recallId) {
        List<Effectiveness.Share> places = jdbc.sql("""
                select clinic_id, min(clinic_name) as name, count(*) as total, count(*) filter (where status <> 'QUARANTINED') as accounted,
                  count(*) filter (where status = 'RETURNED') as returned, count(*) filter (where status = 'DESTROYED') as destroyed,
                  count(*) filter (where status = 'USED') as used
                from recall_unit where recall_id = ? group by clinic_id order by min(clinic_name) nulls first""").param(recallId)
                .query((rs, i) -> new Effectiveness.Share(rs.getObject("clinic_id", UUID.class), rs.getString("name"), rs.getLong("total"),
                        rs.getLong("accounted"), rs.getLong("returned"), rs.getLong("destroyed"), rs.getLong("used"))).list();
        Effectiveness.Share overall = new Effectiveness.Share(null, null, sum(places, Effectiveness.Share::total),
                sum(places, Effectiveness.Share::accounted), sum(places, Effectiveness.Share::returned), sum(places, Effectiveness.Share::destroyed),
                sum(places, Effectiveness.Share::used));
        return new Effectiveness(overall, places);
    }

    /**
     * The patients treated with used units of the recall (of one clinic when {@code clinicId} is
     * given), by clinic and day: pseudonyms for all, the name only for the staff of the patient's
     * clinic. A unit reported used with no session on record is listed without a patient.
     */
    @Transactional(readOnly = true)
    public List<LookBack> lookBack(UUID recallId, UUID clinicId) {
        List<RecallUnit> used = units(recallId, clinicId).stream().filter(u -> u.status() == UnitStatus.USED).toList();
        Map<UUID, RecallUnit> byId = used.stream().collect(Collectors.toMap(RecallUnit::unitId, Function.identity()));
        List<UnitUse> uses = sessions.usesOf(byId.keySet()).stream().filter(u -> clinicId == null || clinicId.equals(u.clinicId())).toList();
        Set<UUID> patientIds = uses.stream().map(UnitUse::patientId).collect(Collectors.toSet());
        Map<UUID, String> pseudonyms = patients.pseudonyms(patientIds).stream()
                .collect(Collectors.toMap(Patients.Pseudonymous::id, Patients.Pseudonymous::pseudonym));
        Map<UUID, String> names = patients.identifiable(patientIds).stream()
                .collect(Collectors.toMap(Patient::id, p -> p.givenName() + " " + p.familyName()));
        List<LookBack> lines = new ArrayList<>();
        Set<UUID> traced = new java.util.HashSet<>();
        for (UnitUse u : uses) {
            RecallUnit unit = byId.get(u.unitId());
            traced.add(u.unitId());
            lines.add(new LookBack(u.unitId(), unit.unitCode(), unit.lotCode(), u.clinicId(), unit.clinicName(), u.sessionId(), u.performedOn(),
                    pseudonyms.get(u.patientId()), names.get(u.patientId())));
        }
        used.stream().filter(u -> !traced.contains(u.unitId())).forEach(u -> lines.add(new LookBack(u.unitId(), u.unitCode(), u.lotCode(),
                u.clinicId(), u.clinicName(), null, null, null, null)));
        lines.sort(java.util.Comparator.comparing((LookBack l) -> String.valueOf(l.clinicName()))
                .thenComparing(l -> l.performedOn() == null ? java.time.LocalDate.MAX : l.performedOn()).thenComparing(LookBack::unitCode));
        return lines;
    }

    /** The notices of the clinics the current user works at, newest first. */
    @Transactional(readOnly = true)
    public List<InboxEntry> inbox() {
        List<UUID> mine = clinics.mine().stream().map(Clinic::id).toList();
        if (mine.isEmpty()) return List.of();
        Map<UUID, Recall> recalls = new LinkedHashMap<>();
        List<RecallNotice> notices = jdbc.sql("select * from recall_notice where clinic_id = any(?) order by sent_at desc, clinic_name")
                .param(mine.toArray(UUID[]::new)).query(Recalls::notice).list();
        if (notices.isEmpty()) return List.of();
        jdbc.sql("select * from recall where id = any(?)").param(notices.stream().map(RecallNotice::recallId).distinct().toArray(UUID[]::new))
                .query(Recalls::recall).list().forEach(r -> recalls.put(r.id(), r));
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select recall_id, clinic_id, count(*), count(*) filter (where status <> 'QUARANTINED') from recall_unit
                where clinic_id = any(?) and recall_id = any(?) group by recall_id, clinic_id""")
                .params(mine.toArray(UUID[]::new), recalls.keySet().toArray(UUID[]::new))
                .query((rs, i) -> counts.put(rs.getObject(1, UUID.class) + "/" + rs.getObject(2, UUID.class), new long[] {rs.getLong(3), rs.getLong(4)}))
                .list();
        return notices.stream().map(n -> {
            long[] c = counts.getOrDefault(n.recallId() + "/" + n.clinicId(), new long[2]);
            return new InboxEntry(n, recalls.get(n.recallId()), c[0], c[1]);
        }).toList();
    }

    /** A notice, for the staff of its clinic; "not found" for anyone else. */
    @Transactional(readOnly = true)
    public RecallNotice notice(UUID noticeId) {
        RecallNotice n = jdbc.sql("select * from recall_notice where id = ?").param(noticeId).query(Recalls::notice).optional()
                .orElseThrow(() -> DomainProblem.notFound("Recall notice", noticeId));
        if (!clinics.isMember(n.clinicId(), Actors.current())) throw DomainProblem.notFound("Recall notice", noticeId);
        return n;
    }

    /** The clinic's staff acknowledge the notice; once. */
    @Transactional
    public RecallNotice acknowledge(UUID noticeId) {
        RecallNotice n = notice(noticeId);
        if (n.acknowledged()) {
            throw DomainProblem.conflict("This notice was already acknowledged by " + n.acknowledgedBy() + " on " + n.acknowledgedAt() + ".");
        }
        if (!get(n.recallId()).open()) throw DomainProblem.conflict("The recall is closed.");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update recall_notice set acknowledged_by = ?, acknowledged_at = ? where id = ? and acknowledged_at is null")
                .params(Actors.current(), Timestamp.from(now), noticeId).update();
        events.publishEvent(RecordChanged.changed("recall_notice", noticeId, "ACKNOWLEDGE", Map.of("acknowledged", false),
                Map.of("acknowledged", true, "by", Actors.current(), "clinic", n.clinicName()), "recall notice acknowledged"));
        return notice(noticeId);
    }

    /**
     * Accounts for one unit: returned, destroyed or used. A clinic's unit is reported by its staff
     * once the clinic acknowledged the notice; a unit in the lab by a QA releaser. Once accounted, a
     * unit's status is final; nothing is reported on a closed recall.
     */
    @Transactional
    public RecallUnit report(UUID recallId, String unitCode, String status, String note) {
        Recall recall = get(recallId);
        String code = unitCode == null ? "" : unitCode.strip().toUpperCase(Locale.ROOT);
        RecallUnit unit = jdbc.sql("select * from recall_unit where recall_id = ? and unit_code = ? for update").params(recallId, code)
                .query(Recalls::unit).optional().orElseThrow(() -> DomainProblem.notFound("Recall unit", code));
        UUID unitId = unit.unitId();
        if (unit.inLab()) {
            if (!Actors.holdsAny(Role.QA_RELEASER)) throw DomainProblem.notFound("Recall unit", code);
        } else {
            if (!clinics.isMember(unit.clinicId(), Actors.current())) throw DomainProblem.notFound("Recall unit", code);
            boolean acknowledged = notices(recallId).stream().anyMatch(n -> n.clinicId().equals(unit.clinicId()) && n.acknowledged());
            if (!acknowledged) throw DomainProblem.conflict("Acknowledge the recall notice before reporting its units.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        UnitStatus reported = status == null || status.isBlank() ? null : Choices.parse(UnitStatus.class, status, "status", errors);
        if (reported == UnitStatus.QUARANTINED || reported == null && !errors.containsKey("status")) {
            errors.put("status", "choose what became of the unit: returned, destroyed or used");
        }
        Texts.check(errors, "note", note, 1000, false);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid report", errors);
        if (!recall.open()) throw DomainProblem.conflict("Recall " + recall.code() + " is closed.");
        if (unit.status().accounted()) {
            throw DomainProblem.conflict("Unit " + unit.unitCode() + " was already reported as " + unit.status().label().toLowerCase(Locale.ROOT)
                    + " by " + unit.reportedBy() + ".");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update recall_unit set status = ?, reported_by = ?, reported_at = ?, note = ? where recall_id = ? and unit_id = ?")
                .params(reported.name(), Actors.current(), Timestamp.from(now), Texts.blankToNull(note), recallId, unitId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("recall", recall.code());
        after.put("unit", unit.unitCode());
        after.put("status", reported.name());
        if (Texts.blankToNull(note) != null) after.put("note", note.strip());
        events.publishEvent(RecordChanged.changed("recall_unit", recallId + "/" + unitId, "REPORT", Map.of("status", unit.status().name()), after,
                "unit accounted for " + (unit.inLab() ? "in the lab" : "by " + unit.clinicName())));
        return units(recallId, unit.clinicId()).stream().filter(u -> u.unitId().equals(unitId)).findFirst().orElseThrow();
    }

    /**
     * Closes the recall under QA's electronic signature (meaning recall closure). While any unit is
     * unaccounted for, QA must write why the recall may close all the same (for example a unit lost
     * in transit and written off with the carrier); the justification is kept with the recall and
     * printed on its report. The signature is always required.
     */
    @Transactional
    public Recall close(UUID recallId, Closure c) {
        jdbc.sql("select id from recall where id = ? for update").param(recallId).query(UUID.class).optional()
                .orElseThrow(() -> DomainProblem.notFound("Recall", recallId));
        Recall recall = get(recallId);
        if (!recall.open()) throw DomainProblem.conflict("Recall " + recall.code() + " was already closed on " + recall.closedAt() + ".");
        Effectiveness e = effectiveness(recallId);
        long unaccounted = e.overall().total() - e.overall().accounted();
        String justification = c.justification() == null ? null : Texts.blankToNull(c.justification());
        Texts.check("justification", justification, 2000, false);
        if (unaccounted > 0 && justification == null) {
            throw DomainProblem.invalid("justification", unaccounted + " of " + e.overall().total()
                    + " units are not accounted for: write why the recall may close all the same");
        }
        String content = String.join("\n", List.of("code=" + recall.code(), "lot=" + recall.lotCode(), "class=" + recall.recallClass(),
                "units=" + e.overall().total(), "accounted=" + e.overall().accounted(),
                units(recallId, null).stream().map(u -> u.unitCode() + ":" + u.status()).collect(Collectors.joining(";")),
                "justification=" + (justification == null ? "-" : justification)));
        ElectronicSignature signature = releases.signRecord("recall", recallId, content, SignatureMeaning.RECALL_CLOSURE,
                new Releases.Signing(c.username(), c.password(), justification));
        jdbc.sql("""
                update recall set state = 'CLOSED', closed_by = ?, closed_by_name = ?, closed_at = ?, closure_signature_id = ?,
                  closure_content_hash = ?, closure_justification = ? where id = ?""")
                .params(signature.username(), signature.printedName(), Timestamp.from(signature.signedAt()), signature.id(), signature.contentHash(),
                        justification, recallId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", "CLOSED");
        after.put("signature", signature.id().toString());
        after.put("accounted", e.overall().accounted() + "/" + e.overall().total());
        events.publishEvent(RecordChanged.changed("recall", recallId, "CLOSE", Map.of("state", "OPEN"), after,
                justification == null ? "every unit accounted for" : justification));
        return get(recallId);
    }

    private String nextCode() {
        int year = Year.now().getValue();
        long n = jdbc.sql("""
                insert into recall_sequence (year, last) values (?, 1)
                on conflict (year) do update set last = recall_sequence.last + 1 returning last""").param(year).query(Long.class).single();
        return String.format("R-%d-%04d", year, n);
    }

    private static long sum(Collection<Effectiveness.Share> shares, java.util.function.ToLongFunction<Effectiveness.Share> f) {
        return shares.stream().mapToLong(f).sum();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Recall recall(ResultSet rs, int n) throws SQLException {
        return new Recall(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("lot_id", UUID.class), rs.getString("lot_code"),
                RecallClass.valueOf(rs.getString("recall_class")), rs.getString("reason"), RecallScope.valueOf(rs.getString("scope")),
                Recall.State.valueOf(rs.getString("state")), rs.getString("opened_by"), instant(rs, "opened_at"), rs.getString("closed_by"),
                rs.getString("closed_by_name"), instant(rs, "closed_at"), rs.getObject("closure_signature_id", UUID.class),
                rs.getString("closure_content_hash"), rs.getString("closure_justification"));
    }

    private static RecallUnit unit(ResultSet rs, int n) throws SQLException {
        return new RecallUnit(rs.getObject("recall_id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                rs.getString("lot_code"), rs.getObject("clinic_id", UUID.class), rs.getString("clinic_name"), UnitStatus.valueOf(rs.getString("status")),
                rs.getBoolean("used_before"), rs.getString("reported_by"), instant(rs, "reported_at"), rs.getString("note"));
    }

    private static RecallNotice notice(ResultSet rs, int n) throws SQLException {
        return new RecallNotice(rs.getObject("id", UUID.class), rs.getObject("recall_id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getString("clinic_name"), instant(rs, "sent_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
                rs.getString("emailed_to"), instant(rs, "emailed_at"));
    }
}
