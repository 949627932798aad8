package org.exotrace.supply;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exotrace.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where units went after the lab, for the lab's pages: shipped to which clinic and when, received
 * when, used in a session on which day. Never who the patient was: a lab role reads this, and a
 * patient's identity stays with their clinic.
 */
@Service
public class UnitWhereabouts {

    /**
     * One unit's travel.
     *
     * @param receivedOn null while in transit
     * @param usedOn     the day of the session that used it, null when unused (voided sessions do not count)
     */
    public record Whereabouts(UUID unitId, UUID shipmentId, UUID clinicId, String clinicName, LocalDate shippedOn, LocalDate receivedOn,
                              LocalDate usedOn) {

        public boolean received() {
            return receivedOn != null;
        }

        public boolean used() {
            return usedOn != null;
        }
    }

    /** How far shipped units have gone. */
    public enum Stage {
        /** Shipped, receipt not confirmed yet. */
        IN_TRANSIT,
        /** Received by the clinic and not used. */
        RECEIVED,
        /** Used in a (not voided) session. */
        USED
    }

    /** A shipment as the lab lists it. */
    public record ShipmentLine(UUID id, UUID clinicId, String clinicName, LocalDate shippedOn, String sender, LocalDate receivedOn,
                               String receivedBy, List<String> unitCodes) {

        public ShipmentLine {
            unitCodes = List.copyOf(unitCodes);
        }
    }

    private static final String SELECT = """
            select u.unit_id, s.id as shipment_id, s.clinic_id, c.name as clinic_name, s.shipped_on, s.received_on,
              (select min(t.performed_on) from treatment_session t where t.unit_id = u.unit_id and t.status = 'RECORDED') as used_on
            from shipment_unit u join shipment s on s.id = u.shipment_id join clinic c on c.id = s.clinic_id""";

    private final JdbcClient jdbc;

    UnitWhereabouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The whereabouts of those of these units that were shipped, by unit id; units still in the lab are absent. */
    @Transactional(readOnly = true)
    public Map<UUID, Whereabouts> of(Collection<UUID> unitIds) {
        Map<UUID, Whereabouts> found = new LinkedHashMap<>();
        if (unitIds.isEmpty()) return found;
        jdbc.sql(SELECT + " where u.unit_id = any(?)").param(unitIds.toArray(UUID[]::new)).query(UnitWhereabouts::whereabouts).list()
                .forEach(w -> found.put(w.unitId(), w));
        return found;
    }

    /**
     * The ids of the units shipped (to {@code clinicId}, or to any clinic when null) that are at
     * {@code stage} (any stage when null): what a list of units filtered by place or status needs.
     */
    @Transactional(readOnly = true)
    public Set<UUID> unitIds(Stage stage, UUID clinicId) {
        String used = "exists (select 1 from treatment_session t where t.unit_id = u.unit_id and t.status = 'RECORDED')";
        String condition = stage == null ? "true" : switch (stage) {
            case IN_TRANSIT -> "s.received_on is null";
            case RECEIVED -> "s.received_on is not null and not " + used;
            case USED -> used;
        };
        return new HashSet<>(jdbc.sql("select u.unit_id from shipment_unit u join shipment s on s.id = u.shipment_id where " + condition
                        + " and (cast(? as uuid) is null or s.clinic_id = ?)")
                .params(clinicId, clinicId).query(UUID.class).list());
    }

    /** Shipments, newest first, with their units. */
    @Transactional(readOnly = true)
    public Page<ShipmentLine> shipments(Page.Request page) {
        long total = jdbc.sql("select count(*) from shipment").query(Long.class).single();
        List<ShipmentLine> rows = jdbc.sql("""
                select s.*, c.name as clinic_name,
                  array(select unit_code from shipment_unit u where u.shipment_id = s.id order by unit_code) as codes
                from shipment s join clinic c on c.id = s.clinic_id order by s.shipped_on desc, s.created_at desc limit ? offset ?""")
                .params(page.size(), page.offset()).query((rs, n) -> {
                    Date received = rs.getDate("received_on");
                    return new ShipmentLine(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("clinic_name"),
                            rs.getDate("shipped_on").toLocalDate(), rs.getString("sender"), received == null ? null : received.toLocalDate(),
                            rs.getString("received_by"), List.of((String[]) rs.getArray("codes").getArray()));
                }).list();
        return new Page<>(rows, page.number(), page.size(), total);
    }

    private static Whereabouts whereabouts(ResultSet rs, int n) throws SQLException {
        Date received = rs.getDate("received_on");
        Date used = rs.getDate("used_on");
        return new Whereabouts(rs.getObject("unit_id", UUID.class), rs.getObject("shipment_id", UUID.class), rs.getObject("clinic_id", UUID.class),
                rs.getString("clinic_name"), rs.getDate("shipped_on").toLocalDate(), received == null ? null : received.toLocalDate(),
                used == null ? null : used.toLocalDate());
    }
}
