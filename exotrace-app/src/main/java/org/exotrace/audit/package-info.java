/**
 * The audit trail (21 CFR Part 11.10(e), EU GMP Annex 11 §9): every create, change or retirement
 * of a business record, with who, when, what, the old and new values and the reason. Entries are
 * appended in the transaction of the change, hash-chained (each holds the SHA-256 of the one
 * before) and protected from UPDATE and DELETE by a trigger; {@link org.exotrace.audit.AuditTrail#verify()}
 * recomputes the chain and names the first broken link. This module only listens.
 */
package org.exotrace.audit;
