/**
 * Costs, a challenge the field names: the cost of a lot and a clinic's procedure cost per session
 * (appended, the newest in force, audited), and from them the cost per unit (the lot's cost over
 * the units filled), per course and per responder by group for a saved cohort. A missing cost is
 * reported, never counted as zero; amounts in different currencies are never added.
 *
 * <p>Owns {@code evidence_lot_cost} and {@code evidence_session_cost}; serves {@code /evidence/costs}
 * and {@code /api/evidence/costs} (researcher only).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Costs",
        allowedDependencies = {"evidence", "batch", "clinic", "followup", "outcome", "treatment", "shared"})
package org.exotrace.costing;
