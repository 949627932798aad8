package org.exotrace.course.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.followup.Assessments;
import org.exotrace.clinic.Clinics;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Patients;
import org.exotrace.followup.Progress;
import org.exotrace.treatment.Sessions;
import org.exotrace.followup.Suggestion;
import org.exotrace.followup.Suggestions;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentPlans;
import org.exotrace.shared.Actors;
import org.exotrace.shared.RecordChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's progress report as a PDF, for the staff of the patient's clinic: the patient, each
 * plan with its sessions and suggestions, the endpoints against baseline with trend charts, the
 * responses and the adverse events. The report carries the patient's identity out of Exotrace, so
 * each export is written to the audit trail, under the pseudonym.
 */
@Service
public class ProgressReport {

    private final Patients patients;
    private final Clinics clinics;
    private final TreatmentPlans plans;
    private final Sessions sessions;
    private final Assessments assessments;
    private final Suggestions suggestions;
    private final ApplicationEventPublisher events;
    private final org.exotrace.product.Products products;
    private final ProgressReportPdf pdf = new ProgressReportPdf();

    ProgressReport(Patients patients, Clinics clinics, TreatmentPlans plans, Sessions sessions, Assessments assessments, Suggestions suggestions,
                   ApplicationEventPublisher events, org.exotrace.product.Products products) {
        this.products = products;
        this.patients = patients;
        this.clinics = clinics;
        this.plans = plans;
        this.sessions = sessions;
        this.assessments = assessments;
        this.suggestions = suggestions;
        this.events = events;
    }

    /** The report's PDF; "not found" to anyone outside the patient's clinic. */
    @Transactional
    public byte[] pdf(UUID patientId) {
        ProgressReportContent content = content(patientId);
        byte[] bytes = pdf.render(content);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("patient", content.patient().pseudonym());
        audit.put("plans", content.plans().size());
        audit.put("endpoints", content.progress().series().size());
        audit.put("bytes", bytes.length);
        events.publishEvent(RecordChanged.changed("patient", patientId, "EXPORT_PDF", null, audit, "progress report (PDF) exported"));
        return bytes;
    }

    ProgressReportContent content(UUID patientId) {
        Patient patient = patients.get(patientId);
        Progress progress = assessments.progress(patientId);
        List<Suggestion> all = suggestions.forPatient(patientId);
        List<ProgressReportContent.PlanSection> sections = plans.forPatient(patientId).stream()
                .map((TreatmentPlan p) -> new ProgressReportContent.PlanSection(p, plans.template(p.templateId()), sessions.forPlan(p.id()),
                        all.stream().filter(s -> s.planId().equals(p.id())).toList(), products.nameOf(p.productCode())))
                .toList();
        return new ProgressReportContent(clinics.get(patient.clinicId()), patient, sections, progress, sessions.adverseEvents(patientId),
                Instant.now(), Actors.current(), ZoneId.systemDefault());
    }
}
