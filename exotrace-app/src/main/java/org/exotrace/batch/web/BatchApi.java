package org.exotrace.batch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.exotrace.batch.Batch;
import org.exotrace.batch.Batches;
import org.exotrace.batch.IsolationMethod;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.donor.Donors;
import org.exotrace.shared.Page;
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
@RequestMapping("/api/batches")
@Tag(name = "Batches", description = "Isolation batches from one donor's material, and the primary lots made from them")
class BatchApi {

    record RecordBatch(@NotNull UUID donorId, @NotNull IsolationMethod method, @Positive Double gForce, @Positive Integer durationMinutes,
                       @Size(max = 500) String methodDetail, @PositiveOrZero Double inputVolumeMl, @PositiveOrZero Long inputCellCount,
                       @PositiveOrZero Integer passage, @NotNull @PastOrPresent LocalDate startedOn, @PastOrPresent LocalDate completedOn,
                       @Size(max = 120) String operator, @Size(max = 2000) String notes) {

        Batches.NewBatch toNew() {
            return new Batches.NewBatch(donorId, method, gForce, durationMinutes, methodDetail, inputVolumeMl, inputCellCount, passage,
                    startedOn, completedOn, operator, notes);
        }
    }

    record CorrectBatch(@NotNull UUID donorId, @NotNull IsolationMethod method, @Positive Double gForce, @Positive Integer durationMinutes,
                        @Size(max = 500) String methodDetail, @PositiveOrZero Double inputVolumeMl, @PositiveOrZero Long inputCellCount,
                        @PositiveOrZero Integer passage, @NotNull @PastOrPresent LocalDate startedOn, @PastOrPresent LocalDate completedOn,
                        @Size(max = 120) String operator, @Size(max = 2000) String notes,
                        @NotBlank(message = "give the reason for the correction") @Size(max = 1000) String reason) {

        Batches.NewBatch toNew() {
            return new Batches.NewBatch(donorId, method, gForce, durationMinutes, methodDetail, inputVolumeMl, inputCellCount, passage,
                    startedOn, completedOn, operator, notes);
        }
    }

    private final Batches batches;
    private final Lots lots;

    BatchApi(Batches batches, Lots lots) {
        this.batches = batches;
        this.lots = lots;
    }

    @GetMapping
    @Operation(summary = "Search batches by code, method, operator, method detail or donor code")
    Page<Batch> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size) {
        Page<Batch> found = batches.search(q, Page.Request.of(page, size));
        return new Page<>(found.rows().stream().map(BatchApi::asSeen).toList(), found.number(), found.size(), found.total());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an isolation batch; ultracentrifugation needs its g-force and duration")
    Batch record(@Valid @RequestBody RecordBatch body) {
        return batches.record(body.toNew());
    }

    @GetMapping("/{id}")
    Batch get(@PathVariable UUID id) {
        return asSeen(batches.get(id));
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct a batch after first entry; the reason and the old and new values go to the audit trail")
    Batch correct(@PathVariable UUID id, @Valid @RequestBody CorrectBatch body) {
        return batches.correct(id, body.toNew(), body.reason());
    }

    @PostMapping("/{id}/lots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a primary lot from the batch; it starts IN_TESTING")
    Lot createLot(@PathVariable UUID id, @Valid @RequestBody LotApi.NewLotRequest body) {
        return lots.create(id, body.toNew());
    }

    /** Researchers read batches without the donor they came from (the donor's id is a key to the donor's record). */
    private static Batch asSeen(Batch b) {
        return Donors.mayIdentifyDonors() ? b : b.withoutDonor();
    }
}
