/**
 * The demo dataset loaded by {@code ./exotrace serve --demo}: demo accounts, donors with consents
 * and screenings, batches, and lots in every state (released with a certificate, rejected,
 * quarantined, out of specification, blocked by a withdrawn consent, awaiting results), built
 * through the modules' public APIs as the people who would do each step, so the audit trail and
 * signatures are real.
 */
package org.exotrace.demo;
