package org.exotrace.release.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.release.DispositionReview;
import org.exotrace.release.DispositionReviews;
import org.exotrace.release.Releases;
import org.exotrace.shared.Choices;
import org.exotrace.shared.DomainProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Disposition reviews", description = "Reviews of released lots after a withdrawn consent, an invalidated result or a quarantine")
class DispositionReviewApi {

    /** The outcome (CONTINUE, QUARANTINE or RECALL), its reason, and both signature components re-entered. */
    record Outcome(@NotBlank String outcome, @NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 128) String password,
                   @NotBlank @Size(max = 1000) String reason) {}

    private final DispositionReviews reviews;

    DispositionReviewApi(DispositionReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/disposition-reviews")
    @Operation(summary = "Every open disposition review, oldest first, with its causes in words")
    List<DispositionReviewView> open() {
        boolean donors = DispositionReviewView.showsDonors();
        return reviews.open().stream().map(r -> DispositionReviewView.of(r, donors)).toList();
    }

    @GetMapping("/lots/{lotId}/disposition-reviews")
    @Operation(summary = "Every disposition review of the lot, open or decided, oldest first")
    List<DispositionReviewView> ofLot(@PathVariable UUID lotId) {
        boolean donors = DispositionReviewView.showsDonors();
        return reviews.forLot(lotId).stream().map(r -> DispositionReviewView.of(r, donors)).toList();
    }

    @PostMapping("/lots/{lotId}/disposition-review/outcome")
    @Operation(summary = "Record QA's outcome of the lot's open disposition review under an electronic signature; 409 when none is open")
    DispositionReviewView decide(@PathVariable UUID lotId, @Valid @RequestBody Outcome body) {
        Map<String, String> errors = new LinkedHashMap<>();
        DispositionReview.Outcome outcome = Choices.parse(DispositionReview.Outcome.class, body.outcome(), "outcome", errors);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Invalid outcome", errors);
        DispositionReview decided = reviews.decide(lotId, outcome, new Releases.Signing(body.username(), body.password(), body.reason()));
        return DispositionReviewView.of(decided, true);
    }
}
