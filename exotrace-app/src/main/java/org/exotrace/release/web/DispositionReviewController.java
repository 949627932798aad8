package org.exotrace.release.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lots;
import org.exotrace.release.DispositionReview;
import org.exotrace.release.DispositionReviews;
import org.exotrace.release.Releases;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The disposition review panel of a lot page (htmx fragment): the open review with its causes,
 * the QA releaser's signed outcome form, and the lot's earlier reviews.
 */
@Controller
class DispositionReviewController {

    /** What the outcome form sends back on a refusal, so nothing typed is lost (never the password). */
    record Form(String outcome, String reason) {}

    private final DispositionReviews reviews;
    private final Lots lots;

    DispositionReviewController(DispositionReviews reviews, Lots lots) {
        this.reviews = reviews;
        this.lots = lots;
    }

    @GetMapping("/lots/{lotId}/review-panel")
    String panel(@PathVariable UUID lotId, Model model) {
        return render(lotId, new Form("", ""), Map.of(), null, model);
    }

    @PostMapping("/lots/{lotId}/review-outcome")
    String decide(@PathVariable UUID lotId, @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "false") boolean confirm, Model model, HttpServletResponse response) {
        Form form = new Form(outcome, reason);
        Map<String, String> errors = new LinkedHashMap<>();
        DispositionReview.Outcome chosen = outcome.isBlank() ? null : Choices.parse(DispositionReview.Outcome.class, outcome, "outcome", errors);
        if (chosen == null) errors.put("outcome", "choose the outcome: continue, quarantine or recall");
        if (!confirm) errors.put("confirm", "tick the box to confirm the meaning of your signature");
        if (!errors.isEmpty()) return render(lotId, form, errors, null, model);
        try {
            DispositionReview decided = reviews.decide(lotId, chosen, new Releases.Signing(username, password, reason));
            response.setHeader("HX-Trigger", "lot-changed");
            return render(lotId, new Form("", ""), Map.of(), org.exotrace.shared.UiText.of("lab.review.outcomeSignedNotice", decided.outcome().label(), decided.outcome().effect()), model);
        } catch (DomainProblem p) {
            Map<String, String> problems = new LinkedHashMap<>(p.fieldErrors());
            if (p.fieldErrors().isEmpty()) problems.put("form", p.getMessage());
            model.addAttribute("refusal", p.reasons());
            model.addAttribute("refusalTitle", p.title());
            return render(lotId, form, problems, null, model);
        }
    }

    private String render(UUID lotId, Form form, Map<String, String> errors, Object notice, Model model) {
        boolean donors = DispositionReviewView.showsDonors();
        List<DispositionReview> all = reviews.forLot(lotId);
        model.addAttribute("lot", lots.get(lotId));
        model.addAttribute("review", all.stream().filter(DispositionReview::open).findFirst().map(r -> DispositionReviewView.of(r, donors)).orElse(null));
        List<DispositionReviewView> decided = new ArrayList<>(all.stream().filter(r -> !r.open()).map(r -> DispositionReviewView.of(r, donors)).toList());
        Collections.reverse(decided);
        model.addAttribute("decided", decided);
        model.addAttribute("outcomes", DispositionReview.Outcome.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "release/review :: panel";
    }
}
