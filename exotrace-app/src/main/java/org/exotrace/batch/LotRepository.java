package org.exotrace.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Page;
import org.exotrace.shared.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of lots, their parents and their units. No rules here: {@link Lots} decides, this stores. */
@Repository
class LotRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LotRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(UUID id, String code, String productCode, LotKind kind, UUID batchId, Lots.NewLot lot, LocalDate expiresOn) {
        jdbc.sql("""
                insert into lot (id, code, product_code, kind, batch_id, concentration_per_ml, volume_ml, manufactured_on, expires_on, state, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_TESTING', ?)""")
                .params(id, code, productCode, kind.name(), batchId, lot.concentrationPerMl(), lot.volumeMl(), lot.manufacturedOn(), expiresOn,
                        Actors.current())
                .update();
    }

    void insertParents(UUID lotId, List<UUID> parentIds) {
        for (UUID parent : parentIds) {
            jdbc.sql("insert into lot_parent (lot_id, parent_lot_id) values (?, ?)").params(lotId, parent).update();
        }
    }

    void insertUnits(List<LotUnit> units) {
        String actor = Actors.current();
        template.batchUpdate("insert into lot_unit (id, code, lot_id, number, volume_ml, created_by) values (?, ?, ?, ?, ?, ?)",
                units.stream().map(u -> new Object[] {u.id(), u.code(), u.lotId(), u.number(), u.volumeMl(), actor}).toList());
    }

    void disposition(UUID lotId, LotState state, UUID signatureId, String reason) {
        jdbc.sql("update lot set state = ?, disposition_signature_id = ?, disposition_reason = ? where id = ?")
                .params(state.name(), signatureId, reason, lotId).update();
    }

    void correctConcentration(UUID lotId, Double previous, double corrected, String reason) {
        jdbc.sql("update lot set concentration_per_ml = ? where id = ?").params(corrected, lotId).update();
        jdbc.sql("""
                insert into lot_concentration_correction (id, lot_id, previous_per_ml, corrected_per_ml, reason, corrected_by)
                values (?, ?, ?, ?, ?, ?)""").params(UUID.randomUUID(), lotId, previous, corrected, reason, Actors.current()).update();
    }

    List<ConcentrationCorrection> concentrationCorrections(UUID lotId) {
        return jdbc.sql("select * from lot_concentration_correction where lot_id = ? order by corrected_at, id").param(lotId)
                .query((rs, n) -> new ConcentrationCorrection(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
                        (Double) rs.getObject("previous_per_ml"), rs.getDouble("corrected_per_ml"), rs.getString("reason"),
                        rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toInstant()))
                .list();
    }

        /** Locks the lot's row until the transaction ends, so concurrent splits and dispositions queue up. */
    Optional<Lot> lock(UUID id) {
        return jdbc.sql("select * from lot where id = ? for update").param(id).query(LotRepository::lot).optional();
    }

    Optional<Lot> find(UUID id) {
        return jdbc.sql("select * from lot where id = ?").param(id).query(LotRepository::lot).optional();
    }

    Optional<Lot> findByCode(String code) {
        return jdbc.sql("select * from lot where code = ?").param(code.strip().toUpperCase()).query(LotRepository::lot).optional();
    }

    List<Lot> ofBatch(UUID batchId) {
        return jdbc.sql("select * from lot where batch_id = ? order by code").param(batchId).query(LotRepository::lot).list();
    }

    List<Lot> parents(UUID lotId) {
        return jdbc.sql("select l.* from lot_parent p join lot l on l.id = p.parent_lot_id where p.lot_id = ? order by l.code")
                .param(lotId).query(LotRepository::lot).list();
    }

    List<Lot> children(UUID lotId) {
        return jdbc.sql("select l.* from lot_parent p join lot l on l.id = p.lot_id where p.parent_lot_id = ? order by l.code")
                .param(lotId).query(LotRepository::lot).list();
    }

    List<LotUnit> units(UUID lotId) {
        return jdbc.sql("select * from lot_unit where lot_id = ? order by number").param(lotId).query(LotRepository::unit).list();
    }

    Optional<LotUnit> unitByCode(String code) {
        return jdbc.sql("select * from lot_unit where code = ?").param(code).query(LotRepository::unit).optional();
    }

    static LotUnit unit(ResultSet rs, int n) throws SQLException {
        LocalDate destroyedOn = rs.getObject("destroyed_on", LocalDate.class);
        UnitDestruction destruction = destroyedOn == null ? null : new UnitDestruction(destroyedOn, rs.getString("destroyed_by"),
                rs.getTimestamp("destroyed_at").toInstant(), rs.getString("destruction_reason"));
        return new LotUnit(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("lot_id", UUID.class),
                rs.getInt("number"), rs.getDouble("volume_ml"), destruction);
    }

    double unitVolume(UUID lotId) {
        return jdbc.sql("select coalesce(sum(volume_ml), 0) from lot_unit where lot_id = ?").param(lotId).query(Double.class).single();
    }

    int lastUnitNumber(UUID lotId) {
        return jdbc.sql("select coalesce(max(number), 0) from lot_unit where lot_id = ?").param(lotId).query(Integer.class).single();
    }

    /** Lot ids of the lot and all its ancestors, through derivatives and pools to any depth. */
    List<UUID> selfAndAncestors(UUID lotId) {
        return jdbc.sql("""
                with recursive up(id) as (
                    select cast(? as uuid)
                    union
                    select p.parent_lot_id from lot_parent p join up on p.lot_id = up.id)
                select id from up""").param(lotId).query(UUID.class).list();
    }

    /**
     * The lot and its descendants ({@code down}) or ancestors, with the edges among them, in one
     * recursive query: each step is a look-up in lot_parent's primary key or its parent index.
     */
    LotFamily family(Lot root, boolean down) {
        String from = down ? "parent_lot_id" : "lot_id";
        String to = down ? "lot_id" : "parent_lot_id";
        Map<UUID, Lot> lots = new LinkedHashMap<>();
        List<LotFamily.Edge> edges = new ArrayList<>();
        jdbc.sql("with recursive walk(id, came_from) as (select cast(? as uuid), cast(null as uuid) union"
                        + " select p." + to + ", p." + from + " from lot_parent p join walk w on p." + from + " = w.id)"
                        + " select l.*, w.came_from from walk w join lot l on l.id = w.id").param(root.id())
                .query((ResultSet rs) -> {
                    Lot lot = lot(rs, 0);
                    lots.putIfAbsent(lot.id(), lot);
                    UUID other = rs.getObject("came_from", UUID.class);
                    if (other != null) edges.add(down ? new LotFamily.Edge(other, lot.id()) : new LotFamily.Edge(lot.id(), other));
                });
        return new LotFamily(root, lots, edges);
    }

    Page<Lot> search(String text, LotState state, Page.Request page) {
        return search(text, state == null ? List.of() : List.of(state), List.of(), page);
    }

    /**
     * Lots whose code, product or batch contains the text, newest first, but for the excluded ones; {@code states} empty means any state.
     * The where clause holds only the filters given, so that an unfiltered page walks index lot_created and a page of one state
     * lot_state_created; the total is a capped count ({@link Page#counted}): a million lots are not counted for one page.
     */
    Page<Lot> search(String text, Collection<LotState> states, Collection<UUID> excluded, Page.Request page) {
        SearchText typed = SearchText.of("q", text);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        boolean byBatch = !typed.isEmpty();
        if (byBatch) {
            where.add("(l.code ilike :like or l.product_code ilike :like or coalesce(b.code, '') ilike :like)");
            params.put("like", typed.containsPattern());
        }
        if (!states.isEmpty()) {
            where.add("l.state in (:states)");
            params.put("states", states.stream().map(Enum::name).toList());
        }
        if (!excluded.isEmpty()) {
            where.add("l.id not in (:excluded)");
            params.put("excluded", List.copyOf(excluded));
        }
        String from = " from lot l" + (byBatch ? " left join batch b on b.id = l.batch_id" : "")
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        long counted = jdbc.sql("select count(*) from (select 1" + from + " limit :countLimit) c").params(params)
                .param("countLimit", page.countLimit()).query(Long.class).single();
        List<Lot> rows = jdbc.sql("select l.*" + from + " order by l.created_at desc, l.code desc limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(LotRepository::lot).list();
        return Page.counted(rows, page, counted);
    }

    /** One page of the lots of one product in one state, newest first (index lot_state_product_created, read backwards); no count. */
    List<Lot> ofProductInState(String productCode, LotState state, Page.Request page) {
        return jdbc.sql("select * from lot where state = ? and product_code = ? order by created_at desc, code desc limit ? offset ?")
                .param(state.name()).param(productCode).param(page.size()).param(page.offset()).query(LotRepository::lot).list();
    }

    /** How many lots are in each state: the counts the triggers of migration V2026_12_12_0300 keep, not a count of a million rows. */
    Map<LotState, Long> countByState() {
        Map<LotState, Long> counts = new EnumMap<>(LotState.class);
        for (LotState s : LotState.values()) counts.put(s, 0L);
        jdbc.sql("select state, lots from lot_state_count")
                .query((ResultSet rs) -> { counts.put(LotState.valueOf(rs.getString(1)), rs.getLong(2)); });
        return counts;
    }

    static Map<String, Object> snapshot(Lot l, List<Lot> parents) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", l.code());
        m.put("productCode", l.productCode());
        m.put("kind", l.kind().name());
        m.put("batchId", Objects.toString(l.batchId(), null));
        m.put("parentLots", parents.stream().map(Lot::code).toList());
        m.put("concentrationPerMl", l.concentrationPerMl());
        m.put("volumeMl", l.volumeMl());
        m.put("manufacturedOn", l.manufacturedOn().toString());
        m.put("expiresOn", l.expiresOn().toString());
        m.put("state", l.state().name());
        m.put("dispositionSignatureId", Objects.toString(l.dispositionSignatureId(), null));
        m.put("dispositionReason", l.dispositionReason());
        return m;
    }

    static Map<String, Object> snapshot(LotUnit u, String lotCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("lot", lotCode);
        m.put("number", u.number());
        m.put("volumeMl", u.volumeMl());
        return m;
    }


    static Lot lot(ResultSet rs, int n) throws SQLException {
        return new Lot(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("product_code"), LotKind.valueOf(rs.getString("kind")),
                rs.getObject("batch_id", UUID.class), (Double) rs.getObject("concentration_per_ml"), rs.getDouble("volume_ml"),
                rs.getObject("manufactured_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                LotState.valueOf(rs.getString("state")), rs.getObject("disposition_signature_id", UUID.class),
                rs.getString("disposition_reason"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
