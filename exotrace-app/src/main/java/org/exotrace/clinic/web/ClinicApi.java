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
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
@Tag(name = "Clinic", description = "Clinics, their staff and their patients (patients only for the staff of their clinic)")
class ClinicApi {

    record Member(@NotBlank @Size(max = 40) String username) {}

    record Withdrawal(LocalDate on, @NotBlank @Size(max = 1000) String reason) {}

    private final Clinics clinics;
    private final Patients patients;

    ClinicApi(Clinics clinics, Patients patients) {
        this.clinics = clinics;
        this.patients = patients;
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
