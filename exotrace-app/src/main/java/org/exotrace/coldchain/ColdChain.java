package org.exotrace.coldchain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.product.Products;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.Texts;
import org.exotrace.supply.UnitWhereabouts;
import org.exotrace.supply.UnitWhereabouts.Whereabouts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cold chain of units: storage conditions per product, storage locations and places, custody
 * handovers, excursions and thaws, and QA's decisions on the units they hold. Each write is one
 * transaction with its audit entry; bad input is refused whole, with a message per field.
 */
@Service
public class ColdChain {

    /** What QA declares for a product; every value required, with the reason for the change. */
    public record ConditionEntry(Double storedAtC, Double excursionMaxC, Integer excursionMaxMinutes, Integer maxThaws, String reason) {}

    /** A new freezer (no parent), rack (in a freezer) or box (in a rack). */
    public record NewLocation(String code, String kind, String parentCode, String name) {}

    /** A unit put at a position of a box. */
    public record Placement(String boxCode, String position) {}

    /** A handover; {@code fromPerson} defaults to the unit's last custodian, else the person recording it. */
    public record Handover(String fromPerson, String toPerson, Instant handedAt, String note) {}

    /** An excursion: when it started, the highest temperature reached and how long it lasted; or a thaw (no temperature). */
    public record NewEvent(Instant occurredAt, Double highestC, Integer minutes) {}

    /** QA's decision on a held unit: USABLE or UNUSABLE, with the reason. */
    public record DecisionEntry(String decision, String reason) {}

    /** The roles that record handovers, excursions and thaws: the lab, and clinicians for the units their clinics received. */
    private static final Role[] HANDLERS = {Role.LAB_ANALYST, Role.CLINICIAN};
    private static final int MAX_POSITION = 10;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Lots lots;
    private final Products products;
    private final UnitWhereabouts whereabouts;
    private final Clinics clinics;

    ColdChain(JdbcClient jdbc, ApplicationEventPublisher events, Lots lots, Products products, UnitWhereabouts whereabouts, Clinics clinics) {
        this.jdbc = jdbc;
        this.events = events;
        this.lots = lots;
        this.products = products;
        this.whereabouts = whereabouts;
        this.clinics = clinics;
    }

    // ---- storage conditions ----

    /** Declares (or changes, with a reason) how a product must be kept. QA releasers only. */
    @Transactional
    public StorageCondition declare(String productCode, ConditionEntry e) {
        if (!Actors.holdsAny(Role.QA_RELEASER)) throw DomainProblem.forbidden("Only a QA releaser declares a product's storage condition.");
        String code = products.get(productCode).code();
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "storedAtC", e.storedAtC(), -200, 40);
        required(errors, "excursionMaxC", e.excursionMaxC(), -200, 40);
        required(errors, "excursionMaxMinutes", e.excursionMaxMinutes() == null ? null : e.excursionMaxMinutes().doubleValue(), 0, 10_080);
        required(errors, "maxThaws", e.maxThaws() == null ? null : e.maxThaws().doubleValue(), 0, 100);
        if (!errors.containsKey("storedAtC") && !errors.containsKey("excursionMaxC") && e.excursionMaxC() < e.storedAtC()) {
            errors.put("excursionMaxC", "the highest temperature an excursion may reach cannot be colder than the storage temperature ("
                    + celsius(e.storedAtC()) + ")");
        }
        Optional<StorageCondition> before = condition(code);
        Texts.check(errors, "reason", e.reason(), 2000, before.isPresent());
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid storage condition", errors);
        Instant now = now();
        jdbc.sql("""
                insert into storage_condition (product_code, stored_at_c, excursion_max_c, excursion_max_minutes, max_thaws, set_by, set_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (product_code) do update set stored_at_c = excluded.stored_at_c,
                  excursion_max_c = excluded.excursion_max_c, excursion_max_minutes = excluded.excursion_max_minutes,
                  max_thaws = excluded.max_thaws, set_by = excluded.set_by, set_at = excluded.set_at""")
                .params(code, e.storedAtC(), e.excursionMaxC(), e.excursionMaxMinutes(), e.maxThaws(), Actors.current(), Timestamp.from(now)).update();
        StorageCondition after = condition(code).orElseThrow();
        events.publishEvent(before.isEmpty() ? RecordChanged.created("storage-condition", code, snapshot(after))
                : RecordChanged.changed("storage-condition", code, "UPDATE", snapshot(before.get()), snapshot(after), e.reason().strip()));
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<StorageCondition> condition(String productCode) {
        return jdbc.sql("select * from storage_condition where product_code = ?").param(productCode).query(ColdChain::condition).optional();
    }

