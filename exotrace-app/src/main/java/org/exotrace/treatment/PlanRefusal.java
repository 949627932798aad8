package org.exotrace.treatment;

import java.time.Instant;
import java.util.UUID;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;

/**
 * A plan the regulatory rules refused, kept as a record of what was attempted and why it was
 * stopped. {@code pseudonym} identifies the patient outside the clinic.
 */
public record PlanRefusal(UUID id, UUID patientId, String pseudonym, UUID clinicId, String jurisdiction, UUID templateId, String templateName,
                          String productCode, SourceType sourceType, Route route, Purpose purpose, RuleVerdict verdict, String message,
                          String refusedBy, Instant refusedAt) {}
