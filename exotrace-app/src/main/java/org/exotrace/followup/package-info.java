/**
 * How a patient is doing after treatment: outcome assessments (EASI, SCORAD, PASI, DLQI, TEWL...,
 * scored by the outcome module) with corrections, progress against baseline per endpoint and side,
 * the adjustment rules of a protocol template, the suggestions they make on running plans with the
 * clinician's accept or override, and each clinic's worklist of visits due.
 *
 * <p>Promises {@link org.exotrace.followup.Progress} (the series and responses the progress page,
 * the report and the suggestions all read), {@link org.exotrace.followup.Suggestions} and
 * {@link org.exotrace.followup.Worklist}. A suggestion never changes a plan: the clinician does.
 * Serves {@code /api/patients/{id}/assessments}, {@code /api/patients/{id}/progress},
 * {@code /api/assessments}, the suggestion and decision paths, {@code /api/clinics/{id}/worklist}
 * and {@code /api/protocol-templates/{id}/adjustment-rules}.
 *
 * <p>Owns the tables {@code outcome_assessment}, {@code adjustment_rule} and
 * {@code adjustment_decision} (migrations in {@code db/migration/clinic}); it copies a template's
 * rules when treatment announces {@link org.exotrace.treatment.TemplateCopied}. Known debt from before
 * the split: the worklist reads patients, plans, visits, templates and sessions in one query, and
 * a rule code's reuse is checked against {@code treatment_plan}, in SQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up",
        allowedDependencies = {"clinic", "treatment", "outcome", "compliance", "shared"})
package org.exotrace.followup;