    @Transactional(readOnly = true)
    public List<StorageCondition> conditions() {
        return jdbc.sql("select * from storage_condition order by product_code").query(ColdChain::condition).list();
    }

    // ---- locations and places ----

    /** A new freezer, rack or box of the lab. Lab analysts only. */
    @Transactional
    public StorageLocation createLocation(NewLocation l) {
        requireRole(Role.LAB_ANALYST);
        Map<String, String> errors = new LinkedHashMap<>();
        String code = l.code() == null ? "" : l.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9][A-Z0-9-]{0,39}")) errors.put("code", "a code of letters, digits and hyphens, at most 40 characters");
        else if (location(code).isPresent()) errors.put("code", "the location " + code + " exists already");
        StorageLocation.Level kind = l.kind() == null || l.kind().isBlank() ? null : Choices.parse(StorageLocation.Level.class, l.kind(), "kind", errors);
        if (kind == null && !errors.containsKey("kind")) errors.put("kind", "choose freezer, rack or box");
        Texts.check(errors, "name", l.name(), 200, true);
        StorageLocation parent = null;
        if (kind != null && kind != StorageLocation.Level.FREEZER) {
            StorageLocation.Level parentKind = kind == StorageLocation.Level.RACK ? StorageLocation.Level.FREEZER : StorageLocation.Level.RACK;
            parent = l.parentCode() == null || l.parentCode().isBlank() ? null : location(l.parentCode().strip().toUpperCase(Locale.ROOT)).orElse(null);
            if (parent == null || parent.kind() != parentKind) {
                errors.put("parentCode", "a " + kind.name().toLowerCase(Locale.ROOT) + " goes in a " + parentKind.name().toLowerCase(Locale.ROOT)
                        + ": give that " + parentKind.name().toLowerCase(Locale.ROOT) + "'s code");
            }
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid storage location", errors);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into storage_location (id, code, kind, parent_id, name, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, code, kind.name(), parent == null ? null : parent.id(), l.name().strip(), Actors.current(), Timestamp.from(now())).update();
        StorageLocation created = location(code).orElseThrow();
        events.publishEvent(RecordChanged.created("storage-location", id, Map.of("code", code, "kind", kind.name(), "path", created.path())));
        return created;
    }

    @Transactional(readOnly = true)
    public List<StorageLocation> locations() {
        return jdbc.sql(PATHS + " select * from tree order by path").query(ColdChain::location).list();
    }

    private Optional<StorageLocation> location(String code) {
        return jdbc.sql(PATHS + " select * from tree where code = ?").param(code).query(ColdChain::location).optional();
    }

    /** Every location with its path of codes from the freezer down. */
    private static final String PATHS = """
            with recursive tree(id, code, kind, parent_id, name, path) as (
              select id, code, kind, parent_id, name, cast(code as text) from storage_location where parent_id is null
              union all
              select l.id, l.code, l.kind, l.parent_id, l.name, t.path || ' / ' || l.code from storage_location l join tree t on l.parent_id = t.id)""";

