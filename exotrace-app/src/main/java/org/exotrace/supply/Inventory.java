package org.exotrace.supply;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.clinic.Clinics;
import org.exotrace.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's stock as its staff see it: the units it received, each with its lot, expiry and
 * whether it may be used on a day ({@link Shipments#check}, so every reason the check gives is
 * shown, whatever rule added it), and the shipments on their way that still need a receipt.
 */
@Service
public class Inventory {

    /**
     * A received unit.
     *
     * @param usedOn the day a (not voided) session used it; then {@code check} is null, the unit being gone
     * @param check  whether it may be used on the day asked, with every reason when not
     */
    public record Stock(UUID unitId, String unitCode, UUID lotId, String lotCode, String productCode, LocalDate expiresOn,
                        UUID shipmentId, LocalDate receivedOn, LocalDate usedOn, UnitCheck check) {

        public boolean used() {
            return usedOn != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clinics clinics;
    private final Shipments shipments;
    private final Lots lots;

    Inventory(JdbcClient jdbc, Clinics clinics, Shipments shipments, Lots lots) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.shipments = shipments;
        this.lots = lots;
    }

    /**
     * The units the clinic received, by unit code, one page at a time; with {@code includeUsed}
     * false only those not used yet (the stock on the shelf). Only the clinic's staff. A page walks index
     * shipment_unit (clinic_id, unit_code) in order; the total is counted up to {@link Page#COUNT_CAP} rows past the page.
     */
    @Transactional(readOnly = true)
    public Page<Stock> stock(UUID clinicId, boolean includeUsed, LocalDate on, Page.Request page) {
        clinics.requireMember(clinicId);
        LocalDate day = on == null ? LocalDate.now() : on;
        // "not exists" rather than "left join ... where t.id is null": the planner estimates the anti-join, and walks the index in order
        String from = " from shipment_unit u join shipment s on s.id = u.shipment_id"
                + (includeUsed ? " left join treatment_session t on t.unit_id = u.unit_id and t.status = 'RECORDED'" : "")
                + " where u.clinic_id = ? and s.received_on is not null"
                + (includeUsed ? "" : " and not exists (select 1 from treatment_session t where t.unit_id = u.unit_id and t.status = 'RECORDED')")
                + " order by u.unit_code";
        long counted = jdbc.sql("select count(*) from (select 1" + from + " limit ?) c").params(clinicId, page.countLimit())
                .query(Long.class).single();
        Map<UUID, Lot> lotsById = new HashMap<>();
        String performedOn = includeUsed ? "t.performed_on" : "cast(null as date) as performed_on";
        List<Stock> rows = jdbc.sql("select u.unit_id, u.unit_code, u.lot_id, s.id as shipment_id, s.received_on, " + performedOn + from
                        + " limit ? offset ?")
                .params(clinicId, page.size(), page.offset())
                .query((rs, n) -> {
                    Date used = rs.getDate("performed_on");
                    return new Stock(rs.getObject("unit_id", UUID.class), rs.getString("unit_code"), rs.getObject("lot_id", UUID.class), null, null,
                            null, rs.getObject("shipment_id", UUID.class), rs.getDate("received_on").toLocalDate(),
                            used == null ? null : used.toLocalDate(), null);
                }).list().stream()
                .map(s -> {
                    Lot lot = lotsById.computeIfAbsent(s.lotId(), lots::get);
                    UnitCheck check = s.used() ? null : shipments.check(clinicId, s.unitCode(), day);
                    return new Stock(s.unitId(), s.unitCode(), s.lotId(), lot.code(), lot.productCode(), lot.expiresOn(), s.shipmentId(),
                            s.receivedOn(), s.usedOn(), check);
                }).toList();
        return Page.counted(rows, page, counted);
    }

    /** Shipments to the clinic whose receipt is not confirmed yet, oldest first. Only the clinic's staff. */
    @Transactional(readOnly = true)
    public List<Shipment> incoming(UUID clinicId) {
        clinics.requireMember(clinicId);
        return jdbc.sql("select id from shipment where clinic_id = ? and received_on is null order by shipped_on, created_at")
                .param(clinicId).query(UUID.class).list().stream().map(shipments::get).toList();
    }

    /** How many shipments await a receipt at each of the current user's clinics. */
    @Transactional(readOnly = true)
    public Map<UUID, Long> incomingCounts() {
        Map<UUID, Long> counts = new HashMap<>();
        clinics.mine().forEach(c -> counts.put(c.id(), jdbc.sql("select count(*) from shipment where clinic_id = ? and received_on is null")
                .param(c.id()).query(Long.class).single()));
        return counts;
    }
}
