/**
 * Regulatory decision support: the rules, kept as data, that say whether an exosome product of a
 * given source may be applied by a given route for a given purpose in a jurisdiction, each with
 * its citation, confidence and effective dates; the check that finds the rule that applies; and
 * the compliance officer's edits, every one audited. This is decision support, not legal advice.
 */
package org.exotrace.compliance;
