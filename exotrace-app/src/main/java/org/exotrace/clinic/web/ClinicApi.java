package org.exotrace.clinic.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.PatientConsent;
import org.exotrace.clinic.Patients;
import org.exotrace.clinic.PlanRefusal;
import org.exotrace.clinic.ProtocolTemplate;
import org.exotrace.clinic.TreatmentPlan;
import org.exotrace.clinic.TreatmentPlans;
import org.exotrace.shared.DomainProblem;
import org.exotrace.clinic.Shipment;
import org.exotrace.clinic.Shipments;
import org.exotrace.clinic.UnitCheck;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Clinic", description = "Clinics, their staff and their patients (patients only for the staff of their clinic)")
class ClinicApi {

    record Member(@NotBlank @Size(max = 40) String username) {}

    record Withdrawal(LocalDate on, @NotBlank @Size(max = 1000) String reason) {}

    record Receipt(LocalDate on) {}

    record Copy(UUID clinicId) {}

    record TemplateChange(TreatmentPlans.TemplateEdit template, String reason) {}

    private final Clinics clinics;
    private final Patients patients;
    private final Shipments shipments;
    private final TreatmentPlans plans;

    ClinicApi(Clinics clinics, Patients patients, Shipments shipments, TreatmentPlans plans) {
        this.clinics = clinics;
        this.patients = patients;
        this.shipments = shipments;
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

    @PostMapping("/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ship released, unexpired units to a clinic (lab); refused with a reason per unit otherwise")
    Shipment ship(@RequestBody Shipments.NewShipment body) {
        return shipments.ship(body);
    }

    @GetMapping("/shipments/{id}")
    Shipment shipment(@PathVariable UUID id) {
        return shipments.get(id);
    }

    @PostMapping("/shipments/{id}/receipt")
    @Operation(summary = "Confirm a shipment arrived (the clinic's staff); its units enter the clinic's inventory")
    Shipment receive(@PathVariable UUID id, @RequestBody(required = false) Receipt body) {
        return shipments.receive(id, body == null ? null : body.on());
    }

    @GetMapping("/clinics/{id}/inventory")
    List<String> inventory(@PathVariable UUID id) {
        return shipments.inventory(id);
    }

    @GetMapping("/clinics/{id}/unit-check")
    @Operation(summary = "May this scanned unit be used here on this day? Every reason when not (foreign, not released, recalled, expired)")
    UnitCheck check(@PathVariable UUID id, @RequestParam String code,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return shipments.check(id, code, on);
    }

    @PostMapping("/clinics")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a clinic in a jurisdiction (administrator)")
    Clinic create(@RequestBody Clinics.NewClinic body) {
        return clinics.create(body);
    }

    @GetMapping("/clinics")
    @Operation(summary = "Every clinic for an administrator; the clinics you work at for a clinician")
    List<Clinic> list(Authentication auth) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return admin ? clinics.all() : clinics.mine();
    }

    @PostMapping("/clinics/{id}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add a clinician to the clinic's staff (administrator)")
    void addMember(@PathVariable UUID id, @Valid @RequestBody Member body) {
        clinics.addMember(id, body.username());
    }

    @PostMapping("/clinics/{id}/patients")
    @ResponseStatus(HttpStatus.CREATED)
    Patient register(@PathVariable UUID id, @RequestBody Patients.NewPatient body) {
        return patients.register(id, body);
    }

    @GetMapping("/clinics/{id}/patients")
    List<Patient> search(@PathVariable UUID id, @RequestParam(defaultValue = "") String q) {
        return patients.search(id, q);
    }

    @GetMapping("/patients/{id}")
    Patient patient(@PathVariable UUID id) {
        return patients.get(id);
    }

    @GetMapping("/patients/{id}/consents")
    List<PatientConsent> consents(@PathVariable UUID id) {
        return patients.consents(id);
    }

    @PostMapping("/patients/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a consent the patient signed (treatment, photographs or research use) on a form version")
    PatientConsent consent(@PathVariable UUID id, @RequestBody Patients.ConsentEntry body) {
        return patients.grantConsent(id, body);
    }

    @PostMapping("/patient-consents/{id}/withdrawal")
    PatientConsent withdraw(@PathVariable UUID id, @Valid @RequestBody Withdrawal body) {
        return patients.withdrawConsent(id, body.on(), body.reason());
    }
}
