package org.exotrace.batch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.batch.ConcentrationCorrection;
import org.exotrace.batch.Lineage;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
import org.exotrace.shared.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Lots", description = "Lots, derivatives, pools, units and lineage; the products they are made as")
class LotApi {

    record NewLotRequest(@NotBlank @Size(max = 40) String productCode, @PositiveOrZero Double concentrationPerMl,
                         @NotNull @Positive Double volumeMl, @NotNull @PastOrPresent LocalDate manufacturedOn, LocalDate expiresOn) {

        Lots.NewLot toNew() {
            return new Lots.NewLot(productCode, concentrationPerMl, volumeMl, manufacturedOn, expiresOn);
        }
    }

    record PoolRequest(@NotNull @Size(min = 2, message = "choose at least two different lots to pool") List<UUID> parentLotIds,
                       @NotBlank @Size(max = 40) String productCode, @PositiveOrZero Double concentrationPerMl,
                       @NotNull @Positive Double volumeMl, @NotNull @PastOrPresent LocalDate manufacturedOn, LocalDate expiresOn) {}

    record DeclaredConcentration(@NotNull @Positive Double concentrationPerMl, @NotBlank @Size(max = 1000) String reason) {}

    record SplitRequest(@NotNull @Min(1) @Max(Lots.MAX_UNITS_PER_SPLIT) Integer count, @NotNull @Positive Double volumeEachMl) {}

    private final Lots lots;
    private final Products products;

    LotApi(Lots lots, Products products) {
        this.lots = lots;
        this.products = products;
    }

    @GetMapping("/lots")
    @Operation(summary = "Search lots by lot code, product code or batch code, optionally in one state")
    Page<Lot> search(@RequestParam(required = false) String q, @RequestParam(required = false) LotState state,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return lots.search(q, state, Page.Request.of(page, size));
    }

    @GetMapping("/lots/{id}")
    Lot get(@PathVariable UUID id) {
        return lots.get(id);
    }

    @PutMapping("/lots/{id}/declared-concentration")
    @Operation(summary = "Correct the concentration declared on a lot in testing or quarantine, with a reason (analyst or QA); "
            + "the earlier value is kept and audited")
    Lot correctDeclaredConcentration(@PathVariable UUID id, @Valid @RequestBody DeclaredConcentration body) {
        return lots.correctDeclaredConcentration(id, body.concentrationPerMl(), body.reason());
    }

    @GetMapping("/lots/{id}/declared-concentration/corrections")
    @Operation(summary = "Every correction of the lot's declared concentration, oldest first")
    List<ConcentrationCorrection> concentrationCorrections(@PathVariable UUID id) {
        return lots.concentrationCorrections(id);
    }

    @GetMapping("/lots/{id}/lineage")
    @Operation(summary = "The lot's ancestors (to batches and donors) and descendants (derived and pooled lots, units)")
    Lineage lineage(@PathVariable UUID id) {
        return lots.lineage(id);
    }

    @PostMapping("/lots/{id}/derivatives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Derive a lot from this one, e.g. a serum formulated from a bulk isolate")
    Lot derive(@PathVariable UUID id, @Valid @RequestBody NewLotRequest body) {
        return lots.derive(id, body.toNew());
    }

    @PostMapping("/lots/pools")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pool two or more lots in testing or released into a new lot")
    Lot pool(@Valid @RequestBody PoolRequest body) {
        return lots.pool(body.parentLotIds(), new Lots.NewLot(body.productCode(), body.concentrationPerMl(), body.volumeMl(),
                body.manufacturedOn(), body.expiresOn()));
    }

    @GetMapping("/lots/{id}/units")
    List<LotUnit> units(@PathVariable UUID id) {
        return lots.units(id);
    }

    @PostMapping("/lots/{id}/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Fill units (ampoules, vials) from the lot's remaining volume")
    List<LotUnit> split(@PathVariable UUID id, @Valid @RequestBody SplitRequest body) {
        return lots.split(id, body.count(), body.volumeEachMl());
    }

    @GetMapping("/products")
    @Operation(summary = "The products the lab makes, with the donor consent each needs")
    List<Product> products() {
        return products.all();
    }
}
