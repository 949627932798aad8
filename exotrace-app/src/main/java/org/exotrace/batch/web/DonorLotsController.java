package org.exotrace.batch.web;

import java.util.UUID;
import org.exotrace.batch.Lots;
import org.exotrace.product.Products;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The forward trace shown on a donor's page (htmx fragment): every lot made from the donor's material. */
@Controller
class DonorLotsController {

    private final Lots lots;
    private final Products products;

    DonorLotsController(Lots lots, Products products) {
        this.lots = lots;
        this.products = products;
    }

    @GetMapping("/donors/{donorId}/lots")
    String lots(@PathVariable UUID donorId, Model model) {
        model.addAttribute("lots", lots.fromDonor(donorId));
        model.addAttribute("products", products.all().stream().collect(java.util.stream.Collectors.toMap(p -> p.code(), p -> p.name())));
        return "batch/donor-lots :: lots";
    }
}
