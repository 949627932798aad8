package org.exotrace.clinic.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.compliance.Jurisdictions;
import org.exotrace.shared.DomainProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's own records: the administrator's clinic list with its staff, a patient's registration and their consents. The
 * patient's page, where the consents are shown, is the course module's.
 */
@Controller
class ClinicRecordsController {

    /** The patient form as typed; indications one per line. */
    record PatientForm(String givenName, String familyName, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
                       String sex, String contact, String fitzpatrick, String indications, String history, String contraindications) {
        static PatientForm blank() {
            return new PatientForm("", "", null, "", "", "", "", "", "");
        }
    }

    private final Clinics clinics;
    private final Patients patients;
    private final MessageSource messages;

    ClinicRecordsController(Clinics clinics, Patients patients, MessageSource messages) {
        this.clinics = clinics;
        this.patients = patients;
        this.messages = messages;
    }

    @GetMapping("/clinic/{clinicId}/patients/new")
    String newPatient(@PathVariable UUID clinicId, Model model) {
        return patientForm(clinics.requireMember(clinicId), PatientForm.blank(), Map.of(), model);
    }

    @PostMapping("/clinic/{clinicId}/patients")
    String register(@PathVariable UUID clinicId, PatientForm form, Model model) {
        Clinic clinic = clinics.requireMember(clinicId);
        try {
            List<String> indications = form.indications() == null ? List.of() : Arrays.asList(form.indications().split("\\R"));
            Patient p = patients.register(clinicId, new Patients.NewPatient(form.givenName(), form.familyName(), form.dateOfBirth(), form.sex(),
                    form.contact(), form.fitzpatrick(), indications, form.history(), form.contraindications()));
            return "redirect:/patients/" + p.id();
        } catch (DomainProblem e) {
            Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
            if (errors.isEmpty()) errors.put("form", e.getMessage());
            return patientForm(clinic, form, errors, model);
        }
    }

    @PostMapping("/patients/{id}/consents")
    String consent(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String formVersion,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                   @RequestParam(defaultValue = "") String signedBy, RedirectAttributes redirect) {
        try {
            patients.grantConsent(id, new Patients.ConsentEntry(kind, formVersion, signedOn, signedBy));
            redirect.addFlashAttribute("message", text("clinic.consent.recorded"));
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("consentError", e.getMessage());
        }
        return "redirect:/patients/" + id;
    }

    @PostMapping("/patient-consents/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam UUID patientId, @RequestParam(defaultValue = "") String reason,
                    RedirectAttributes redirect) {
        try {
            patients.withdrawConsent(id, null, reason);
            redirect.addFlashAttribute("message", text("clinic.consent.withdrawn"));
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("consentError", e.getMessage());
        }
        return "redirect:/patients/" + patientId;
    }

    @GetMapping("/admin/clinics")
    String adminList(Model model) {
        List<Clinic> all = clinics.all();
        model.addAttribute("clinics", all);
        model.addAttribute("members", all.stream().collect(Collectors.toMap(Clinic::id, c -> clinics.members(c.id()))));
        model.addAttribute("jurisdictions", Jurisdictions.all());
        return "clinic/admin";
    }

    @PostMapping("/admin/clinics")
    String adminCreate(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                       @RequestParam(defaultValue = "") String jurisdiction, @RequestParam(defaultValue = "") String address,
                       RedirectAttributes redirect) {
        try {
            Clinic c = clinics.create(new Clinics.NewClinic(code, name, jurisdiction, address));
            redirect.addFlashAttribute("message", text("clinic.admin.created", c.name()));
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("message", text("clinic.admin.notCreated", e.getMessage()));
        }
        return "redirect:/admin/clinics";
    }

    @PostMapping("/admin/clinics/{id}/members")
    String adminAddMember(@PathVariable UUID id, @RequestParam(defaultValue = "") String username, RedirectAttributes redirect) {
        try {
            clinics.addMember(id, username);
            redirect.addFlashAttribute("message", text("clinic.admin.memberAdded", username));
        } catch (DomainProblem e) {
            redirect.addFlashAttribute("message", text("clinic.admin.memberNotAdded", e.getMessage()));
        }
        return "redirect:/admin/clinics";
    }

    private String patientForm(Clinic clinic, PatientForm form, Map<String, String> errors, Model model) {
        model.addAttribute("clinic", clinic);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sexes", Patient.Sex.values());
        return "clinic/new-patient";
    }

    /** A message of the bundles in the language of the request. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
