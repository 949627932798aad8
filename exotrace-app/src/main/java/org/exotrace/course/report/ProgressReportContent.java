package org.exotrace.course.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.exotrace.treatment.AdverseEvent;
import org.exotrace.clinic.Clinic;
import org.exotrace.clinic.Patient;
import org.exotrace.followup.Progress;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.followup.Suggestion;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentSession;

/**
 * What a progress report prints, as read by the person who exports it: plans are as that person may
 * see them (a blinded assessor's plans and sessions carry no allocation or side).
 *
 * @param generatedBy the user name of the person exporting
 * @param zone        the zone the generation time is printed in
 */
record ProgressReportContent(Clinic clinic, Patient patient, List<PlanSection> plans, Progress progress, List<AdverseEvent> adverseEvents,
                             Instant generatedAt, String generatedBy, ZoneId zone) {

    /** One plan with the template it was made from, its sessions and its suggestions. */
    record PlanSection(TreatmentPlan plan, ProtocolTemplate template, List<TreatmentSession> sessions, List<Suggestion> suggestions,
                       String productName) {

        PlanSection {
            sessions = List.copyOf(sessions);
            suggestions = List.copyOf(suggestions);
        }
    }

    ProgressReportContent {
        plans = List.copyOf(plans);
        adverseEvents = List.copyOf(adverseEvents);
    }
}
