package org.exotrace.treatment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.exotrace.shared.DomainProblem;
import org.exotrace.treatment.PlanRefusal;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Treatment plans", description = "Protocol templates, clinics' copies of them, and the plans made from them for a patient "
        + "(the staff of the patient's clinic only), with the plans the regulatory rules refused")
class TreatmentPlanApi {

    record Copy(UUID clinicId) {}

    record TemplateChange(TreatmentPlans.TemplateEdit template, String reason) {}

    private final TreatmentPlans plans;

    TreatmentPlanApi(TreatmentPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/protocol-templates")
    @Operation(summary = "The shipped protocol templates and your clinics' copies")
    List<ProtocolTemplate> templates() {
        return plans.templates();
    }

    @GetMapping("/protocol-templates/{id}")
    ProtocolTemplate template(@PathVariable UUID id) {
        return plans.template(id);
    }

    @PutMapping("/protocol-templates/{id}")
    @Operation(summary = "Change your clinic's copy of a template, with a reason (shipped templates are read-only: 409); plans already made keep their schedule")
    ProtocolTemplate updateTemplate(@PathVariable UUID id, @RequestBody TemplateChange body) {
        return plans.update(id, body.template(), body.reason());
    }

    @PostMapping("/protocol-templates/{id}/copies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy a template into one of your clinics, to adapt it there")
    ProtocolTemplate copy(@PathVariable UUID id, @RequestBody Copy body) {
        if (body.clinicId() == null) throw DomainProblem.invalid("clinicId", "choose the clinic");
        return plans.copy(id, body.clinicId());
    }

    @PostMapping("/patients/{id}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a course from a template; refused with the rule's citation when the use is not permitted in the clinic's jurisdiction")
    TreatmentPlan plan(@PathVariable UUID id, @RequestBody TreatmentPlans.NewPlan body) {
        return plans.plan(id, body);
    }

    @GetMapping("/patients/{id}/plans")
    List<TreatmentPlan> patientPlans(@PathVariable UUID id) {
        return plans.forPatient(id);
    }

    @GetMapping("/patients/{id}/plan-refusals")
    @Operation(summary = "Plans the regulatory rules refused for this patient, with the rule's message")
    List<PlanRefusal> patientRefusals(@PathVariable UUID id) {
        return plans.refusals(id);
    }

    @GetMapping("/plan-refusals")
    @Operation(summary = "Every refused plan attempt under patient pseudonyms (compliance officer)")
    List<PlanRefusal> refusals() {
        return plans.allRefusals();
    }

    @GetMapping("/plans/{id}")
    TreatmentPlan planById(@PathVariable UUID id) {
        return plans.get(id);
    }
}
