package org.exotrace.dossier.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.Lots;
import org.exotrace.product.Products;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.OosInvestigation;
import org.exotrace.results.OosInvestigations;
import org.exotrace.results.Result;
import org.exotrace.results.Results;
import org.exotrace.specification.Verdict;
import org.exotrace.release.DispositionReview;
import org.exotrace.release.DispositionReviews;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class DossierController {

    private final Lots lots;
    private final Products products;
    private final LotQuality quality;
    private final Results results;
    private final AuditTrail audit;
    private final DispositionReviews reviews;
    private final OosInvestigations investigations;

    DossierController(Lots lots, Products products, LotQuality quality, Results results, AuditTrail audit, DispositionReviews reviews,
                      OosInvestigations investigations) {
        this.reviews = reviews;
        this.investigations = investigations;
        this.lots = lots;
        this.products = products;
        this.quality = quality;
        this.results = results;
        this.audit = audit;
    }

    @GetMapping("/lots")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String state,
                @RequestParam(defaultValue = "") String review, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        LotState filter = state.isBlank() ? null : java.util.Arrays.stream(LotState.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> DomainProblem.invalid("state", "'" + state + "' is not a lot state; choose one from the list"));
        Page.Request request = new Page.Request(page, Page.DEFAULT_SIZE);
        Page<Lot> result = "open".equals(review) ? underReview(q, filter, request) : lots.search(q, filter, request);
        model.addAttribute("underReview", reviews.openFor(result.rows().stream().map(Lot::id).toList()).keySet());
        model.addAttribute("review", review);
        Map<UUID, Verdict> verdicts = new LinkedHashMap<>();
        quality.overallVerdicts(result.rows()).forEach((l, v) -> verdicts.put(l.id(), v));
        model.addAttribute("page", result);
        model.addAttribute("verdicts", verdicts);
        model.addAttribute("products", products.all().stream().collect(java.util.stream.Collectors.toMap(p -> p.code(), p -> p.name())));
        model.addAttribute("states", LotState.values());
        model.addAttribute("q", q);
        model.addAttribute("state", state);
        return htmx != null ? "dossier/lots :: rows" : "dossier/lots";
    }

    /** The lots under disposition review (few at any time) that match the search, as one page. */
    private Page<Lot> underReview(String q, LotState state, Page.Request request) {
        String text = q.strip().toLowerCase(java.util.Locale.ROOT);
        List<Lot> matching = reviews.open().stream().map(r -> lots.get(r.lotId()))
                .filter(l -> state == null || l.state() == state)
                .filter(l -> text.isEmpty() || l.code().toLowerCase(java.util.Locale.ROOT).contains(text)
                        || l.productCode().toLowerCase(java.util.Locale.ROOT).contains(text))
                .toList();
        int from = Math.min(request.offset(), matching.size());
        return new Page<>(matching.subList(from, Math.min(from + request.size(), matching.size())), request.number(), request.size(), matching.size());
    }

    @GetMapping("/lots/{id}")
    String lot(@PathVariable UUID id, Model model) {
        Lot lot = lots.get(id);
        model.addAttribute("lot", lot);
        model.addAttribute("product", products.get(lot.productCode()));
        model.addAttribute("units", lots.units(id).size());
        model.addAttribute("timeline", timeline(lot));
        model.addAttribute("underReview", reviews.openFor(id).isPresent());
        return "dossier/lot";
    }

    @GetMapping("/lots/{id}/timeline")
    String timelineFragment(@PathVariable UUID id, Model model) {
        Lot lot = lots.get(id);
        model.addAttribute("lot", lot);
        model.addAttribute("timeline", timeline(lot));
        return "dossier/lot :: timeline";
    }

    /** One line of the lot's timeline: the audit entry and what it was about, in words. */
    record TimelineItem(AuditEntry entry, String subject) {}

    /** The lot's life in one list: its own record, its results, its OOS investigations, its units and its signatures, newest first. */
    private List<TimelineItem> timeline(Lot lot) {
        Map<String, Result> byId = new LinkedHashMap<>();
        results.forLot(lot.id()).forEach(r -> byId.put(r.id().toString(), r));
        List<TimelineItem> items = new ArrayList<>();
        audit.history("lot", lot.id().toString()).forEach(e -> items.add(new TimelineItem(e, "lot " + lot.code())));
        Map<String, String> testNames = new LinkedHashMap<>();
        investigations.onRecord(lot.id()).lines().forEach(l -> testNames.put(l.result().testCode(), l.testName()));
        audit.history("result", byId.keySet()).forEach(e -> {
            Result r = byId.get(e.recordId());
            items.add(new TimelineItem(e, "result " + testNames.getOrDefault(r.testCode(), r.testCode()) + ": " + r.resultLabel()
                    + (r.verdictAtEntry() == null ? "" : " (" + r.verdictAtEntry().label().toLowerCase(java.util.Locale.ROOT) + ")")));
        });
        Map<String, OosInvestigation> oos = new LinkedHashMap<>();
        investigations.forLot(lot.id()).forEach(i -> oos.put(i.id().toString(), i));
        if (!oos.isEmpty()) {
            audit.history("oos_investigation", oos.keySet()).forEach(e -> {
                OosInvestigation i = oos.get(e.recordId());
                items.add(new TimelineItem(e, "investigation " + i.number() + " of " + testNames.getOrDefault(i.testCode(), i.testCode()) + " (" + i.stateText() + ")"));
            });
        }
        audit.history("size_distribution", lot.id().toString()).forEach(e -> items.add(new TimelineItem(e, "size distribution")));
        List<DispositionReview> lotReviews = reviews.forLot(lot.id());
        audit.history("disposition_review", lotReviews.stream().map(r -> r.id().toString()).toList())
                .forEach(e -> items.add(new TimelineItem(e, "disposition review of " + lotReviews.stream()
                        .filter(r -> r.id().toString().equals(e.recordId())).findFirst().orElseThrow().openedOn())));
        lots.units(lot.id()).stream().findFirst().ifPresent(u -> audit.history("lot_unit", u.id().toString())
                .forEach(e -> items.add(new TimelineItem(e, "units filled"))));
        items.sort(Comparator.comparingLong((TimelineItem i) -> i.entry().seq()).reversed());
        return items;
    }
}
