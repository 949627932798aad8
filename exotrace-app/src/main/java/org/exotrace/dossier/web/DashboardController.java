package org.exotrace.dossier.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.exotrace.audit.AuditTrail;
import org.exotrace.batch.Batches;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.Lots;
import org.exotrace.donor.Donors;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.OosInvestigations;
import org.exotrace.specification.Verdict;
import org.exotrace.release.DispositionReviews;
import org.exotrace.release.Releases;
import org.exotrace.shared.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The lab's dashboard: what needs attention in the lab today. */
@Controller
class DashboardController {

    private static final int WORKLIST_LIMIT = 200;

    private final Donors donors;
    private final Batches batches;
    private final Lots lots;
    private final LotQuality quality;
    private final AuditTrail audit;
    private final Releases releases;
    private final DispositionReviews reviews;
    private final OosInvestigations investigations;

    DashboardController(Donors donors, Batches batches, Lots lots, LotQuality quality, AuditTrail audit, Releases releases,
                        DispositionReviews reviews, OosInvestigations investigations) {
        this.reviews = reviews;
        this.investigations = investigations;
        this.releases = releases;
        this.donors = donors;
        this.batches = batches;
        this.lots = lots;
        this.quality = quality;
        this.audit = audit;
    }

    @GetMapping("/dashboard")
    String dashboard(Authentication auth, Model model) {
        boolean lab = auth.getAuthorities().stream().anyMatch(a -> List.of("ROLE_LAB_ANALYST", "ROLE_QA_RELEASER", "ROLE_ADMIN", "ROLE_RESEARCHER")
                .contains(a.getAuthority()));
        if (lab) {
            Map<LotState, Long> byState = lots.countByState();
            model.addAttribute("byState", byState);
            model.addAttribute("donorCount", donors.count());
            model.addAttribute("batchCount", batches.count());
            model.addAttribute("openInvestigations", investigations.countOpen());
            List<Lot> inTesting = lots.search("", LotState.IN_TESTING, new Page.Request(0, WORKLIST_LIMIT)).rows();
            Map<Lot, Verdict> verdicts = quality.overallVerdicts(inTesting);
            model.addAttribute("outOfSpec", lotsWith(verdicts, Verdict.FAIL));
            Map<Boolean, List<Lot>> releasable = lotsWith(verdicts, Verdict.PASS, Verdict.WARNING).stream()
                    .collect(Collectors.partitioningBy(l -> releases.check(l.id(), null).allowed()));
            model.addAttribute("readyForRelease", releasable.get(true));
            model.addAttribute("blocked", releasable.get(false));
            model.addAttribute("awaitingResults", lotsWith(verdicts, Verdict.MISSING));
            model.addAttribute("underReview", reviews.open());
            model.addAttribute("recent", audit.search("", "", "", new Page.Request(0, 8)).rows());
        }
        model.addAttribute("lab", lab);
        return "dossier/dashboard";
    }


    private static List<Lot> lotsWith(Map<Lot, Verdict> verdicts, Verdict... wanted) {
        List<Verdict> w = List.of(wanted);
        return verdicts.entrySet().stream().filter(e -> w.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
