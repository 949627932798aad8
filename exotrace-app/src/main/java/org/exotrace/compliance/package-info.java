/**
 * Regulatory decision support: the rules, kept as data, that say whether an exosome product of a
 * given source may be applied by a given route for a given purpose in a jurisdiction, each with
 * its citation, confidence and effective dates; the check that finds the rule that applies; and
 * the compliance officer's edits, every one audited. This is decision support, not legal advice.
 *
 * <p>Promises: {@link org.exotrace.compliance.RegulatoryRules#check} answers with the rule that
 * applies on a given day and its citation, or says that none does; it never guesses. Depends on
 * {@code donor} for the source types and on {@code shared}; the clinic asks it before a treatment.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"donor", "shared"})
package org.exotrace.compliance;
