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
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.donor.Consent;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.Eligibility;
import org.exotrace.donor.Screening;
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
                     @Size(max = 200) String sourceDetail, @Size(max = 2000) String notes) {}

    record ScreeningForm(@NotBlank(message = "name the test") @Size(max = 120) String test,
                         @NotNull(message = "choose the result") Screening.Result result,
                         @NotNull(message = "give the sampling date") @PastOrPresent LocalDate sampledOn) {}

    record ConsentForm(@NotNull(message = "choose the scope") ConsentScope scope,
                       @NotNull(message = "give the date") @PastOrPresent LocalDate grantedOn,
                       @NotBlank(message = "give the reference of the signed form") @Size(max = 120) String documentReference) {}

    record WithdrawalForm(@NotBlank(message = "give the reason") @Size(max = 1000) String reason) {}

    private final Donors donors;
    private final AuditTrail audit;

    DonorController(Donors donors, AuditTrail audit) {
        this.donors = donors;
        this.audit = audit;
    }

    @ModelAttribute("sourceTypes")
    SourceType[] sourceTypes() { return SourceType.values(); }

    @ModelAttribute("scopes")
    ConsentScope[] scopes() { return ConsentScope.values(); }

    @ModelAttribute("screeningResults")
    Screening.Result[] screeningResults() { return Screening.Result.values(); }

    @GetMapping("/donors")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Page<Donor> result = donors.search(q, new Page.Request(page, Page.DEFAULT_SIZE));
        model.addAttribute("page", result);
        model.addAttribute("eligibility", result.rows().stream().collect(Collectors.toMap(Donor::id, d -> donors.eligibility(d.id()))));
        model.addAttribute("q", q);
        return htmx != null ? "donor/list :: rows" : "donor/list";
    }

    @GetMapping("/donors/new")
    String newDonor(Model model) {
        model.addAttribute("form", new DonorForm(null, "", ""));
        return "donor/new";
    }

    @PostMapping("/donors")
    String register(@Valid @ModelAttribute("form") DonorForm form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) return "donor/new";
        try {
            Donor d = donors.register(new Donors.Registration(form.sourceType(), form.sourceDetail(), form.notes()));
            redirect.addFlashAttribute("message", "Donor " + d.code().display() + " registered.");
            return "redirect:/donors/" + d.id();
        } catch (DomainProblem p) {
            p.fieldErrors().forEach((f, m) -> binding.rejectValue(f, "invalid", m));
            return "donor/new";
        }
    }

    @GetMapping("/donors/{id}")
    String detail(@PathVariable UUID id, Model model) {
        prepareDetail(id, model);
        model.addAttribute("screeningForm", new ScreeningForm("", null, LocalDate.now()));
        model.addAttribute("consentForm", new ConsentForm(null, LocalDate.now(), ""));
        return "donor/detail";
    }

    @PostMapping("/donors/{id}/screenings")
    String screen(@PathVariable UUID id, @Valid @ModelAttribute("screeningForm") ScreeningForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                donors.recordScreening(id, new Donors.ScreeningEntry(form.test(), form.result(), form.sampledOn()));
                redirect.addFlashAttribute("message", "Screening result recorded.");
                return "redirect:/donors/" + id;
            } catch (DomainProblem p) {
                reject(binding, p);
            }
        }
        prepareDetail(id, model);
        model.addAttribute("consentForm", new ConsentForm(null, LocalDate.now(), ""));
        return "donor/detail";
    }

    @PostMapping("/donors/{id}/consents")
    String consent(@PathVariable UUID id, @Valid @ModelAttribute("consentForm") ConsentForm form, BindingResult binding,
                   Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                donors.grantConsent(id, new Donors.ConsentEntry(form.scope(), form.grantedOn(), form.documentReference()));
                redirect.addFlashAttribute("message", "Consent recorded.");
                return "redirect:/donors/" + id;
            } catch (DomainProblem p) {
                reject(binding, p);
            }
        }
        prepareDetail(id, model);
        model.addAttribute("screeningForm", new ScreeningForm("", null, LocalDate.now()));
        return "donor/detail";
    }

    @PostMapping("/donors/{id}/consents/{consentId}/withdrawal")
    String withdraw(@PathVariable UUID id, @PathVariable UUID consentId, @Valid @ModelAttribute WithdrawalForm form,
                    BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("message", "Consent not withdrawn: give the reason.");
        } else {
            donors.withdrawConsent(id, consentId, LocalDate.now(), form.reason());
            redirect.addFlashAttribute("message", "Consent withdrawn. Release of this donor's lots for that scope is now blocked;"
                    + " released lots that need it are under disposition review until QA decides.");
        }
        return "redirect:/donors/" + id;
    }

    private void prepareDetail(UUID id, Model model) {
        Donor donor = donors.get(id);
        model.addAttribute("donor", donor);
        List<Screening> screenings = donors.screenings(id);
        List<Consent> consents = donors.consents(id);
        model.addAttribute("eligibilityState", Eligibility.of(donor.sourceType(), screenings));
        model.addAttribute("screenings", screenings);
        model.addAttribute("consents", consents);
        List<AuditEntry> timeline = new ArrayList<>(audit.history("donor", id.toString()));
        timeline.addAll(audit.history("donor_consent", consents.stream().map(c -> c.id().toString()).toList()));
        timeline.addAll(audit.history("donor_screening", screenings.stream().map(s -> s.id().toString()).toList()));
        timeline.sort(Comparator.comparingLong(AuditEntry::seq));
        model.addAttribute("timeline", timeline);
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
