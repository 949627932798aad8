/**
 * The demo dataset loaded by {@code ./exotrace serve --demo}: demo accounts, donors with consents
 * and screenings, batches, and lots in every state (released with a certificate, rejected,
 * quarantined, out of specification, blocked by a withdrawn consent, awaiting results), built
 * through the modules' public APIs as the people who would do each step, so the audit trail and
 * signatures are real. It ends with a research cohort generated from a fixed seed with known effects
 * ({@link org.exotrace.demo.ResearchCohort}, whose truth the evidence tests compare analyses with).
 *
 * <p>Promises: nothing depends on this module and it uses only the other modules' public APIs, so
 * the demo data obeys every rule a user's data does. The one exception is {@link org.exotrace.demo.ScaleNetwork}
 * ({@code ./exotrace demo --scale N}), which seeds benchmark networks of a million lots with
 * set-based SQL into the modules' tables, marks every row and signature as synthetic, and records
 * each bulk step in the audit trail.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "batch", "characterization", "clinic", "coldchain", "compliance",
        "donor", "followup", "quality", "release", "results", "specification", "supply", "treatment", "shared"})
package org.exotrace.demo;