    /** Puts a lab unit at a free position of a box (moving it from where it was). Lab analysts only. */
    @Transactional
    public UnitColdChain place(String unitCode, Placement p) {
        requireRole(Role.LAB_ANALYST);
        LotUnit unit = unit(unitCode);
        Map<String, String> errors = new LinkedHashMap<>();
        StorageLocation box = p.boxCode() == null || p.boxCode().isBlank() ? null : location(p.boxCode().strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (box == null || box.kind() != StorageLocation.Level.BOX) errors.put("boxCode", "give the code of a box");
        String position = p.position() == null ? "" : p.position().strip().toUpperCase(Locale.ROOT);
        if (!position.matches("[A-Z0-9]{1," + MAX_POSITION + "}")) errors.put("position", "a position such as A1 (letters and digits)");
        if (unit.destroyed()) errors.put("unitCode", unit.code() + " was destroyed on " + unit.destruction().on());
        else if (whereabouts.of(List.of(unit.id())).get(unit.id()) != null) errors.put("unitCode", unit.code() + " was shipped: it is no longer in the lab");
        if (errors.isEmpty()) {
            String taken = jdbc.sql("select u.code from unit_place p join lot_unit u on u.id = p.unit_id where p.location_id = ? and p.position = ? and p.unit_id <> ?")
                    .params(box.id(), position, unit.id()).query(String.class).optional().orElse(null);
            if (taken != null) errors.put("position", position + " of " + box.path() + " holds " + taken);
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid placement", errors);
        Optional<UnitColdChain.Place> before = place(unit.id());
        jdbc.sql("""
                insert into unit_place (unit_id, location_id, position, placed_by, placed_at) values (?, ?, ?, ?, ?)
                on conflict (unit_id) do update set location_id = excluded.location_id, position = excluded.position,
                  placed_by = excluded.placed_by, placed_at = excluded.placed_at""")
                .params(unit.id(), box.id(), position, Actors.current(), Timestamp.from(now())).update();
        Map<String, Object> after = Map.of("unit", unit.code(), "box", box.path(), "position", position);
        events.publishEvent(before.isEmpty() ? RecordChanged.created("unit-place", unit.id(), after)
                : RecordChanged.changed("unit-place", unit.id(), "MOVE", Map.of("unit", unit.code(), "box", before.get().path(),
                "position", before.get().position()), after, "moved in storage"));
        return record(unit.code());
    }

    // ---- custody, excursions, thaws ----

    /** Records that a unit was handed from one person to another. */
    @Transactional
    public UnitColdChain handOver(String unitCode, Handover h) {
        LotUnit unit = handled(unitCode);
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "toPerson", h.toPerson(), 120, true);
        Texts.check(errors, "fromPerson", h.fromPerson(), 120, false);
        Texts.check(errors, "note", h.note(), 500, false);
        Instant at = h.handedAt() == null ? now() : h.handedAt().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(Instant.now())) errors.put("handedAt", "a handover cannot be in the future");
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid handover", errors);
        String from = Texts.blankToNull(h.fromPerson());
        if (from == null) from = custodian(unit.id()).orElse(Actors.current());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into custody_transfer (id, unit_id, from_person, to_person, handed_at, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, unit.id(), from.strip(), h.toPerson().strip(), Timestamp.from(at), Texts.blankToNull(h.note()), Actors.current(),
                        Timestamp.from(now())).update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("unit", unit.code());
        audit.put("from", from.strip());
        audit.put("to", h.toPerson().strip());
        audit.put("handedAt", at.toString());
        events.publishEvent(RecordChanged.created("custody-transfer", id, audit));
        return record(unit.code());
    }

    /**
     * Records a temperature excursion. Outside the product's declared limits, or for a product with
     * none declared, it holds the unit until QA decides; inside them it is kept as a record only.
     */
    @Transactional
    public ColdChainEvent recordExcursion(String unitCode, NewEvent e) {
        LotUnit unit = handled(unitCode);
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "highestC", e.highestC(), -200, 100);
        required(errors, "minutes", e.minutes() == null ? null : e.minutes().doubleValue(), 0, 100_000);
        Instant at = occurredAt(e, errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid excursion", errors);
        String product = productOf(unit);
        Optional<StorageCondition> condition = condition(product);
        String hold = condition.isPresent() ? condition.get().breach(e.highestC(), e.minutes())
                : "no storage condition is declared for " + product + ": QA decides every excursion";
        return insertEvent(unit, ColdChainEvent.EventKind.EXCURSION, at, e.highestC(), e.minutes(), hold);
    }

