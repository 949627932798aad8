package org.exotrace.donor.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.donor.CollectionJurisdictions;
import org.exotrace.donor.Consent;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.EligibilityDetermination;
import org.exotrace.donor.Screening;
import org.exotrace.donor.ScreeningPanels;
import org.exotrace.donor.ScreeningTest;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DonorController {

    record DonorForm(@NotNull(message = "choose the source type") SourceType sourceType,
                     @Size(max = 200) String sourceDetail, @Size(max = 2000) String notes,
                     @PastOrPresent(message = "cannot be in the future") LocalDate collectedOn, String collectionJurisdiction) {}

    record CollectionForm(LocalDate collectedOn, String collectionJurisdiction, String reason) {}

    /** A screening result chosen from the catalog; with {@code corrects}, it replaces that result (the reason is then required). */
    record ScreeningForm(String testCode, String result, LocalDate sampledOn, UUID corrects, String reason) {}

    record ConsentForm(@NotNull(message = "choose the scope") ConsentScope scope,
                       @NotNull(message = "give the date") @PastOrPresent LocalDate grantedOn,
                       @NotBlank(message = "give the reference of the signed form") @Size(max = 120) String documentReference) {}

    record WithdrawalForm(@NotBlank(message = "give the reason") @Size(max = 1000) String reason) {}

    record InvalidationForm(String reason) {}

    private final Donors donors;
    private final ScreeningPanels panels;
    private final AuditTrail audit;

    DonorController(Donors donors, ScreeningPanels panels, AuditTrail audit) {
        this.donors = donors;
        this.panels = panels;
        this.audit = audit;
    }

    @ModelAttribute("sourceTypes")
    SourceType[] sourceTypes() { return SourceType.values(); }

    @ModelAttribute("scopes")
    ConsentScope[] scopes() { return ConsentScope.values(); }

    @ModelAttribute("countries")
    Map<String, String> countries() { return CollectionJurisdictions.countries(); }

    @GetMapping("/donors")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Page<Donor> result = donors.search(q, new Page.Request(page, Page.DEFAULT_SIZE));
        model.addAttribute("page", result);
        model.addAttribute("determinations", donors.determinations(result.rows()));
        model.addAttribute("q", q);
        return htmx != null ? "donor/list :: rows" : "donor/list";
    }

    @GetMapping("/donors/new")
    String newDonor(Model model) {
        model.addAttribute("form", new DonorForm(null, "", "", null, donors.labJurisdiction()));
        model.addAttribute("labJurisdiction", donors.labJurisdiction());
        return "donor/new";
    }

    @PostMapping("/donors")
    String register(@Valid @ModelAttribute("form") DonorForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        model.addAttribute("labJurisdiction", donors.labJurisdiction());
        if (binding.hasErrors()) return "donor/new";
        try {
            Donor d = donors.register(new Donors.Registration(form.sourceType(), form.sourceDetail(), form.notes(), form.collectedOn(),
                    form.collectionJurisdiction()));
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.registered", d.code().display()));
            return "redirect:/donors/" + d.id();
        } catch (DomainProblem p) {
            reject(binding, p);
            return "donor/new";
        }
    }

    @GetMapping("/donors/{id}")
    String detail(@PathVariable UUID id, @RequestParam(required = false) UUID correct, Model model) {
        if (correct != null) {
            Screening s = donors.screenings(id).stream().filter(x -> x.id().equals(correct) && x.status() == Screening.Status.VALID)
                    .findFirst().orElseThrow(() -> DomainProblem.notFound("Screening result", correct));
            model.addAttribute("screeningForm", new ScreeningForm(s.testCode(), s.result(), s.sampledOn(), s.id(), ""));
        }
        prepareDetail(id, model);
        return "donor/detail";
    }

    /** The result choices of one test, for the screening form's result select (htmx swaps it in when the test changes). */
    @GetMapping("/donors/screening-results")
    String resultOptions(@RequestParam(defaultValue = "") String testCode, Model model) {
        model.addAttribute("resultTest", panels.test(testCode).orElse(null));
        model.addAttribute("selectedResult", "");
        return "donor/detail :: resultSelect";
    }

    @PostMapping("/donors/{id}/collection")
    String collection(@PathVariable UUID id, @ModelAttribute("collectionForm") CollectionForm form, BindingResult binding, Model model,
                      RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                donors.recordCollection(id, form.collectedOn(), form.collectionJurisdiction(), form.reason());
                redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.collectionRecorded"));
                return "redirect:/donors/" + id;
            } catch (DomainProblem p) {
                reject(binding, p);
            }
        }
        model.addAttribute("collectionOpen", true);
        prepareDetail(id, model);
        return "donor/detail";
    }

    @PostMapping("/donors/{id}/screenings")
    String screen(@PathVariable UUID id, @ModelAttribute("screeningForm") ScreeningForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Donors.ScreeningEntry entry = new Donors.ScreeningEntry(form.testCode(), form.result(), form.sampledOn());
                if (form.corrects() != null) {
                    donors.correctScreening(id, form.corrects(), entry, form.reason());
                    redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.screeningCorrected"));
                } else {
                    donors.recordScreening(id, entry);
                    redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.screeningRecorded"));
                }
                return "redirect:/donors/" + id;
            } catch (DomainProblem p) {
                reject(binding, p);
            }
        }
        model.addAttribute("resultInvalid", binding.hasFieldErrors("result"));
        prepareDetail(id, model);
        return "donor/detail";
    }

    @PostMapping("/donors/{id}/screenings/{screeningId}/invalidation")
    String invalidate(@PathVariable UUID id, @PathVariable UUID screeningId, @ModelAttribute InvalidationForm form,
                      RedirectAttributes redirect) {
        try {
            donors.invalidateScreening(id, screeningId, form.reason());
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.screeningInvalidated"));
        } catch (DomainProblem p) {
            redirect.addFlashAttribute("message", p.fieldErrors().containsKey("reason")
                    ? org.exotrace.shared.UiText.of("lab.donor.notInvalidatedReason") : org.exotrace.shared.UiText.of("lab.donor.notInvalidated", p.getMessage()));
        }
        return "redirect:/donors/" + id;
    }

    @PostMapping("/donors/{id}/consents")
    String consent(@PathVariable UUID id, @Valid @ModelAttribute("consentForm") ConsentForm form, BindingResult binding,
                   Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                donors.grantConsent(id, new Donors.ConsentEntry(form.scope(), form.grantedOn(), form.documentReference()));
                redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.consentRecorded"));
                return "redirect:/donors/" + id;
            } catch (DomainProblem p) {
                reject(binding, p);
            }
        }
        prepareDetail(id, model);
        return "donor/detail";
    }

    @PostMapping("/donors/{id}/consents/{consentId}/withdrawal")
    String withdraw(@PathVariable UUID id, @PathVariable UUID consentId, @Valid @ModelAttribute WithdrawalForm form,
                    BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.consentNotWithdrawn"));
        } else {
            donors.withdrawConsent(id, consentId, LocalDate.now(), form.reason());
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.donor.consentWithdrawn"));
        }
        return "redirect:/donors/" + id;
    }

    private void prepareDetail(UUID id, Model model) {
        Donor donor = donors.get(id);
        model.addAttribute("donor", donor);
        List<Screening> screenings = donors.screenings(id);
        List<Consent> consents = donors.consents(id);
        EligibilityDetermination determination = donors.determination(id);
        model.addAttribute("determination", determination);
        model.addAttribute("jurisdiction", donors.jurisdiction(donor));
        model.addAttribute("jurisdictionName", CollectionJurisdictions.name(donors.jurisdiction(donor)));
        model.addAttribute("screenings", screenings);
        // the results the signed-in user may invalidate: a result that is not negative only by QA, a second person
        model.addAttribute("replaceable", screenings.stream().filter(Donors::mayReplace).map(Screening::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("consents", consents);
        List<ScreeningTest> catalog = panels.catalog();
        List<String> required = determination.findings().stream().map(f -> f.required().test().code()).toList();
        model.addAttribute("panelTests", catalog.stream().filter(t -> required.contains(t.code())).toList());
        model.addAttribute("otherTests", catalog.stream().filter(t -> !required.contains(t.code())).toList());
        if (!model.containsAttribute("screeningForm")) {
            model.addAttribute("screeningForm", new ScreeningForm("", "", LocalDate.now(), null, ""));
        }
        ScreeningForm form = (ScreeningForm) model.getAttribute("screeningForm");
        Optional<ScreeningTest> chosen = form.testCode() == null ? Optional.empty()
                : catalog.stream().filter(t -> t.code().equals(form.testCode())).findFirst();
        model.addAttribute("resultTest", chosen.orElse(null));
        model.addAttribute("selectedResult", form.result() == null ? "" : form.result());
        model.addAttribute("correcting", form.corrects() == null ? null
                : screenings.stream().filter(s -> s.id().equals(form.corrects())).findFirst().orElse(null));
        if (!model.containsAttribute("collectionForm")) {
            model.addAttribute("collectionForm", new CollectionForm(donor.collectedOn(), donors.jurisdiction(donor), ""));
        }
        if (!model.containsAttribute("consentForm")) model.addAttribute("consentForm", new ConsentForm(null, LocalDate.now(), ""));
        List<AuditEntry> timeline = new ArrayList<>(audit.history("donor", id.toString()));
        timeline.addAll(audit.history("donor_consent", consents.stream().map(c -> c.id().toString()).toList()));
        timeline.addAll(audit.history("donor_screening", screenings.stream().map(s -> s.id().toString()).toList()));
        timeline.sort(Comparator.comparingLong(AuditEntry::seq));
        model.addAttribute("timeline", timeline);
        model.addAttribute("timelineLabels", timeline.stream().collect(java.util.stream.Collectors.toMap(AuditEntry::seq,
                DonorController::timelineLabel)));
    }

    /** What an audit entry of this page did, in words: "Screening result invalidated". */
    static String timelineLabel(AuditEntry e) {
        return switch (e.recordType() + " " + e.action()) {
            case "donor CREATE" -> "Registered";
            case "donor RECORD_COLLECTION" -> "Collection recorded";
            case "donor RETIRE" -> "Retired";
            case "donor_screening CREATE" -> "Screening result recorded";
            case "donor_screening INVALIDATE" -> "Screening result invalidated";
            case "donor_screening CORRECT" -> "Screening result corrected";
            case "donor_consent CREATE" -> "Consent recorded";
            case "donor_consent WITHDRAW" -> "Consent withdrawn";
            default -> "Changed";
        };
    }

    private static void reject(BindingResult binding, DomainProblem p) {
        if (p.fieldErrors().isEmpty()) binding.reject("problem", p.getMessage());
        p.fieldErrors().forEach((f, m) -> {
            Object target = binding.getTarget();
            boolean isField = target != null && target.getClass().isRecord()
                    && Arrays.stream(target.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(f));
            if (isField) {
                binding.rejectValue(f, "invalid", m);
            } else {
                binding.reject("problem", f + ": " + m);
            }
        });
    }
}
