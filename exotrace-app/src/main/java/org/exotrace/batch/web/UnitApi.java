package org.exotrace.batch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Units;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
@Tag(name = "Lots", description = "Lots, derivatives, pools, units and lineage; the products they are made as")
class UnitApi {

    /** {@code on} empty means today. */
    record Destruction(LocalDate on, String reason) {}

    private final Units units;

    UnitApi(Units units) {
        this.units = units;
    }

    @GetMapping("/{id}")
    LotUnit get(@PathVariable UUID id) {
        return units.get(id);
    }

    @PostMapping("/{id}/destruction")
    @Operation(summary = "Destroy a unit the lab still holds (a cracked ampoule, a failed inspection), with the day and a reason; "
            + "it can no longer be shipped or used. 409 when it was shipped or is already destroyed")
    LotUnit destroy(@PathVariable UUID id, @RequestBody Destruction body) {
        return units.destroy(id, body.on(), body.reason());
    }
}
