/**
 * What is done to a patient: protocol templates (the shipped ones and clinics' adapted copies,
 * with their design: whole area or split face), treatment plans made from a template for a
 * patient with their scheduled visits (checked against the regulatory rules of the clinic's
 * jurisdiction; refusals are kept with the rule's message), the sides of a split-face plan and
 * their allocation, sessions traced to the unit used (checked by the supply module), the doses
 * given, voided sessions and adverse events with their follow-ups.
 *
 * <p>Promises {@link org.exotrace.treatment.TreatmentPlans} and
 * {@link org.exotrace.treatment.Sessions} as the read model of a course for the modules after it
 * (follow-up, photographs, the course pages), each checking that the user works at the patient's
 * clinic. Serves {@code /api/protocol-templates}, {@code /api/plans}, {@code /api/plan-refusals},
 * {@code /api/sessions}, {@code /api/adverse-events} and a patient's plans, sessions and adverse
 * events, and the plan and session pages.
 *
 * <p>Owns the tables {@code protocol_template}, {@code treatment_plan}, {@code plan_visit},
 * {@code plan_refusal}, {@code treatment_session} and {@code adverse_event} (migrations in
 * {@code db/migration/clinic}). A copied template is announced as
 * {@link org.exotrace.treatment.TemplateCopied}, inside the copy's transaction, so that the
 * follow-up module copies its adjustment rules with it. Known debt from before the split: templates
 * visible to a clinician are found through {@code clinic_member}, and refusals show the pseudonym
 * from {@code patient}, in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Treatment",
        allowedDependencies = {"clinic", "supply", "batch", "product", "release", "compliance", "donor", "shared"})
package org.exotrace.treatment;
