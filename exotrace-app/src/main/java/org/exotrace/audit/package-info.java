/**
 * The audit trail (21 CFR Part 11.10(e), EU GMP Annex 11 §9): every create, change or retirement
 * of a business record, with who, when, what, the old and new values and the reason. Entries are
 * appended in the transaction of the change, hash-chained (each holds the SHA-256 of the one
 * before) and protected from UPDATE and DELETE by a trigger; {@link org.exotrace.audit.AuditTrail#verify()}
 * recomputes the chain and reports every break. Each entry is also signed with an HMAC key kept
 * outside the database and the chain is checkpointed to a signed append-only file beside the key
 * (the audit anchor), so a wiped or rewritten chain is detected even by its database superuser.
 * This module only listens.
 *
 * <p>Promises: a {@link org.exotrace.shared.RecordChanged} published inside a transaction is
 * appended in that transaction, or the transaction fails, so no change commits without its entry.
 * Depends only on {@code shared}; the lab pages read a record's history through
 * {@link org.exotrace.audit.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.exotrace.audit;
