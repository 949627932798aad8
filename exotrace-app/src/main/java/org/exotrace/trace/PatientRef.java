package org.exotrace.trace;

/**
 * A patient as the caller may know them: the pseudonym for everyone, the name only for the staff
 * of the patient's clinic ({@code name} null for anyone else).
 */
public record PatientRef(String pseudonym, String name) {}
