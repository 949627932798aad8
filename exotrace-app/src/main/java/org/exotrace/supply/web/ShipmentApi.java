package org.exotrace.supply.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.supply.Shipment;
import org.exotrace.supply.Shipments;
import org.exotrace.supply.UnitCheck;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Shipments", description = "Released units shipped to clinics, received into their inventory and checked at the point of use")
class ShipmentApi {

    record Receipt(LocalDate on) {}

    private final Shipments shipments;

    ShipmentApi(Shipments shipments) {
        this.shipments = shipments;
    }

    @PostMapping("/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ship released, unexpired units to a clinic (lab); refused with a reason per unit otherwise")
    Shipment ship(@RequestBody Shipments.NewShipment body) {
        return shipments.ship(body);
    }

    @GetMapping("/shipments/{id}")
    Shipment shipment(@PathVariable UUID id) {
        return shipments.get(id);
    }

    @PostMapping("/shipments/{id}/receipt")
    @Operation(summary = "Confirm a shipment arrived (the clinic's staff); its units enter the clinic's inventory")
    Shipment receive(@PathVariable UUID id, @RequestBody(required = false) Receipt body) {
        return shipments.receive(id, body == null ? null : body.on());
    }

    @GetMapping("/clinics/{id}/inventory")
    List<String> inventory(@PathVariable UUID id) {
        return shipments.inventory(id);
    }

    @GetMapping("/clinics/{id}/unit-check")
    @Operation(summary = "May this scanned unit be used here on this day? Every reason when not (foreign, not released, recalled, expired)")
    UnitCheck check(@PathVariable UUID id, @RequestParam String code,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return shipments.check(id, code, on);
    }
}
