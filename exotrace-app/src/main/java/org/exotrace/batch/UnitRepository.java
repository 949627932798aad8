package org.exotrace.batch;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of units across lots: the paged search, locks and the destruction columns. {@link Units} decides, this stores. */
@Repository
class UnitRepository {

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LotUnit> find(UUID id) {
        return jdbc.sql("select * from lot_unit where id = ?").param(id).query(LotRepository::unit).optional();
    }

    Optional<LotUnit> lock(UUID id) {
        return jdbc.sql("select * from lot_unit where id = ? for update").param(id).query(LotRepository::unit).optional();
    }

    Optional<LotUnit> lockByCode(String code) {
        return jdbc.sql("select * from lot_unit where code = ? for update").param(code).query(LotRepository::unit).optional();
    }

    List<LotUnit> byIds(Collection<UUID> ids) {
        return jdbc.sql("select * from lot_unit where id = any(?) order by code").param(ids.toArray(UUID[]::new))
                .query(LotRepository::unit).list();
    }

    List<LotUnit> ofLots(Collection<UUID> lotIds) {
        return jdbc.sql("select * from lot_unit where lot_id = any(?) order by code").param(lotIds.toArray(UUID[]::new))
                .query(LotRepository::unit).list();
    }

    /** The day the unit was filled, in the server's time zone. */
    LocalDate filledOn(UUID id) {
        return jdbc.sql("select created_at from lot_unit where id = ?").param(id).query(java.sql.Timestamp.class).single()
                .toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    void destroy(UUID id, LocalDate on, String reason) {
        jdbc.sql("update lot_unit set destroyed_on = ?, destroyed_by = ?, destroyed_at = now(), destruction_reason = ? where id = ?")
                .params(Date.valueOf(on), Actors.current(), reason, id).update();
    }

    Page<LotUnit> search(Units.Query q, Page.Request page) {
        if (q.onlyIds() != null && q.onlyIds().isEmpty()) return new Page<>(List.of(), page.number(), page.size(), 0);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.lotCode() != null && !q.lotCode().isBlank()) {
            where.add("l.code ilike ? escape '\\'");
            params.add("%" + literal(q.lotCode().strip()) + "%");
        }
        if (q.destroyed() != null) where.add(q.destroyed() ? "u.destroyed_on is not null" : "u.destroyed_on is null");
        if (q.expired() != null && q.expiredOn() != null) {
            where.add(q.expired() ? "l.expires_on <= ?" : "l.expires_on > ?");
            params.add(Date.valueOf(q.expiredOn()));
        }
        if (q.onlyIds() != null) {
            where.add("u.id = any(?)");
            params.add(q.onlyIds().toArray(UUID[]::new));
        }
        if (q.exceptIds() != null && !q.exceptIds().isEmpty()) {
            where.add("not (u.id = any(?))");
            params.add(q.exceptIds().toArray(UUID[]::new));
        }
        String from = " from lot_unit u join lot l on l.id = u.lot_id" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(page.countLimit());
        long counted = jdbc.sql("select count(*) from (select 1" + from + " limit ?) c").params(countParams).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<LotUnit> rows = jdbc.sql("select u.*" + from + " order by l.created_at desc, l.code desc, u.number limit ? offset ?")
                .params(pageParams).query(LotRepository::unit).list();
        return Page.counted(rows, page, counted);
    }

    /** The text with LIKE's wildcards escaped, so that a typed % or _ matches itself. */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
