package org.exotrace.recall.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.exotrace.recall.Effectiveness;
import org.exotrace.recall.LookBack;
import org.exotrace.recall.Recall;
import org.exotrace.recall.RecallNotice;
import org.exotrace.recall.RecallUnit;
import org.exotrace.recall.Recalls;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Recalls", description = "Recalls of a lot and its descendants: holds, clinic notices, unit accounting, look-back, signed closure")
class RecallApi {

    /** A unit's accounting: RETURNED, DESTROYED or USED, with an optional note. */
    record Report(String status, String note) {}

    /** A recall with its notices and effectiveness. */
    record RecallDetail(Recall recall, Effectiveness effectiveness, List<RecallNotice> notices) {}

    /** A notice with what the clinic needs: its recall, its units, its look-back. */
    record NoticeDetail(RecallNotice notice, Recall recall, List<RecallUnit> units, List<LookBack> lookBack) {}

    private final Recalls recalls;

    RecallApi(Recalls recalls) {
        this.recalls = recalls;
    }

    @PostMapping("/recalls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a recall on a lot (QA): every unit in scope is held at once and each clinic holding any gets a notice")
    RecallDetail open(@RequestBody Recalls.NewRecall body) {
        return detail(recalls.open(body).id());
    }

    @GetMapping("/recalls")
    @Operation(summary = "Every recall, newest first")
    List<Recall> all() {
        return recalls.all();
    }

    @GetMapping("/recalls/{id}")
    @Operation(summary = "A recall with its clinic notices and its effectiveness (units accounted for, overall and per place)")
    RecallDetail recall(@PathVariable UUID id) {
        return detail(id);
    }

    @GetMapping("/recalls/{id}/units")
    @Operation(summary = "Every unit in the recall's scope with its place and accounting")
    List<RecallUnit> units(@PathVariable UUID id) {
        recalls.get(id);
        return recalls.units(id, null);
    }

    @GetMapping("/recalls/{id}/look-back")
    @Operation(summary = "The patients treated with units of the recall, by pseudonym")
    List<LookBack> lookBack(@PathVariable UUID id) {
        recalls.get(id);
        return recalls.lookBack(id, null);
    }

    @PostMapping("/recalls/{id}/units/{code}/report")
    @Operation(summary = "Account for a unit that was in the lab (QA): RETURNED (kept under quarantine), DESTROYED or USED")
    RecallUnit reportLabUnit(@PathVariable UUID id, @PathVariable String code, @RequestBody Report body) {
        return recalls.report(id, code, body.status(), body.note());
    }

    @PostMapping("/recalls/{id}/closure")
    @Operation(summary = "Close the recall under QA's electronic signature; a justification is required while units are unaccounted for")
    Recall close(@PathVariable UUID id, @RequestBody Recalls.Closure body) {
        return recalls.close(id, body);
    }

    @GetMapping("/recall-notices")
    @Operation(summary = "The recall notices of the clinics you work at, newest first, with each clinic's progress")
    List<Recalls.InboxEntry> inbox() {
        return recalls.inbox();
    }

    @GetMapping("/recall-notices/{id}")
    @Operation(summary = "A notice of your clinic with its units and the look-back list of your patients")
    NoticeDetail notice(@PathVariable UUID id) {
        RecallNotice n = recalls.notice(id);
        return new NoticeDetail(n, recalls.get(n.recallId()), recalls.units(n.recallId(), n.clinicId()), recalls.lookBack(n.recallId(), n.clinicId()));
    }

    @PostMapping("/recall-notices/{id}/acknowledgement")
    @Operation(summary = "Acknowledge your clinic's recall notice")
    RecallNotice acknowledge(@PathVariable UUID id) {
        return recalls.acknowledge(id);
    }

    @PostMapping("/recall-notices/{id}/units/{code}/report")
    @Operation(summary = "Report what became of one of your clinic's units: RETURNED, DESTROYED or USED")
    RecallUnit report(@PathVariable UUID id, @PathVariable String code, @RequestBody Report body) {
        RecallNotice n = recalls.notice(id);
        return recalls.report(n.recallId(), code, body.status(), body.note());
    }

    private RecallDetail detail(UUID id) {
        return new RecallDetail(recalls.get(id), recalls.effectiveness(id), recalls.notices(id));
    }
}
