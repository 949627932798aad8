package org.exotrace.supply.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.supply.Inventory;
import org.exotrace.supply.Shipment;
import org.exotrace.supply.Shipments;
import org.exotrace.supply.UnitWhereabouts;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Units between the lab and the clinics: the lab's shipments list and the form that ships units of
 * a released lot to a clinic (refusals beside each unit), and a clinic's inventory page where its
 * staff confirm the receipt of incoming shipments and see whether each unit may be used today.
 */
@Controller
class ShipmentController {

    static final int STOCK_PAGE = 50;
    /** Released lots the shipments page suggests as the lot code is typed (the newest); any other is found by its code. */
    static final int SUGGESTED_LOTS = 50;
    static final int MAX_RANGE = 500;

    /** The shipping form as sent: ticked units and/or a range of unit numbers such as "1-10, 12". */
    record ShipForm(UUID lotId, String clinicId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate shippedOn, String note,
                    List<String> unit, String range) {

        static ShipForm blank(UUID lotId) {
            return new ShipForm(lotId, "", LocalDate.now(), "", List.of(), "");
        }

        public List<String> ticked() {
            return unit == null ? List.of() : unit;
        }
    }

    private final Shipments shipments;
    private final Inventory inventory;
    private final UnitWhereabouts whereabouts;
    private final Clinics clinics;
    private final Lots lots;

    private final MessageSource messages;

    ShipmentController(Shipments shipments, Inventory inventory, UnitWhereabouts whereabouts, Clinics clinics, Lots lots, MessageSource messages) {
        this.messages = messages;
        this.shipments = shipments;
        this.inventory = inventory;
        this.whereabouts = whereabouts;
        this.clinics = clinics;
        this.lots = lots;
    }

