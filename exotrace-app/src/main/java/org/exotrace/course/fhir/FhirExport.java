package org.exotrace.course.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.exotrace.batch.Lots;
import org.exotrace.treatment.AdverseEvent;
import org.exotrace.followup.Assessment;
import org.exotrace.followup.Assessments;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.treatment.Sessions;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.treatment.TreatmentSession;
import org.exotrace.shared.RecordChanged;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.Reference;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports a patient's course as FHIR R5 JSON, for the staff of the patient's clinic. An export
 * carries the patient's identity out of Exotrace, so it is written to the audit trail (under the
 * pseudonym).
 */
@Service
public class FhirExport {

    private final FhirContext fhir = FhirContext.forR5Cached();
    private final Patients patients;
    private final Clinics clinics;
    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final Lots lots;
    private final Assessments assessments;
    private final ApplicationEventPublisher events;

    FhirExport(Patients patients, Clinics clinics, TreatmentPlans plans, Sessions sessions, Lots lots, Assessments assessments,
               ApplicationEventPublisher events) {
        this.assessments = assessments;
        this.patients = patients;
        this.clinics = clinics;
        this.plans = plans;
        this.sessions = sessions;
        this.lots = lots;
        this.events = events;
    }

    /** The course as a FHIR R5 collection bundle in JSON. */
    @Transactional
    public String patientCourse(UUID patientId) {
        Bundle bundle = bundle(patientId);
        Patient patient = patients.get(patientId);
        events.publishEvent(RecordChanged.changed("patient", patientId, "EXPORT_FHIR", null,
                Map.of("patient", patient.pseudonym(), "resources", bundle.getEntry().size()), "FHIR R5 export of the course"));
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    Bundle bundle(UUID patientId) {
        Patient patient = patients.get(patientId);
        FhirCourse course = new FhirCourse();
        Reference clinic = course.organization(clinics.get(patient.clinicId()));
        Reference subject = course.patient(patient, clinic);
        patients.consents(patientId).forEach(c -> course.consent(c, subject, clinic));
        Map<UUID, Reference> procedures = new HashMap<>();
        Map<UUID, Reference> carePlans = new HashMap<>();
        Map<UUID, Reference> units = new HashMap<>();
        for (TreatmentPlan plan : plans.forPatient(patientId)) {
            Reference carePlan = course.plan(plan, plans.template(plan.templateId()), subject);
            carePlans.put(plan.id(), carePlan);
            for (TreatmentSession s : sessions.forPlan(plan.id())) {
                Reference unit = course.unit(s, lots.find(s.lotId()).orElse(null));
                units.put(s.id(), unit);
                procedures.put(s.id(), course.session(s, carePlan, subject, unit));
            }
        }
        List<Assessment> all = assessments.forPatient(patientId);
        Set<UUID> corrections = all.stream().map(Assessment::supersededBy).filter(Objects::nonNull).collect(Collectors.toSet());
        for (Assessment a : all) {
            if (a.valid()) course.assessment(a, corrections.contains(a.id()), subject, a.planId() == null ? null : carePlans.get(a.planId()));
        }
        List<AdverseEvent> adverse = sessions.adverseEvents(patientId);
        for (AdverseEvent e : adverse) course.adverseEvent(e, subject, procedures.get(e.sessionId()), units.get(e.sessionId()));
        return course.bundle();
    }
}
