package org.exotrace.recall;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient treated with a unit in a recall's scope: the look-back list a clinic's clinicians work
 * through. {@code patientName} only for the staff of the patient's clinic, null for everyone else.
 */
public record LookBack(UUID unitId, String unitCode, String lotCode, UUID clinicId, String clinicName, UUID sessionId, LocalDate performedOn,
                       String pseudonym, String patientName) {}
