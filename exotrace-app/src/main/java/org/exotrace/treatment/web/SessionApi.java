package org.exotrace.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.treatment.AdverseEvent;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.treatment.TreatmentSession;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Sessions", description = "Treatment sessions traced to the unit used, and adverse events (the staff of the patient's clinic only)")
class SessionApi {

    private final Sessions sessions;
    private final TreatmentPlans plans;

    SessionApi(Sessions sessions, TreatmentPlans plans) {
        this.sessions = sessions;
        this.plans = plans;
    }

    @GetMapping("/plans/{id}/unit-preview")
    @Operation(summary = "A scanned unit as the session form shows it: lot, concentration, and every reason it may not be used here")
    Sessions.UnitPreview preview(@PathVariable UUID id, @RequestParam String code,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return sessions.preview(plans.get(id).clinicId(), code, on);
    }

    @PostMapping("/plans/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a session with the unit used; refused when the unit may not be used, there is no treatment consent, "
            + "or the rules forbid the use with the unit's real source")
    TreatmentSession record(@PathVariable UUID id, @RequestBody Sessions.NewSession body) {
        return sessions.record(id, body);
    }

    @GetMapping("/plans/{id}/sessions")
    List<TreatmentSession> forPlan(@PathVariable UUID id) {
        return sessions.forPlan(id);
    }

    @GetMapping("/patients/{id}/sessions")
    List<TreatmentSession> forPatient(@PathVariable UUID id) {
        return sessions.forPatient(id);
    }

    @GetMapping("/sessions/{id}")
    TreatmentSession session(@PathVariable UUID id) {
        return sessions.get(id);
    }

    record Void(String reason) {}

    @PostMapping("/sessions/{id}/void")
    @Operation(summary = "Void a session recorded in error, with a reason: it is kept, marked voided, and its unit may be used again")
    Sessions.VoidedSession voidSession(@PathVariable UUID id, @RequestBody(required = false) Void body) {
        return sessions.voidSession(id, body == null ? null : body.reason());
    }

    @GetMapping("/plans/{id}/voided-sessions")
    List<Sessions.VoidedSession> voided(@PathVariable UUID id) {
        return sessions.voided(id);
    }

    @PostMapping("/sessions/{id}/adverse-events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report an adverse event after a session (term, severity, seriousness criteria, WHO-UMC causality, outcome)")
    AdverseEvent report(@PathVariable UUID id, @RequestBody Sessions.NewAdverseEvent body) {
        return sessions.report(id, body);
    }

    @GetMapping("/patients/{id}/adverse-events")
    List<AdverseEvent> adverseEvents(@PathVariable UUID id) {
        return sessions.adverseEvents(id);
    }

    @GetMapping("/adverse-events/{id}")
    AdverseEvent adverseEvent(@PathVariable UUID id) {
        return sessions.adverseEvent(id);
    }

    @PostMapping("/adverse-events/{id}/follow-ups")
    @Operation(summary = "Follow up an adverse event's outcome, with a reason")
    AdverseEvent followUp(@PathVariable UUID id, @RequestBody Sessions.OutcomeUpdate body) {
        return sessions.updateOutcome(id, body);
    }
}
