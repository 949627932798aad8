/**
 * Trace, both ways: forward from a donor, an isolation batch or a lot through every lot derived or
 * pooled from it to their units,
 * where each unit went (the lab, a shipment, a clinic), the sessions that used them and the patients
 * treated (the recall question); backward from a unit, a session or a patient to the lots, the lots'
 * ancestors, their batches and donors (the look-back question). Each step is one set-based, indexed query of the module that
 * owns the records ({@link org.exotrace.batch.Lots#descendants}, {@link org.exotrace.batch.Units#ofLots},
 * {@link org.exotrace.supply.UnitWhereabouts#of}, {@link org.exotrace.treatment.Sessions#usesOf},
 * {@link org.exotrace.clinic.Patients#pseudonyms}), never a reading of the audit trail.
 *
 * <p>Promises: patients appear as pseudonyms; a patient's name only to the staff of the patient's
 * clinic; a clinician without a lab role sees only the units shipped to the clinics they work at.
 * A donor's code is traced only by the roles that may identify donors. Composition only: it owns no
 * table and writes nothing. Serves {@code /api/trace/lots|donors|batches/{code}},
 * {@code /api/trace/units/{code}}, {@code /api/trace/sessions/{id}}, {@code /api/trace/patients/{pseudonym}}
 * and their pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trace",
        allowedDependencies = {"batch", "donor", "clinic", "supply", "treatment", "shared"})
package org.exotrace.trace;
