/**
 * Evidence: the researcher's workbench. It reads, through the owning modules' research reads, the
 * treatment courses of patients whose research-use consent is in force (pseudonyms only; a patient
 * without that consent, or who withdrew it, is in nothing here), each with its validated scores
 * over time, its sessions traced to their lots and the lots' measured size, purity and dose, its
 * split-face allocation with the blinded assessor's readings and its adverse events. Researchers
 * build and save cohorts by filter, run the analyses (change from baseline, responder rates, two
 * groups, split-face, dose-response, adverse-event rates) with the statistics library
 * {@code exotrace-stats}, lock analysis plans before their results are shown, and export
 * de-identified data with k-anonymity. Every plan lock and every export is audited.
 *
 * <p>Owns the tables {@code evidence_*} (migrations in {@code db/migration/evidence}); serves
 * {@code /evidence/**} and {@code /api/evidence/**}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence",
        allowedDependencies = {"clinic", "treatment", "followup", "outcome", "results", "specification", "compliance", "donor", "shared"})
package org.exotrace.evidence;
