/**
 * The demo dataset loaded by {@code ./exotrace serve --demo}: demo accounts, donors with consents
 * and screenings, batches, and lots in every state (released with a certificate, rejected,
 * quarantined, out of specification, blocked by a withdrawn consent, awaiting results), built
 * through the modules' public APIs as the people who would do each step, so the audit trail and
 * signatures are real.
 *
 * <p>Promises: nothing depends on this module and it uses only the other modules' public APIs, so
 * the demo data obeys every rule a user's data does.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "batch", "characterization", "clinic", "donor",
        "followup", "quality", "release", "results", "specification", "supply", "treatment", "shared"})
package org.exotrace.demo;
