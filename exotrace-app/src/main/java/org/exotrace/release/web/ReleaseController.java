package org.exotrace.release.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.exotrace.batch.Lots;
import org.exotrace.results.OosInvestigations;
import org.exotrace.release.Certificates;
import org.exotrace.release.Decision;
import org.exotrace.release.DispositionReviews;
import org.exotrace.release.Releases;
import org.exotrace.release.SignatureMeaning;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The release panel of a lot page (htmx fragment): what blocks release, every result on record and
 * every OOS investigation (what a signature covers), the signature form, the decisions.
 */
@Controller
class ReleaseController {

    private final Releases releases;
    private final Certificates certificates;
    private final Lots lots;
    private final DispositionReviews reviews;
    private final OosInvestigations investigations;

    ReleaseController(Releases releases, Certificates certificates, Lots lots, DispositionReviews reviews, OosInvestigations investigations) {
        this.reviews = reviews;
        this.investigations = investigations;
        this.releases = releases;
        this.certificates = certificates;
        this.lots = lots;
    }

    @GetMapping("/lots/{lotId}/release-panel")
    String panel(@PathVariable UUID lotId, Model model) {
        return render(lotId, Map.of(), null, model);
    }

    @PostMapping("/lots/{lotId}/disposition")
    String sign(@PathVariable UUID lotId, @RequestParam(defaultValue = "") String meaning, @RequestParam(defaultValue = "") String username,
                @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "false") boolean confirm, Model model, HttpServletResponse response) {
        SignatureMeaning kind;
        try {
            kind = SignatureMeaning.valueOf(meaning);
            if (!SignatureMeaning.DISPOSITIONS.contains(kind)) throw new IllegalArgumentException(meaning);
        } catch (IllegalArgumentException e) {
            return render(lotId, Map.of("meaning", "choose what you sign: release, rejection or quarantine"), null, model);
        }
        if (!confirm) return render(lotId, Map.of("confirm", "tick the box to confirm the meaning of your signature"), null, model);
        Releases.Signing signing = new Releases.Signing(username, password, reason);
        try {
            Decision d = switch (kind) {
                case RELEASE -> releases.release(lotId, signing);
                case REJECTION -> releases.reject(lotId, signing);
                case QUARANTINE -> releases.quarantine(lotId, signing);
                default -> throw new IllegalStateException("not a release-panel meaning: " + kind);
            };
            response.setHeader("HX-Trigger", "lot-changed");
            return render(lotId, Map.of(), org.exotrace.shared.UiText.of("lab.release.signedBy", d.signature().printedName(), kind.statement()), model);
        } catch (DomainProblem p) {
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (p.fieldErrors().isEmpty()) errors.put("form", p.getMessage());
            model.addAttribute("refusal", p.reasons());
            return render(lotId, errors, null, model);
        }
    }

    @GetMapping("/lots/{lotId}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID lotId) {
        return CertificateDownload.of(certificates, lotId);
    }

    private String render(UUID lotId, Map<String, String> errors, Object notice, Model model) {
        model.addAttribute("lot", lots.get(lotId));
        boolean releaser = SecurityContextHolder.getContext().getAuthentication()
                .getAuthorities().stream().anyMatch(a -> org.exotrace.shared.Role.QA_RELEASER.authority().equals(a.getAuthority()));
        model.addAttribute("releaser", releaser);
        model.addAttribute("check", releases.check(lotId, releaser ? Actors.current() : null));
        model.addAttribute("decisions", releases.decisions(lotId));
        model.addAttribute("onRecord", investigations.onRecord(lotId));
        model.addAttribute("certificateNumber", certificates.number(lotId).orElse(null));
        model.addAttribute("concentrationToRelease", releases.concentrationToRelease(lotId).orElse(null));
        model.addAttribute("meanings", SignatureMeaning.DISPOSITIONS);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("me", Actors.current());
        model.addAttribute("review", reviews.openFor(lotId).orElse(null));
        return "release/panel :: panel";
    }
}
