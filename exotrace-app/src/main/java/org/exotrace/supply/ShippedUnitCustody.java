package org.exotrace.supply;

import java.util.Optional;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.UnitCustody;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A shipped unit is the clinic's from the day it was shipped: the lab can no longer destroy it. */
@Component
class ShippedUnitCustody implements UnitCustody {

    private final JdbcClient jdbc;

    ShippedUnitCustody(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> outOfLab(LotUnit unit) {
        return jdbc.sql("""
                select c.name, s.shipped_on from shipment_unit u join shipment s on s.id = u.shipment_id join clinic c on c.id = s.clinic_id
                where u.unit_id = ?""").param(unit.id())
                .query((rs, n) -> "shipped to " + rs.getString(1) + " on " + rs.getDate(2).toLocalDate()).optional();
    }
}
