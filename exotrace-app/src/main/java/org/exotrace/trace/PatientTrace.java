package org.exotrace.trace;

import java.util.List;

/**
 * A backward trace from a patient: every unit they received in recorded sessions, in order of
 * treatment, each traced to its lot, the lots it was made from, their batches and donors.
 *
 * @param patient    the patient's pseudonym, and their name for their clinic's staff
 * @param clinicName the clinic that treats the patient
 */
public record PatientTrace(PatientRef patient, String clinicName, List<UnitTrace> units) {

    public PatientTrace {
        units = List.copyOf(units);
    }
}