    @GetMapping("/shipments")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return shipmentsPage(page, "", null, model);
    }

    /**
     * The shipping form of a lot, chosen by id (the lot page's link) or by the code typed on the
     * shipments page; without either, the shipments page. An unknown code comes back to that page with
     * a message beside the field.
     */
    @GetMapping("/shipments/new")
    String form(@RequestParam(required = false) UUID lot, @RequestParam(required = false) String lotCode, Model model) {
        if (lot != null) return shipPage(lots.get(lot), ShipForm.blank(lot), Map.of(), Map.of(), model);
        String code = lotCode == null ? "" : lotCode.strip();
        if (code.isEmpty()) return lotCode == null ? "redirect:/shipments" : shipmentsPage(0, code, text("clinic.shipments.giveLotCode"), model);
        Optional<Lot> found = lots.findByCode(code);
        if (found.isEmpty()) return shipmentsPage(0, code, text("clinic.shipments.noSuchLot", code), model);
        return shipPage(found.get(), ShipForm.blank(found.get().id()), Map.of(), Map.of(), model);
    }

    /** The shipments, a page at a time, under the form that picks a lot by its code (the newest released lots suggested). */
    private String shipmentsPage(int page, String lotCode, String lotCodeError, Model model) {
        model.addAttribute("page", whereabouts.shipments(new Page.Request(page, Page.DEFAULT_SIZE)));
        model.addAttribute("suggestedLots", lots.search("", LotState.RELEASED, new Page.Request(0, SUGGESTED_LOTS)).rows());
        model.addAttribute("lotCode", lotCode);
        model.addAttribute("lotCodeError", lotCodeError);
        return "clinic/shipments";
    }

    @PostMapping("/shipments")
    String ship(ShipForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        if (form.lotId() == null) throw DomainProblem.invalid("lotId", "choose the lot whose units to ship");
        Lot lot = lots.get(form.lotId());
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> codes = new LinkedHashSet<>(form.ticked());
        codes.addAll(range(lot, form.range(), errors));
        UUID clinicId = null;
        try {
            clinicId = form.clinicId() == null || form.clinicId().isBlank() ? null : UUID.fromString(form.clinicId());
        } catch (IllegalArgumentException e) {
            errors.put("clinicId", text("clinic.shipment.chooseClinic"));
        }
        if (errors.isEmpty()) {
            try {
                Shipment s = shipments.ship(new Shipments.NewShipment(clinicId, List.copyOf(codes), form.shippedOn(), form.note()));
                redirect.addFlashAttribute("message", text("clinic.shipment.shipped", s.unitCodes().size(), clinics.get(s.clinicId()).name(), s.shippedOn()));
                return "redirect:/shipments";
            } catch (DomainProblem p) {
                if (p.kind() == DomainProblem.Kind.RULE_VIOLATION) {
                    response.setStatus(422);
                    errors.put("form", text("clinic.shipment.refused", p.reasons().size()));
                    return shipPage(lot, form, errors, byUnit(p.reasons(), codes), model);
                }
                if (p.kind() == DomainProblem.Kind.NOT_FOUND) errors.put("clinicId", text("clinic.shipment.chooseClinic"));
                else if (p.fieldErrors().isEmpty()) errors.put("form", p.getMessage());
                p.fieldErrors().forEach((field, message) -> errors.put(field, message));
            }
        }
        response.setStatus(400);
        return shipPage(lot, form, errors, Map.of(), model);
    }

    @GetMapping("/clinic/{clinicId}/inventory")
    String inventory(@PathVariable UUID clinicId, @RequestParam(defaultValue = "false") boolean used, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        Clinic clinic = clinics.requireMember(clinicId);
        model.addAttribute("clinic", clinic);
        model.addAttribute("incoming", inventory.incoming(clinicId));
        model.addAttribute("stock", inventory.stock(clinicId, used, LocalDate.now(), new Page.Request(page, STOCK_PAGE)));
        model.addAttribute("used", used);
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("receiptErrors")) model.addAttribute("receiptErrors", Map.of());
        return "clinic/inventory";
    }

    @PostMapping("/shipments/{id}/receipt")
    String receive(@PathVariable UUID id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Shipment s = shipments.get(id);
        Clinic clinic = clinics.requireMember(s.clinicId());
        try {
            Shipment received = shipments.receive(id, on);
            redirect.addFlashAttribute("message", text("clinic.shipment.received", received.unitCodes().size(), received.receivedOn()));
            return "redirect:/clinic/" + clinic.id() + "/inventory";
        } catch (DomainProblem p) {
            response.setStatus(p.kind() == DomainProblem.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("receiptErrors", Map.of(id, p.fieldErrors().isEmpty() ? p.getMessage() : p.fieldErrors().values().iterator().next()));
            return inventory(clinic.id(), false, 0, model);
        }
    }

    /** A refused shipment's reasons by the unit they name: each starts with the unit's code and ": ". Others go under "". */
    static Map<String, List<String>> byUnit(List<String> reasons, Set<String> codes) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (String reason : reasons) {
            int colon = reason.indexOf(": ");
            String code = colon > 0 && codes.contains(reason.substring(0, colon)) ? reason.substring(0, colon) : "";
            grouped.computeIfAbsent(code, k -> new ArrayList<>()).add(code.isEmpty() ? reason : reason.substring(colon + 2));
        }
        return grouped;
    }

    /** The unit codes a range such as "1-10, 12" names in this lot; a message in {@code errors} for what it cannot name. */
    private List<String> range(Lot lot, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) return List.of();
        TreeMap<Integer, LotUnit> byNumber = lots.units(lot.id()).stream().collect(Collectors.toMap(LotUnit::number, u -> u, (a, b) -> a, TreeMap::new));
        List<String> codes = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            String[] ends = p.split("\\s*[-–]\\s*", -1);
            int from;
            int to;
            try {
                from = Integer.parseInt(ends[0].strip());
                to = ends.length == 2 ? Integer.parseInt(ends[1].strip()) : from;
                if (ends.length > 2) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.put("range", "'" + p + "' is not a unit number or a range such as 1-10");
                return List.of();
            }
            if (from > to) {
                errors.put("range", "'" + p + "' runs backwards; write the lower number first");
                return List.of();
            }
            if ((long) to - from + 1 + codes.size() > MAX_RANGE) {
                errors.put("range", "at most " + MAX_RANGE + " units per shipment");
                return List.of();
            }
            for (int n = from; n <= to; n++) {
                LotUnit unit = byNumber.get(n);
                if (unit == null) {
                    errors.put("range", "lot " + lot.code() + " has no unit " + n
                            + (byNumber.isEmpty() ? "" : " (its units are numbered " + byNumber.firstKey() + " to " + byNumber.lastKey() + ")"));
                    return List.of();
                }
                codes.add(unit.code());
            }
        }
        return codes;
    }

    private String shipPage(Lot lot, ShipForm form, Map<String, String> errors, Map<String, List<String>> refusals, Model model) {
        List<LotUnit> all = lots.units(lot.id());
        Map<UUID, UnitWhereabouts.Whereabouts> shipped = whereabouts.of(all.stream().map(LotUnit::id).toList());
        List<LotUnit> inLab = all.stream().filter(u -> !u.destroyed() && !shipped.containsKey(u.id())).toList();
        // the units in the lab, and any unit refused just now (it may have left the lab meanwhile), in their order
        List<String> shown = all.stream().filter(u -> inLab.contains(u) || refusals.containsKey(u.code())).map(LotUnit::code).toList();
        model.addAttribute("lot", lot);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusals", refusals);
        model.addAttribute("units", shown);
        model.addAttribute("inLabCount", inLab.size());
        model.addAttribute("shippedCount", shipped.size());
        model.addAttribute("destroyedCount", all.stream().filter(LotUnit::destroyed).count());
        model.addAttribute("totalCount", all.size());
        model.addAttribute("clinics", clinics.all());
        model.addAttribute("released", lot.released());
        return "clinic/ship";
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
