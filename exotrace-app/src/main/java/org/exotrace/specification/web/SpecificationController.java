package org.exotrace.specification.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exotrace.product.Products;
import org.exotrace.specification.Derivation;
import org.exotrace.specification.InvalidSpecification;
import org.exotrace.specification.Limit;
import org.exotrace.specification.MisevItem;
import org.exotrace.specification.Specification;
import org.exotrace.specification.SpecificationCatalog;
import org.exotrace.specification.TestDefinition;
import org.exotrace.specification.TestKind;
import org.exotrace.shared.DomainProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Specifications: the effective version per product, its history, and QA's editor for a new version. */
@Controller
class SpecificationController {

    private final SpecificationCatalog catalog;
    private final Products products;

    private final MessageSource messages;

    SpecificationController(SpecificationCatalog catalog, Products products, MessageSource messages) {
        this.messages = messages;
        this.catalog = catalog;
        this.products = products;
    }

    @GetMapping("/specifications")
    String list(Model model) {
        model.addAttribute("products", products.all());
        model.addAttribute("specs", catalog.allEffective().stream().collect(Collectors.toMap(Specification::productCode, s -> s)));
        return "quality/specifications";
    }

    @GetMapping("/specifications/{productCode}")
    String detail(@PathVariable String productCode, Model model) {
        model.addAttribute("product", products.get(productCode));
        List<Specification> versions = catalog.versions(productCode);
        model.addAttribute("versions", versions);
        model.addAttribute("spec", versions.isEmpty() ? null : versions.get(0));
        return "quality/specification";
    }

    @GetMapping("/specifications/{productCode}/edit")
    String edit(@PathVariable String productCode, Model model) {
        model.addAttribute("product", products.get(productCode));
        model.addAttribute("spec", catalog.effective(productCode).orElse(null));
        model.addAttribute("misevItems", MisevItem.values());
        model.addAttribute("errors", Map.of());
        return "quality/edit";
    }

    /**
     * Rows arrive as parallel arrays named by column ({@code code}, {@code lower}, ...); a row whose
     * {@code remove} box is ticked is left out; a new row is added when its code is filled in.
     */
    @PostMapping("/specifications/{productCode}/versions")
    String publish(@PathVariable String productCode, @RequestParam MultiValueMap<String, String> form, Model model,
                   RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<TestDefinition> tests = new ArrayList<>();
        List<String> codes = form.getOrDefault("code", List.of());
        List<String> removed = form.getOrDefault("remove", List.of());
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).strip();
            if (code.isEmpty() || removed.contains(code)) continue;
            try {
                tests.add(row(form, i, code));
            } catch (InvalidSpecification | IllegalArgumentException e) {
                errors.put(code, e.getMessage());
            }
        }
        String reason = form.getFirst("reason");
        if (errors.isEmpty()) {
            try {
                Specification s = catalog.publish(productCode, tests, reason);
                redirect.addFlashAttribute("message", text("quality.specification.published", s.reference()));
                return "redirect:/specifications/" + productCode;
            } catch (DomainProblem p) {
                errors.put("form", p.getMessage());
            }
        }
        model.addAttribute("product", products.get(productCode));
        model.addAttribute("spec", catalog.effective(productCode).orElse(null));
        model.addAttribute("misevItems", MisevItem.values());
        model.addAttribute("errors", errors);
        return "quality/edit";
    }

    private static TestDefinition row(MultiValueMap<String, String> form, int i, String code) {
        TestKind kind = TestKind.valueOf(value(form, "kind", i, "NUMERIC"));
        boolean required = form.getOrDefault("required", List.of()).contains(code);
        String misev = value(form, "misev", i, "");
        return new TestDefinition(code, value(form, "name", i, ""), kind,
                kind == TestKind.NUMERIC ? value(form, "unit", i, "") : null,
                limit(form, "lower", "lowerInclusive", i, code), limit(form, "upper", "upperInclusive", i, code),
                number(form, "warnLower", i), number(form, "warnUpper", i),
                kind == TestKind.CATEGORICAL ? list(value(form, "allowed", i, "")) : List.of(),
                kind == TestKind.CATEGORICAL ? list(value(form, "accepted", i, "")) : List.of(),
                required, misev.isEmpty() ? null : MisevItem.valueOf(misev), value(form, "source", i, ""),
                kind == TestKind.NUMERIC ? Derivation.parse(value(form, "derivation", i, "")) : null, number(form, "declaredTolerance", i));
    }

    private static Limit limit(MultiValueMap<String, String> form, String field, String inclusiveField, int i, String code) {
        Double v = number(form, field, i);
        List<String> ticked = form.getOrDefault(inclusiveField, List.of());
        boolean newRow = i == form.getOrDefault("code", List.of()).size() - 1;
        return v == null ? null : new Limit(v, ticked.contains(code) || (newRow && ticked.contains("new_test_inc")));
    }

    private static Double number(MultiValueMap<String, String> form, String field, int i) {
        String v = value(form, field, i, "");
        if (v.isEmpty()) return null;
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + v + "' is not a number");
        }
    }

    private static String value(MultiValueMap<String, String> form, String field, int i, String fallback) {
        List<String> values = form.get(field);
        return values == null || i >= values.size() || values.get(i) == null ? fallback : values.get(i).strip();
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
