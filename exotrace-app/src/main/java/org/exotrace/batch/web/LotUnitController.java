package org.exotrace.batch.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotUnit;
import org.exotrace.batch.Lots;
import org.exotrace.product.Product;
import org.exotrace.product.Products;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Lot pages this module owns: units and labels, derivatives, pools and the lineage fragment. The lot page itself is another module's. */
@Controller
class LotUnitController {

    record SplitForm(@NotNull(message = "give the number of units") @Min(1) @Max(Lots.MAX_UNITS_PER_SPLIT) Integer count,
                     @NotNull(message = "give the volume of each unit") @Positive Double volumeEachMl) {}

    record PoolForm(List<UUID> parentLotIds, @NotBlank(message = "choose the product") String productCode,
                    @PositiveOrZero Double concentrationPerMl, @NotNull(message = "give the volume") @Positive Double volumeMl,
                    @NotNull(message = "give the manufacturing date") @PastOrPresent LocalDate manufacturedOn, LocalDate expiresOn) {}

    record Label(String productName, String lotCode, String unitCode, Double volumeMl, LocalDate expiresOn, String barcode) {}

    /** Candidate parents shown per page of the pool form's search. */
    static final int POOL_PAGE = 20;

    private final Lots lots;
    private final Products products;

    LotUnitController(Lots lots, Products products) {
        this.lots = lots;
        this.products = products;
    }

    @GetMapping("/lots/{id}/units")
    String units(@PathVariable UUID id, Model model) {
        Lot lot = lots.get(id);
        model.addAttribute("splitForm", new SplitForm(null, products.find(lot.productCode()).map(Product::ampouleVolumeMl).orElse(null)));
        return unitsPage(lot, model);
    }

    @PostMapping("/lots/{id}/units")
    String split(@PathVariable UUID id, @Valid @ModelAttribute("splitForm") SplitForm form, BindingResult binding, Model model,
                 RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                List<LotUnit> made = lots.split(id, form.count(), form.volumeEachMl());
                redirect.addFlashAttribute("message", made.size() > 1
                        ? org.exotrace.shared.UiText.of("lab.units.filledMany", made.size(), made.get(0).code(), made.get(made.size() - 1).code())
                        : org.exotrace.shared.UiText.of("lab.units.filledOne", made.get(0).code()));
                return "redirect:/lots/" + id + "/units";
            } catch (DomainProblem p) {
                FormErrors.reject(binding, p, Map.of());
            }
        }
        return unitsPage(lots.get(id), model);
    }

    @GetMapping("/lots/{id}/labels")
    String labels(@PathVariable UUID id, Model model) {
        Lot lot = lots.get(id);
        String productName = products.find(lot.productCode()).map(Product::name).orElse(lot.productCode());
        model.addAttribute("lot", lot);
        model.addAttribute("labels", lots.units(id).stream()
                .map(u -> new Label(productName, lot.code(), u.code(), u.volumeMl(), lot.expiresOn(), Barcodes.code128DataUri(u.code())))
                .toList());
        return "batch/labels";
    }

    @GetMapping("/lots/{id}/derive")
    String deriveForm(@PathVariable UUID id, Model model) {
        model.addAttribute("lotForm", BatchController.LotForm.empty());
        return derivePage(lots.get(id), model);
    }

    @PostMapping("/lots/{id}/derive")
    String derive(@PathVariable UUID id, @Valid @ModelAttribute("lotForm") BatchController.LotForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Lot lot = lots.derive(id, form.toNew());
                redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.lot.derivativeCreated", lot.code()));
                return "redirect:/lots/" + lot.id();
            } catch (DomainProblem p) {
                FormErrors.reject(binding, p, Map.of());
            }
        }
        return derivePage(lots.get(id), model);
    }

    @GetMapping("/lots/pool")
    String poolForm(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("poolForm", new PoolForm(List.of(), "", null, null, LocalDate.now(), null));
        return poolPage(List.of(), q, 0, model);
    }

    /**
     * The pool form posted with its search or paging button ({@code search} holds the page to show):
     * the candidates are searched, never all listed, and what the form holds (the lots already
     * chosen, the new lot's fields) comes back as it was, without judging it yet.
     */
    @PostMapping(path = "/lots/pool", params = "search")
    String poolSearch(@ModelAttribute("poolForm") PoolForm form, BindingResult binding, @RequestParam(defaultValue = "") String q,
                      @RequestParam("search") int page, Model model) {
        return poolPage(form.parentLotIds(), q, page, model);
    }

    @PostMapping("/lots/pool")
    String pool(@Valid @ModelAttribute("poolForm") PoolForm form, BindingResult binding, @RequestParam(defaultValue = "") String q,
                Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Lot lot = lots.pool(form.parentLotIds(), new Lots.NewLot(form.productCode(), form.concentrationPerMl(), form.volumeMl(),
                        form.manufacturedOn(), form.expiresOn()));
                redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.lot.poolCreated", lot.code()));
                return "redirect:/lots/" + lot.id();
            } catch (DomainProblem p) {
                FormErrors.reject(binding, p, Map.of());
            }
        }
        return poolPage(form.parentLotIds(), q, 0, model);
    }

    /** An htmx fragment for the lot page: the ancestor and descendant trees. */
    @GetMapping("/lots/{id}/lineage")
    String lineage(@PathVariable UUID id, Model model) {
        model.addAttribute("lineage", lots.lineage(id));
        return "batch/lineage :: lineage";
    }

    private String unitsPage(Lot lot, Model model) {
        model.addAttribute("lot", lot);
        model.addAttribute("product", products.find(lot.productCode()).orElse(null));
        model.addAttribute("units", lots.units(lot.id()));
        model.addAttribute("remaining", lots.remainingVolume(lot.id()));
        return "batch/units";
    }

    private String derivePage(Lot parent, Model model) {
        model.addAttribute("parent", parent);
        model.addAttribute("products", products.all());
        return "batch/derive";
    }

    /** The chosen parents (in the order chosen, unknown ids left out) above one page of the other usable lots matching {@code q}. */
    private String poolPage(List<UUID> chosenIds, String q, int page, Model model) {
        Set<UUID> ids = chosenIds == null ? Set.of() : chosenIds.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Lot> chosen = ids.stream().map(lots::find).flatMap(Optional::stream).toList();
        model.addAttribute("chosen", chosen);
        model.addAttribute("q", q.strip());
        model.addAttribute("candidates", lots.searchUsable(q, ids, new Page.Request(page, POOL_PAGE)));
        model.addAttribute("productNames", products.all().stream().collect(Collectors.toMap(Product::code, Product::name)));
        model.addAttribute("products", products.all());
        return "batch/pool";
    }
}
