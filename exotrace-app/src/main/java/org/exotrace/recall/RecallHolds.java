package org.exotrace.recall;

import java.util.Optional;
import java.util.UUID;
import org.exotrace.supply.UnitHolds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supply module's unit check asks here: a unit any recall took in is refused, naming the recall.
 * Reads its own table directly rather than through {@link Recalls}, which depends (through the
 * treatment module) on the unit check itself.
 */
@Component
class RecallHolds implements UnitHolds {

    private final JdbcClient jdbc;

    RecallHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> heldBecause(UUID unitId, String unitCode) {
        return jdbc.sql("select r.code, r.recall_class from recall_hold h join recall r on r.id = h.recall_id where h.unit_id = ?").param(unitId)
                .query((rs, i) -> "unit " + unitCode + " is under recall " + rs.getString(1) + " (" + RecallClass.valueOf(rs.getString(2)).label()
                        + "): do not use; account for it on the recall notice").optional();
    }
}
