package org.exotrace.coldchain.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.exotrace.coldchain.ColdChain;
import org.exotrace.coldchain.ColdChainEvent;
import org.exotrace.coldchain.StorageCondition;
import org.exotrace.coldchain.StorageLocation;
import org.exotrace.coldchain.UnitColdChain;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cold-chain")
@Tag(name = "Cold chain", description = "Storage conditions per product, storage locations and unit places, custody handovers, temperature "
        + "excursions and thaws. An event outside the product's declared limits, or for a product with none declared, holds the unit "
        + "(refused at scans and shipments) until a QA releaser decides.")
class ColdChainApi {

    private final ColdChain coldChain;

    ColdChainApi(ColdChain coldChain) {
        this.coldChain = coldChain;
    }

    @GetMapping("/conditions")
    @Operation(summary = "Every product's declared storage condition")
    List<StorageCondition> conditions() {
        return coldChain.conditions();
    }

    @PutMapping("/conditions/{productCode}")
    @Operation(summary = "Declare or change (with a reason) a product's storage condition (QA releasers)")
    StorageCondition declare(@PathVariable String productCode, @RequestBody ColdChain.ConditionEntry body) {
        return coldChain.declare(productCode, body);
    }

    @GetMapping("/locations")
    @Operation(summary = "The lab's freezers, racks and boxes, each with its path")
    List<StorageLocation> locations() {
        return coldChain.locations();
    }

    @PostMapping("/locations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a freezer, a rack in a freezer or a box in a rack (lab analysts)")
    StorageLocation createLocation(@RequestBody ColdChain.NewLocation body) {
        return coldChain.createLocation(body);
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "A unit's cold-chain record: place, custodian, handovers, excursions, thaws, the product's condition, whether it is held")
    UnitColdChain unit(@PathVariable String code) {
        return coldChain.record(code);
    }

    @PostMapping("/units/{code}/place")
    @Operation(summary = "Put a lab unit at a free position of a box (lab analysts)")
    UnitColdChain place(@PathVariable String code, @RequestBody ColdChain.Placement body) {
        return coldChain.place(code, body);
    }

    @PostMapping("/units/{code}/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record who handed the unit to whom, and when (lab analysts; clinicians for their clinics' units)")
    UnitColdChain handOver(@PathVariable String code, @RequestBody ColdChain.Handover body) {
        return coldChain.handOver(code, body);
    }

    @PostMapping("/units/{code}/excursions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a temperature excursion: start, highest temperature, minutes (holds the unit when outside the product's limits)")
    ColdChainEvent excursion(@PathVariable String code, @RequestBody ColdChain.NewEvent body) {
        return coldChain.recordExcursion(code, body);
    }

    @PostMapping("/units/{code}/thaws")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a thaw (holds the unit past the product's allowed number of thaws)")
    ColdChainEvent thaw(@PathVariable String code, @RequestBody(required = false) ColdChain.NewEvent body) {
        return coldChain.recordThaw(code, body == null ? new ColdChain.NewEvent(null, null, null) : body);
    }

    @GetMapping("/holds")
    @Operation(summary = "The excursions and thaws QA still has to decide, oldest first (at most 500)")
    List<ColdChainEvent> holds() {
        return coldChain.awaitingDecision(500);
    }

    @PostMapping("/events/{id}/decision")
    @Operation(summary = "QA's decision on a held unit: USABLE ends the hold, UNUSABLE keeps it for good (QA releasers)")
    ColdChainEvent decide(@PathVariable String id, @RequestBody ColdChain.DecisionEntry body) {
        return coldChain.decide(uuid(id), body);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainProblem.notFound("Cold-chain event", id);
        }
    }
}
