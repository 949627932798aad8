package org.exotrace.donor.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.donor.Consent;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.Eligibility;
import org.exotrace.donor.Screening;
import org.exotrace.donor.SourceType;
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
@RequestMapping("/api/donors")
@Tag(name = "Donors", description = "Pseudonymous donors, eligibility screening and consent")
class DonorApi {

    record RegisterDonor(@NotNull SourceType sourceType, @Size(max = 200) String sourceDetail, @Size(max = 2000) String notes) {}

    record RecordScreening(@NotBlank @Size(max = 120) String test, @NotNull Screening.Result result,
                           @NotNull @PastOrPresent LocalDate sampledOn) {}

    record GrantConsent(@NotNull ConsentScope scope, @NotNull @PastOrPresent LocalDate grantedOn,
                        @NotBlank @Size(max = 120) String documentReference) {}

    record WithdrawConsent(@PastOrPresent LocalDate withdrawnOn, @NotBlank @Size(max = 1000) String reason) {}

    record Retire(@NotBlank @Size(max = 1000) String reason) {}

    record DonorView(UUID id, String code, String codeDisplay, SourceType sourceType, String sourceDetail, String notes,
                     boolean retired, Eligibility eligibility, List<Screening> screenings, List<Consent> consents) {}

    private final Donors donors;

    DonorApi(Donors donors) {
        this.donors = donors;
    }

    @GetMapping
    @Operation(summary = "Search donors by code, source type or detail")
    Page<DonorView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        return donors.search(q, Page.Request.of(page, size)).map(this::view);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a donor; the lab issues the pseudonymous code")
    DonorView register(@Valid @RequestBody RegisterDonor body) {
        return view(donors.register(new Donors.Registration(body.sourceType(), body.sourceDetail(), body.notes())));
    }

    @GetMapping("/{id}")
    DonorView get(@PathVariable UUID id) {
        return view(donors.get(id));
    }

    @PostMapping("/{id}/screenings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an eligibility screening result")
    Screening screen(@PathVariable UUID id, @Valid @RequestBody RecordScreening body) {
        return donors.recordScreening(id, new Donors.ScreeningEntry(body.test(), body.result(), body.sampledOn()));
    }

    @PostMapping("/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a consent for a scope")
    Consent consent(@PathVariable UUID id, @Valid @RequestBody GrantConsent body) {
        return donors.grantConsent(id, new Donors.ConsentEntry(body.scope(), body.grantedOn(), body.documentReference()));
    }

    @PostMapping("/{id}/consents/{consentId}/withdrawal")
    @Operation(summary = "Withdraw a consent; release of this donor's lots for that scope is blocked")
    Consent withdraw(@PathVariable UUID id, @PathVariable UUID consentId, @Valid @RequestBody WithdrawConsent body) {
        return donors.withdrawConsent(id, consentId, body.withdrawnOn(), body.reason());
    }

    @PostMapping("/{id}/retirement")
    @Operation(summary = "Retire a donor (records are never deleted)")
    DonorView retire(@PathVariable UUID id, @Valid @RequestBody Retire body) {
        return view(donors.retire(id, body.reason()));
    }

    private DonorView view(Donor d) {
        return new DonorView(d.id(), d.code().value(), d.code().display(), d.sourceType(), d.sourceDetail(), d.notes(), d.retired(),
                donors.eligibility(d.id()), donors.screenings(d.id()), donors.consents(d.id()));
    }
}