    /** Records a thaw. One more thaw than the product allows (or any, with no declared limits) holds the unit until QA decides. */
    @Transactional
    public ColdChainEvent recordThaw(String unitCode, NewEvent e) {
        LotUnit unit = handled(unitCode);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant at = occurredAt(e, errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid thaw", errors);
        jdbc.sql("select id from lot_unit where id = ? for update").param(unit.id()).query(UUID.class).single(); // one count per unit at a time
        long thaws = jdbc.sql("select count(*) from cold_chain_event where unit_id = ? and kind = 'THAW'").param(unit.id()).query(Long.class).single() + 1;
        String product = productOf(unit);
        Optional<StorageCondition> condition = condition(product);
        String hold = condition.isEmpty() ? "no storage condition is declared for " + product + ": QA decides every thaw"
                : thaws > condition.get().maxThaws()
                ? "thaw " + thaws + " of a unit the product " + product + " allows to be thawed " + condition.get().maxThaws() + " times" : null;
        return insertEvent(unit, ColdChainEvent.EventKind.THAW, at, null, null, hold);
    }

    /** QA's decision on an event that holds its unit: USABLE ends the hold, UNUSABLE keeps the unit held for good. */
    @Transactional
    public ColdChainEvent decide(UUID eventId, DecisionEntry d) {
        if (!Actors.holdsAny(Role.QA_RELEASER)) throw DomainProblem.forbidden("Only a QA releaser decides on a held unit.");
        ColdChainEvent event = jdbc.sql("select * from cold_chain_event where id = ? for update").param(eventId).query(ColdChain::event).optional()
                .orElseThrow(() -> DomainProblem.notFound("Cold-chain event", eventId));
        if (!event.awaitsDecision()) {
            throw DomainProblem.conflict(event.holdReason() == null ? "This event stayed within the product's limits: there is nothing to decide."
                    : "QA decided on this event already (" + event.decision() + " by " + event.decidedBy() + ").");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        ColdChainEvent.HoldDecision decision = d.decision() == null || d.decision().isBlank() ? null
                : Choices.parse(ColdChainEvent.HoldDecision.class, d.decision(), "decision", errors);
        if (decision == null && !errors.containsKey("decision")) errors.put("decision", "choose usable or unusable");
        Texts.check(errors, "reason", d.reason(), 2000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid decision", errors);
        jdbc.sql("update cold_chain_event set decision = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(decision.name(), d.reason().strip(), Actors.current(), Timestamp.from(now()), eventId).update();
        events.publishEvent(RecordChanged.changed("cold-chain-event", eventId, "DECIDE", Map.of("unit", event.unitCode(), "hold", event.holdReason()),
                Map.of("unit", event.unitCode(), "decision", decision.name()), d.reason().strip()));
        return event(eventId);
    }

    // ---- reading ----

    /** A unit's cold-chain record. Clinicians see only the units their clinics received. */
    @Transactional(readOnly = true)
    public UnitColdChain record(String unitCode) {
        LotUnit unit = visible(unitCode);
        Lot lot = lots.get(unit.lotId());
        List<CustodyTransfer> transfers = jdbc.sql("select * from custody_transfer where unit_id = ? order by handed_at, recorded_at")
                .param(unit.id()).query(ColdChain::transfer).list();
        List<ColdChainEvent> evts = jdbc.sql("select * from cold_chain_event where unit_id = ? order by occurred_at, recorded_at").param(unit.id())
                .query(ColdChain::event).list();
        return new UnitColdChain(unit.code(), lot.code(), lot.productCode(), place(unit.id()).orElse(null),
                transfers.isEmpty() ? null : transfers.get(transfers.size() - 1).toPerson(), transfers, evts, condition(lot.productCode()).orElse(null));
    }

    /** The events QA still has to decide, oldest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<ColdChainEvent> awaitingDecision(int limit) {
        return jdbc.sql("select * from cold_chain_event where hold_reason is not null and decision is null order by recorded_at limit ?")
                .param(limit).query(ColdChain::event).list();
    }

    /** How many events QA still has to decide (an index-only count of the partial index). */
    @Transactional(readOnly = true)
    public long awaitingDecisionCount() {
        return jdbc.sql("select count(*) from cold_chain_event where hold_reason is not null and decision is null").query(Long.class).single();
    }

    /** Why a unit is held by the cold chain, or empty: the first event that holds it. */
    Optional<String> holdOf(UUID unitId) {
        return jdbc.sql("""
                select kind, hold_reason, decision from cold_chain_event where unit_id = ? and hold_reason is not null
                  and (decision is null or decision = 'UNUSABLE') order by occurred_at limit 1""").param(unitId)
                .query((rs, n) -> (rs.getString("kind").equals("THAW") ? "thaw " : "temperature excursion ") + rs.getString("hold_reason")
                        + ("UNUSABLE".equals(rs.getString("decision")) ? "; QA decided the unit unusable" : "; held until QA decides"))
                .optional();
    }

    // ---- helpers ----

    private ColdChainEvent insertEvent(LotUnit unit, ColdChainEvent.EventKind kind, Instant at, Double highestC, Integer minutes, String hold) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into cold_chain_event (id, unit_id, unit_code, kind, occurred_at, highest_c, minutes, hold_reason, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, unit.id(), unit.code(), kind.name(), Timestamp.from(at), highestC, minutes, hold, Actors.current(), Timestamp.from(now()))
                .update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("unit", unit.code());
        audit.put("kind", kind.name());
        audit.put("occurredAt", at.toString());
        if (highestC != null) audit.put("highestC", highestC);
        if (minutes != null) audit.put("minutes", minutes);
        audit.put("held", hold != null);
        if (hold != null) audit.put("holdReason", hold);
        events.publishEvent(RecordChanged.created("cold-chain-event", id, audit));
        return event(id);
    }

    private ColdChainEvent event(UUID id) {
        return jdbc.sql("select * from cold_chain_event where id = ?").param(id).query(ColdChain::event).single();
    }

    private Instant occurredAt(NewEvent e, Map<String, String> errors) {
        Instant at = e.occurredAt() == null ? now() : e.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(Instant.now())) errors.put("occurredAt", "it cannot have happened in the future");
        return at;
    }

    private Optional<UnitColdChain.Place> place(UUID unitId) {
        return jdbc.sql(PATHS + " select t.path, p.position, p.placed_by, p.placed_at from unit_place p join tree t on t.id = p.location_id where p.unit_id = ?")
                .param(unitId).query((rs, n) -> new UnitColdChain.Place(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).optional();
    }

    private Optional<String> custodian(UUID unitId) {
        return jdbc.sql("select to_person from custody_transfer where unit_id = ? order by handed_at desc, recorded_at desc limit 1").param(unitId)
                .query(String.class).optional();
    }

    private String productOf(LotUnit unit) {
        return lots.get(unit.lotId()).productCode();
    }

    private LotUnit unit(String unitCode) {
        return lots.unitByCode(unitCode).orElseThrow(() -> DomainProblem.notFound("Unit", unitCode));
    }

    /** The unit, if the caller may see it: the lab, QA and compliance see every unit, a clinician those their clinics received. */
    private LotUnit visible(String unitCode) {
        LotUnit unit = unit(unitCode);
        if (Actors.holdsAny(Role.LAB_ANALYST, Role.QA_RELEASER, Role.COMPLIANCE_OFFICER)) return unit;
        Whereabouts w = whereabouts.of(List.of(unit.id())).get(unit.id());
        Set<UUID> mine = clinics.mine().stream().map(Clinic::id).collect(Collectors.toSet());
        if (w == null || !mine.contains(w.clinicId())) throw DomainProblem.notFound("Unit", unitCode);
        return unit;
    }

    /** A unit the caller may record a handover, excursion or thaw for. */
    private LotUnit handled(String unitCode) {
        requireRole(HANDLERS);
        return visible(unitCode);
    }

    private static void requireRole(Role... roles) {
        if (!Actors.holdsAny(roles)) throw DomainProblem.forbidden("Your roles do not let you record this.");
    }

    private static void required(Map<String, String> errors, String field, Double value, double min, double max) {
        if (value == null) errors.put(field, "is required");
        else if (value.isNaN() || value < min || value > max) errors.put(field, "between " + Texts.number(min) + " and " + Texts.number(max));
    }

    static String celsius(double c) {
        return Texts.number(c) + " °C";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, Object> snapshot(StorageCondition c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", c.productCode());
        m.put("storedAtC", c.storedAtC());
        m.put("excursionMaxC", c.excursionMaxC());
        m.put("excursionMaxMinutes", c.excursionMaxMinutes());
        m.put("maxThaws", c.maxThaws());
        return m;
    }

    private static StorageCondition condition(ResultSet rs, int n) throws SQLException {
        return new StorageCondition(rs.getString("product_code"), rs.getDouble("stored_at_c"), rs.getDouble("excursion_max_c"),
                rs.getInt("excursion_max_minutes"), rs.getInt("max_thaws"), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
    }

    private static StorageLocation location(ResultSet rs, int n) throws SQLException {
        return new StorageLocation(rs.getObject("id", UUID.class), rs.getString("code"), StorageLocation.Level.valueOf(rs.getString("kind")),
                rs.getObject("parent_id", UUID.class), rs.getString("name"), rs.getString("path"));
    }

    private static CustodyTransfer transfer(ResultSet rs, int n) throws SQLException {
        return new CustodyTransfer(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("from_person"),
                rs.getString("to_person"), rs.getTimestamp("handed_at").toInstant(), rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private static ColdChainEvent event(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        String decision = rs.getString("decision");
        return new ColdChainEvent(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
                ColdChainEvent.EventKind.valueOf(rs.getString("kind")), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("highest_c") == null ? null : rs.getDouble("highest_c"), rs.getObject("minutes", Integer.class),
                rs.getString("hold_reason"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                decision == null ? null : ColdChainEvent.HoldDecision.valueOf(decision), rs.getString("decision_reason"), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant());
    }
}
