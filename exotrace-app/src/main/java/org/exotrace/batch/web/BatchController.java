package org.exotrace.batch.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.batch.Batch;
import org.exotrace.batch.Batches;
import org.exotrace.batch.IsolationMethod;
import org.exotrace.batch.Lot;
import org.exotrace.batch.Lots;
import org.exotrace.product.Products;
import org.exotrace.donor.Donor;
import org.exotrace.donor.DonorCode;
import org.exotrace.donor.Donors;
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
class BatchController {

    record BatchForm(@NotBlank(message = "choose the donor") String donorCode,
                     @NotNull(message = "choose the isolation method") IsolationMethod method,
                     @Positive Double gForce, @Positive Integer durationMinutes, @Size(max = 500) String methodDetail,
                     @PositiveOrZero Double inputVolumeMl, @PositiveOrZero Long inputCellCount, @PositiveOrZero Integer passage,
                     @NotNull(message = "give the start date") @PastOrPresent LocalDate startedOn, @PastOrPresent LocalDate completedOn,
                     @Size(max = 120) String operator, @Size(max = 2000) String notes) {}

    record LotForm(@NotBlank(message = "choose the product") String productCode, @PositiveOrZero Double concentrationPerMl,
                   @NotNull(message = "give the volume") @Positive Double volumeMl,
                   @NotNull(message = "give the manufacturing date") @PastOrPresent LocalDate manufacturedOn, LocalDate expiresOn) {

        Lots.NewLot toNew() {
            return new Lots.NewLot(productCode, concentrationPerMl, volumeMl, manufacturedOn, expiresOn);
        }

        static LotForm empty() {
            return new LotForm("", null, null, LocalDate.now(), null);
        }
    }

    static final Map<String, String> RENAMES = Map.of("donorId", "donorCode");
    /** Donors the batch form suggests (the newest); any other is found by its code. */
    static final int SUGGESTED_DONORS = 50;

    private final Batches batches;
    private final Lots lots;
    private final Products products;
    private final Donors donors;
    private final AuditTrail audit;

    BatchController(Batches batches, Lots lots, Products products, Donors donors, AuditTrail audit) {
        this.batches = batches;
        this.lots = lots;
        this.products = products;
        this.donors = donors;
        this.audit = audit;
    }

    @ModelAttribute("methods")
    IsolationMethod[] methods() { return IsolationMethod.values(); }

    @GetMapping("/batches")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Page<Batch> result = batches.search(q, new Page.Request(page, Page.DEFAULT_SIZE));
        model.addAttribute("page", result);
        model.addAttribute("donorCodes", donorCodes(result.rows().stream().map(Batch::donorId).distinct().toList()));
        model.addAttribute("q", q);
        return htmx != null ? "batch/list :: rows" : "batch/list";
    }

    @GetMapping("/batches/new")
    String newBatch(Model model) {
        model.addAttribute("form", new BatchForm("", null, null, null, "", null, null, null, LocalDate.now(), null, "", ""));
        return newPage(model);
    }

    @PostMapping("/batches")
    String record(@Valid @ModelAttribute("form") BatchForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) return newPage(model);
        Optional<Donor> donor;
        try {
            // a typed code is checked first: a wrong length or check character says the code is mistyped
            donor = donors.findByCode(DonorCode.of(form.donorCode()).value());
        } catch (DomainProblem p) {
            binding.rejectValue("donorCode", "invalid", p.fieldErrors().getOrDefault("code", p.title()));
            return newPage(model);
        }
        if (donor.isEmpty()) {
            binding.rejectValue("donorCode", "invalid", "no donor with this code");
            return newPage(model);
        }
        try {
            Batch b = batches.record(new Batches.NewBatch(donor.get().id(), form.method(), form.gForce(), form.durationMinutes(),
                    form.methodDetail(), form.inputVolumeMl(), form.inputCellCount(), form.passage(), form.startedOn(), form.completedOn(),
                    form.operator(), form.notes()));
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.batch.recorded", b.code()));
            return "redirect:/batches/" + b.id();
        } catch (DomainProblem p) {
            FormErrors.reject(binding, p, RENAMES);
            return newPage(model);
        }
    }

    @GetMapping("/batches/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("lotForm", LotForm.empty());
        return detailPage(id, model);
    }

    @PostMapping("/batches/{id}/lots")
    String createLot(@PathVariable UUID id, @Valid @ModelAttribute("lotForm") LotForm form, BindingResult binding, Model model,
                     RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Lot lot = lots.create(id, form.toNew());
                redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.lot.created", lot.code()));
                return "redirect:/lots/" + lot.id();
            } catch (DomainProblem p) {
                FormErrors.reject(binding, p, Map.of());
            }
        }
        return detailPage(id, model);
    }

    /** The batch form; the donor is given by code, the newest donors (not retired) suggested as it is typed. */
    private String newPage(Model model) {
        List<Donor> active = donors.search("", new Page.Request(0, SUGGESTED_DONORS)).rows().stream().filter(d -> !d.retired()).toList();
        model.addAttribute("donors", active);
        return "batch/new";
    }

    private String detailPage(UUID id, Model model) {
        Batch batch = batches.get(id);
        model.addAttribute("batch", batch);
        model.addAttribute("donor", Donors.mayIdentifyDonors() ? donors.find(batch.donorId()).orElse(null) : null);
        List<Lot> made = lots.ofBatch(id);
        model.addAttribute("lots", made);
        model.addAttribute("products", products.all());
        List<AuditEntry> timeline = new ArrayList<>(audit.history("batch", id.toString()));
        timeline.addAll(audit.history("lot", made.stream().map(l -> l.id().toString()).toList()));
        timeline.sort(Comparator.comparingLong(AuditEntry::seq));
        model.addAttribute("timeline", timeline);
        return "batch/detail";
    }

    private Map<UUID, String> donorCodes(List<UUID> ids) {
        if (!Donors.mayIdentifyDonors()) return ids.stream().collect(Collectors.toMap(i -> i, i -> "withheld"));
        return ids.stream().collect(Collectors.toMap(i -> i, i -> donors.find(i).map(d -> d.code().display()).orElse("?")));
    }
}
