package org.exotrace.dossier.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Units;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.supply.UnitWhereabouts;
import org.exotrace.supply.UnitWhereabouts.Stage;
import org.exotrace.supply.UnitWhereabouts.Whereabouts;
import org.exotrace.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lab's units page: every unit with its place and status, composed from the batch module
 * (units, lots, destruction) and the clinic module's public whereabouts (shipped, received, used;
 * never a patient), filtered by lot, status and clinic and paged.
 */
@Controller
class UnitsController {

    static final int PAGE_SIZE = 50;

    /** Where a unit is in its life, as the page names it. */
    enum Status {
        IN_LAB("In the lab"), SHIPPED("Shipped, not yet received"), RECEIVED("Received by the clinic"), USED("Used in a session"),
        EXPIRED("Expired"), DESTROYED("Destroyed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Optional<Status> parse(String text) {
            return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
        }
    }

    /** One line of the page. {@code place} is "Lab" or a clinic's name; {@code since} the day of the last move. */
    record Line(Units.Listed listed, Status status, String place, String detail) {

        public Lot lot() {
            return listed.lot();
        }

        public boolean inLab() {
            return "Lab".equals(place) && status != Status.DESTROYED;
        }
    }

    private final Units units;
    private final UnitWhereabouts whereabouts;
    private final Clinics clinics;

    UnitsController(Units units, UnitWhereabouts whereabouts, Clinics clinics) {
        this.units = units;
        this.whereabouts = whereabouts;
        this.clinics = clinics;
    }

    @GetMapping("/units")
    String units(@RequestParam(defaultValue = "") String lot, @RequestParam(defaultValue = "") String status,
                 @RequestParam(defaultValue = "") String clinic, @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate today = LocalDate.now();
        Optional<Status> wanted = Status.parse(status);
        UUID clinicId = clinics.all().stream().map(Clinic::id).filter(id -> id.toString().equals(clinic.strip())).findFirst().orElse(null);
        Page<Units.Listed> found = units.search(query(lot, wanted.orElse(null), clinicId, today), new Page.Request(page, PAGE_SIZE));
        Map<UUID, Whereabouts> where = whereabouts.of(found.rows().stream().map(l -> l.unit().id()).toList());
        model.addAttribute("page", found.map(l -> line(l, where.get(l.unit().id()), today)));
        model.addAttribute("statuses", Status.values());
        model.addAttribute("clinics", clinics.all());
        model.addAttribute("lot", lot);
        model.addAttribute("status", wanted.map(Enum::name).orElse(""));
        model.addAttribute("clinic", clinicId == null ? "" : clinicId.toString());
        model.addAttribute("filterError", !status.isBlank() && wanted.isEmpty() ? "'" + status + "' is not a status; showing every status." : null);
        return "dossier/units";
    }

    /** The filters as a query of the batch module, narrowed by the clinic module's sets of shipped units. */
    private Units.Query query(String lot, Status status, UUID clinicId, LocalDate today) {
        Set<UUID> atClinic = clinicId == null ? null : whereabouts.unitIds(null, clinicId);
        if (status == null) return new Units.Query(lot, null, null, null, atClinic, null);
        return switch (status) {
            case DESTROYED -> new Units.Query(lot, true, null, null, atClinic, null);
            case USED -> new Units.Query(lot, null, null, null, whereabouts.unitIds(Stage.USED, clinicId), null);
            case EXPIRED -> new Units.Query(lot, false, today, true, atClinic, whereabouts.unitIds(Stage.USED, null));
            case RECEIVED -> new Units.Query(lot, false, today, false, whereabouts.unitIds(Stage.RECEIVED, clinicId), null);
            case SHIPPED -> new Units.Query(lot, false, today, false, whereabouts.unitIds(Stage.IN_TRANSIT, clinicId), null);
            case IN_LAB -> new Units.Query(lot, false, today, false, clinicId == null ? null : new HashSet<>(), whereabouts.unitIds(null, null));
        };
    }

    private static Line line(Units.Listed l, Whereabouts w, LocalDate today) {
        if (l.unit().destroyed()) {
            return new Line(l, Status.DESTROYED, "Lab", "destroyed on " + l.unit().destruction().on() + ": " + l.unit().destruction().reason());
        }
        String place = w == null ? "Lab" : w.clinicName();
        if (w != null && w.used()) return new Line(l, Status.USED, place, "used in a session on " + w.usedOn());
        String moved = w == null ? "" : w.received() ? "received on " + w.receivedOn() : "shipped on " + w.shippedOn() + ", not yet received";
        if (!l.lot().expiresOn().isAfter(today)) {
            return new Line(l, Status.EXPIRED, place, "lot expired on " + l.lot().expiresOn() + (moved.isEmpty() ? "" : "; " + moved));
        }
        if (w == null) return new Line(l, Status.IN_LAB, place, "");
        return new Line(l, w.received() ? Status.RECEIVED : Status.SHIPPED, place, moved);
    }
}
