package org.exotrace.supply;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.batch.Units;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.release.DispositionReview;
import org.exotrace.release.DispositionReviews;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units from the lab to a clinic: the lab ships released, unexpired units; the clinic confirms
 * receipt into its inventory; before a unit is used, {@link #check} says whether it may be (in
 * this clinic's inventory, its lot still released, not under disposition review nor recalled, not
 * expired) with every reason when not.
 */
@Service
public class Shipments {

    public record NewShipment(UUID clinicId, List<String> unitCodes, LocalDate shippedOn, String note) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Lots lots;
    private final Clinics clinics;
    private final DispositionReviews reviews;
    private final Units lotUnits;
    private final List<UnitHolds> holds;

    Shipments(JdbcClient jdbc, ApplicationEventPublisher events, Lots lots, Clinics clinics, DispositionReviews reviews, Units lotUnits,
              List<UnitHolds> holds) {
        this.jdbc = jdbc;
        this.holds = List.copyOf(holds);
        this.reviews = reviews;
        this.events = events;
        this.lots = lots;
        this.clinics = clinics;
        this.lotUnits = lotUnits;
    }

    /** Ships units; refused with a reason per unit when any is unknown, unreleased, under disposition review, expired or already shipped. */
    @Transactional
    public Shipment ship(NewShipment s) {
        if (s.clinicId() == null) throw DomainProblem.invalid("clinicId", "choose the clinic");
        Clinic clinic = clinics.get(s.clinicId());
        LocalDate shippedOn = s.shippedOn() == null ? LocalDate.now() : s.shippedOn();
        if (shippedOn.isAfter(LocalDate.now())) throw DomainProblem.invalid("shippedOn", "cannot be in the future");
        Texts.check("note", s.note(), 1000, false);
        List<String> codes = s.unitCodes() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(s.unitCodes().stream().filter(c -> c != null && !c.isBlank())
                        .map(c -> c.strip().toUpperCase(Locale.ROOT)).toList()));
        if (codes.isEmpty()) throw DomainProblem.invalid("unitCodes", "list the units to ship");
        if (codes.size() > 500) throw DomainProblem.invalid("unitCodes", "at most 500 units per shipment");
        List<String> reasons = new ArrayList<>();
        Map<String, LotUnit> units = new LinkedHashMap<>();
        for (String code : codes) {
            // locked, so that a destruction of the same unit waits for this shipment or this shipment for it; a destroyed unit is refused
            Optional<LotUnit> unit = lotUnits.lockByCode(code);
            if (unit.isEmpty()) {
                reasons.add(code + ": no such unit");
                continue;
            }
            Lot lot = lots.get(unit.get().lotId());
            if (unit.get().destroyed()) reasons.add(code + ": destroyed on " + unit.get().destruction().on() + " (" + unit.get().destruction().reason() + ")");
            if (!lot.released()) reasons.add(code + ": lot " + lot.code() + " is " + lot.state().label().toLowerCase(Locale.ROOT).replace('_', ' ') + ", not released");
            reviews.openFor(lot.id()).ifPresent(r -> reasons.add(code + ": lot " + lot.code() + " is under disposition review since " + r.openedOn()
                    + "; it cannot be shipped until QA decides"));
            if (!lot.expiresOn().isAfter(shippedOn)) reasons.add(code + ": lot " + lot.code() + " expired on " + lot.expiresOn());
            holds.forEach(h -> h.heldBecause(unit.get().id(), code).ifPresent(r -> reasons.add(code + ": " + r)));
            if (jdbc.sql("select count(*) from shipment_unit where unit_id = ?").param(unit.get().id()).query(Long.class).single() > 0) {
                reasons.add(code + ": already shipped");
            }
            units.put(code, unit.get());
        }
        if (!reasons.isEmpty()) throw DomainProblem.ruleViolation("Shipment refused", reasons);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into shipment (id, clinic_id, shipped_on, sender, note) values (?, ?, ?, ?, ?)")
                .params(id, clinic.id(), Date.valueOf(shippedOn), Actors.current(), Texts.blankToNull(s.note())).update();
        units.values().forEach(u -> jdbc.sql("insert into shipment_unit (shipment_id, clinic_id, unit_id, unit_code, lot_id) values (?, ?, ?, ?, ?)")
                .params(id, clinic.id(), u.id(), u.code(), u.lotId()).update());
        events.publishEvent(RecordChanged.created("shipment", id, Map.of("clinic", clinic.code(), "units", codes, "shippedOn", shippedOn.toString())));
        return get(id);
    }

    /** The clinic confirms the shipment arrived; its units enter the clinic's inventory. */
    @Transactional
    public Shipment receive(UUID shipmentId, LocalDate on) {
        Shipment s = get(shipmentId);
        clinics.requireMember(s.clinicId());
        if (s.received()) throw DomainProblem.conflict("This shipment was already received on " + s.receivedOn() + ".");
        LocalDate day = on == null ? LocalDate.now() : on;
        if (day.isBefore(s.shippedOn())) throw DomainProblem.invalid("on", "cannot be before it was shipped, " + s.shippedOn());
        if (day.isAfter(LocalDate.now())) throw DomainProblem.invalid("on", "cannot be in the future");
        jdbc.sql("update shipment set received_on = ?, received_by = ? where id = ?").params(Date.valueOf(day), Actors.current(), shipmentId).update();
        events.publishEvent(RecordChanged.changed("shipment", shipmentId, "RECEIVE", Map.of("received", false),
                Map.of("received", true, "receivedOn", day.toString()), "receipt confirmed"));
        return get(shipmentId);
    }

    @Transactional(readOnly = true)
    public Shipment get(UUID id) {
        Shipment s = jdbc.sql("select * from shipment where id = ?").param(id).query((rs, n) -> {
            Date received = rs.getDate("received_on");
            return new Shipment(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getDate("shipped_on").toLocalDate(),
                    rs.getString("sender"), rs.getString("note"), received == null ? null : received.toLocalDate(), rs.getString("received_by"),
                    List.of());
        }).optional().orElseThrow(() -> DomainProblem.notFound("Shipment", id));
        List<String> codes = jdbc.sql("select unit_code from shipment_unit where shipment_id = ? order by unit_code").param(id).query(String.class).list();
        return new Shipment(s.id(), s.clinicId(), s.shippedOn(), s.sender(), s.note(), s.receivedOn(), s.receivedBy(), codes);
    }

    /** Codes of the units the clinic has received, for its staff. */
    @Transactional(readOnly = true)
    public List<String> inventory(UUID clinicId) {
        clinics.requireMember(clinicId);
        return jdbc.sql("""
                select u.unit_code from shipment_unit u join shipment s on s.id = u.shipment_id
                where s.clinic_id = ? and s.received_on is not null order by u.unit_code""").param(clinicId).query(String.class).list();
    }

    /**
     * May this unit be used at this clinic on this day? Refused, with every reason, when the unit is
     * unknown, not in this clinic's received inventory (a foreign unit), its lot is no longer
     * released (quarantined, rejected), recalled (the lot, or the unit held by a {@link UnitHolds} such as a recall), under disposition review (with the review's
     * causes: a withdrawn consent, an invalidated result, a quarantine), or the lot has expired.
     * The clinic's inventory lists these reasons as each unit's flags.
     */
    @Transactional(readOnly = true)
    public UnitCheck check(UUID clinicId, String unitCode, LocalDate on) {
        clinics.requireMember(clinicId);
        String code = unitCode == null ? "" : unitCode.strip().toUpperCase(Locale.ROOT);
        LocalDate day = on == null ? LocalDate.now() : on;
        Optional<LotUnit> unit = lots.unitByCode(code);
        if (unit.isEmpty()) return new UnitCheck(code, null, false, List.of("no unit has the code '" + code + "'; check the label"));
        Lot lot = lots.get(unit.get().lotId());
        List<String> reasons = new ArrayList<>();
        // a destroyed unit is never used, wherever it is
        if (unit.get().destroyed()) reasons.add("unit " + code + " was destroyed on " + unit.get().destruction().on() + ": do not use");
        LocalDate receivedOn = jdbc.sql("""
                select min(s.received_on) from shipment_unit u join shipment s on s.id = u.shipment_id
                where u.unit_id = ? and s.clinic_id = ? and s.received_on is not null""").params(unit.get().id(), clinicId)
                .query(LocalDate.class).optional().orElse(null);
        boolean here = receivedOn != null;
        if (here && receivedOn.isAfter(day)) reasons.add("unit " + code + " was received here on " + receivedOn + ", after " + day);
        if (!here) reasons.add("unit " + code + " was not received by this clinic: it cannot be used here");
        // a review's causes are the lab's and this clinic's business, not another clinic's
        Optional<DispositionReview> recall = here ? reviews.recall(lot.id()) : Optional.empty();
        if (recall.isPresent()) {
            reasons.add(recall.get().refusal());
        } else if (!lot.released()) {
            reasons.add("lot " + lot.code() + " is " + lot.state().label().toLowerCase(Locale.ROOT)
                    + (lot.quarantined() ? " (on hold or recalled): do not use" : ", not released: do not use"));
        }
        if (here) reviews.openFor(lot.id()).ifPresent(r -> reasons.add(r.refusal(org.exotrace.donor.Donors.mayIdentifyDonors())));
        if (here) holds.forEach(h -> h.heldBecause(unit.get().id(), code).ifPresent(reasons::add));
        if (!lot.expiresOn().isAfter(day)) reasons.add("lot " + lot.code() + " expired on " + lot.expiresOn());
        return new UnitCheck(code, lot.code(), here, reasons);
    }
}
