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
import org.exotrace.donor.EligibilityDetermination;
import org.exotrace.donor.Screening;
import org.exotrace.donor.SourceType;
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
@RequestMapping("/api/donors")
@Tag(name = "Donors", description = "Pseudonymous donors, eligibility screening and consent")
class DonorApi {

    record RegisterDonor(@NotNull SourceType sourceType, @Size(max = 200) String sourceDetail, @Size(max = 2000) String notes,
                         @PastOrPresent LocalDate collectedOn, String collectionJurisdiction) {}

    record RecordCollection(LocalDate collectedOn, String collectionJurisdiction, String reason) {}

    /** A coded result: {@code testCode} from {@code GET /api/screening-tests}, {@code result} one of that test's result codes. */
    record RecordScreening(String testCode, String result, LocalDate sampledOn) {}

    record Invalidation(String reason) {}

    record Correction(String testCode, String result, LocalDate sampledOn, String reason) {}

    record GrantConsent(@NotNull ConsentScope scope, @NotNull @PastOrPresent LocalDate grantedOn,
                        @NotBlank @Size(max = 120) String documentReference) {}

    record WithdrawConsent(@PastOrPresent LocalDate withdrawnOn, @NotBlank @Size(max = 1000) String reason) {}

    record Retire(@NotBlank @Size(max = 1000) String reason) {}

    /**
     * A donor with the determination of their eligibility.
     *
     * @param collectionJurisdiction where the material was collected (the lab's jurisdiction when not recorded at registration)
     */
    record DonorView(UUID id, String code, String codeDisplay, SourceType sourceType, String sourceDetail, String notes,
                     LocalDate collectedOn, String collectionJurisdiction, boolean retired, Eligibility eligibility,
                     DeterminationView determination, List<Screening> screenings, List<Consent> consents) {}

    /** The determination for reading: the panel applied, each required test with its window and outcome, and the reasons. */
    record DeterminationView(Eligibility eligibility, String label, UUID panelId, String panel, List<FindingView> tests, List<String> reasons) {
        static DeterminationView of(EligibilityDetermination d) {
            return new DeterminationView(d.eligibility(), d.eligibility().label(), d.panel() == null ? null : d.panel().id(),
                    d.panel() == null ? null : d.panel().title(),
                    d.findings().stream().map(f -> new FindingView(f.required().test().code(), f.required().test().name(),
                            f.required().window().daysBefore(), f.required().window().daysAfter(), f.required().window().describe(),
                            f.outcome(), f.result() == null ? null : f.result().id(), f.detail(),
                            f.required().test().negativeResult().code())).toList(),
                    d.reasons());
        }
    }

    /** @param negativeResult the result code that satisfies this test */
    record FindingView(String testCode, String test, int daysBefore, int daysAfter, String window, EligibilityDetermination.Outcome outcome,
                       UUID resultId, String detail, String negativeResult) {}

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
        return view(donors.register(new Donors.Registration(body.sourceType(), body.sourceDetail(), body.notes(), body.collectedOn(),
                body.collectionJurisdiction())));
    }

    @PutMapping("/{id}/collection")
    @Operation(summary = "Record or correct when and where the donor's material was collected, with a reason")
    DonorView collection(@PathVariable UUID id, @RequestBody RecordCollection body) {
        return view(donors.recordCollection(id, body.collectedOn(), body.collectionJurisdiction(), body.reason()));
    }

    @GetMapping("/{id}/eligibility")
    @Operation(summary = "The eligibility determination: the panel in force, each required test with its window and outcome, the reasons")
    DeterminationView eligibility(@PathVariable UUID id) {
        return DeterminationView.of(donors.determination(id));
    }

    @GetMapping("/{id}")
    DonorView get(@PathVariable UUID id) {
        return view(donors.get(id));
    }

    @PostMapping("/{id}/screenings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a coded screening result: a catalog test code, one of its result codes, the sampling date")
    Screening screen(@PathVariable UUID id, @RequestBody RecordScreening body) {
        return donors.recordScreening(id, new Donors.ScreeningEntry(body.testCode(), body.result(), body.sampledOn()));
    }

    @PostMapping("/{id}/screenings/{screeningId}/invalidation")
    @Operation(summary = "Invalidate a screening result entered in error, with a reason; it stays on record and no longer counts")
    Screening invalidate(@PathVariable UUID id, @PathVariable UUID screeningId, @RequestBody Invalidation body) {
        return donors.invalidateScreening(id, screeningId, body.reason());
    }

    @PostMapping("/{id}/screenings/{screeningId}/correction")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct a screening result entered in error: the old one is invalidated with the reason, the new one recorded")
    Screening correct(@PathVariable UUID id, @PathVariable UUID screeningId, @RequestBody Correction body) {
        return donors.correctScreening(id, screeningId, new Donors.ScreeningEntry(body.testCode(), body.result(), body.sampledOn()),
                body.reason());
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
        EligibilityDetermination determination = donors.determination(d.id());
        return new DonorView(d.id(), d.code().value(), d.code().display(), d.sourceType(), d.sourceDetail(), d.notes(), d.collectedOn(),
                donors.jurisdiction(d), d.retired(), determination.eligibility(), DeterminationView.of(determination),
                donors.screenings(d.id()), donors.consents(d.id()));
    }
}
