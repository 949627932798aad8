package org.exotrace.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;

/**
 * A patient's course from a template, with the regulatory decision it was made under.
 *
 * @param complianceVerdict null when no rule covered the use (the message then asks for a review)
 */
public record TreatmentPlan(UUID id, UUID patientId, UUID clinicId, UUID templateId, String productCode, SourceType sourceType, Route route,
                            Purpose purpose, String trialId, LocalDate startOn, RuleVerdict complianceVerdict, String complianceMessage,
                            List<Visit> visits, String createdBy, Instant createdAt) {

    public enum VisitKind { SESSION, FOLLOW_UP }

    public record Visit(VisitKind kind, int number, LocalDate dueOn) {}

    public TreatmentPlan {
        visits = List.copyOf(visits);
    }
}
