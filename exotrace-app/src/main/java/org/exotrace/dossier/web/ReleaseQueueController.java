package org.exotrace.dossier.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exotrace.batch.Lot;
import org.exotrace.batch.LotState;
import org.exotrace.batch.Lots;
import org.exotrace.quality.LotQuality;
import org.exotrace.specification.Verdict;
import org.exotrace.release.DispositionReviews;
import org.exotrace.release.ReleaseCheck;
import org.exotrace.release.Releases;
import org.exotrace.shared.Actors;
import org.exotrace.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What a QA releaser opens first: the lots in testing or quarantined whose required results are
 * all in, or that have a result out of specification; those they can sign now, and those blocked
 * with every reason; above them, the released lots under disposition review, whose units the
 * clinics refuse until QA signs an outcome.
 */
@Controller
class ReleaseQueueController {

    private static final int LIMIT = Page.MAX_SIZE;

    /** A lot with its overall verdict and the release check for the current user. */
    record Waiting(Lot lot, Verdict verdict, ReleaseCheck check) {}

    private final Lots lots;
    private final LotQuality quality;
    private final Releases releases;
    private final DispositionReviews reviews;

    ReleaseQueueController(Lots lots, LotQuality quality, Releases releases, DispositionReviews reviews) {
        this.lots = lots;
        this.quality = quality;
        this.releases = releases;
        this.reviews = reviews;
    }

    @GetMapping("/lots/awaiting-release")
    String queue(Model model) {
        List<Lot> candidates = new ArrayList<>(lots.search("", LotState.IN_TESTING, new Page.Request(0, LIMIT)).rows());
        candidates.addAll(lots.search("", LotState.QUARANTINED, new Page.Request(0, LIMIT)).rows());
        Map<Boolean, List<Waiting>> byReady = new LinkedHashMap<>(Map.of(true, new ArrayList<>(), false, new ArrayList<>()));
        int awaitingResults = 0;
        String me = Actors.current();
        Map<Lot, Verdict> verdicts = quality.overallVerdicts(candidates);
        for (Lot lot : candidates) {
            Verdict verdict = verdicts.get(lot);
            if (verdict == Verdict.MISSING) {
                awaitingResults++;
                continue;
            }
            ReleaseCheck check = releases.check(lot.id(), me);
            byReady.get(check.allowed()).add(new Waiting(lot, verdict, check));
        }
        model.addAttribute("ready", byReady.get(true));
        model.addAttribute("blocked", byReady.get(false));
        model.addAttribute("awaitingResults", awaitingResults);
        model.addAttribute("underReview", reviews.open());
        return "dossier/awaiting-release";
    }
}
