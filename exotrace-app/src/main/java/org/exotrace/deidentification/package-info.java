/**
 * De-identified export: the research data of a cohort (through the evidence module's consent-gated
 * {@code ResearchData}) written for outside statistics as a ZIP of {@code data.csv}, a data
 * dictionary and a report. Random study ids and sites per export, days from baseline instead of
 * dates, ages in bands; k-anonymity (at least {@code exotrace.evidence.export.k}, default 5) on
 * the quasi-identifiers, generalising before it suppresses, checked on the rows written and
 * reported. Every export is kept in {@code evidence_export} and audited with the file's SHA-256.
 *
 * <p>Serves {@code /evidence/export} and {@code /api/evidence/exports} (researcher only).
 */
@org.springframework.modulith.ApplicationModule(displayName = "De-identified export",
        allowedDependencies = {"evidence", "clinic", "followup", "outcome", "treatment", "shared"})
package org.exotrace.deidentification;
