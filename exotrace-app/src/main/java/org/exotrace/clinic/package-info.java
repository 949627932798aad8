/**
 * Clinics and their patients: clinics as organizations with a jurisdiction, the staff who work
 * in each, patients with identifying details that only their clinic's staff see (a pseudonym
 * everywhere else), their phototype, indications, history and contraindications, and their
 * versioned, signed consents with withdrawal.
 *
 * <p>The first link of the clinic's chain of work ({@code clinic} &lt;- {@code supply} &lt;-
 * {@code treatment} &lt;- {@code followup}, {@code photograph} &lt;- {@code course}): it knows
 * nothing of the modules after it. It promises that {@link org.exotrace.clinic.Clinics#requireMember}
 * and {@link org.exotrace.clinic.Patients#get} refuse anyone who does not work at the clinic, so
 * the modules after it guard a patient's records by asking for the patient first, and that a
 * consent's {@link org.exotrace.clinic.PatientConsent#activeOn activity} on a day is decided here
 * alone. Serves {@code /api/clinics}, {@code /api/patients/{id}} and its consents, the clinic
 * administration pages and the patient registration form.
 *
 * <p>Owns the tables {@code clinic}, {@code clinic_member}, {@code patient} and
 * {@code patient_consent} (migrations in {@code db/migration/clinic}, shared by the clinic modules).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinics and patients",
        allowedDependencies = {"account", "compliance", "shared"})
package org.exotrace.clinic;
