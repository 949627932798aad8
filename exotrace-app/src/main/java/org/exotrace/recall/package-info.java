/**
 * Recall: QA opens a recall on a lot (reason, class I, II or III, scope: the lot and every lot
 * derived or pooled from it, or chosen units of them); in the same transaction every unit in scope
 * is held, so that the unit check at the point of use ({@link org.exotrace.supply.Shipments#check},
 * behind the scan, the session record and the inventory) and shipping refuse it, and each clinic
 * that holds any of the units gets a notice in its inbox. The clinic acknowledges the notice and
 * reports each of its units as returned, destroyed or already used; units used in a session appear
 * on the look-back list of the patients treated (names only for that clinic's staff). The
 * effectiveness check is the share of units accounted for, overall and per clinic. QA closes the
 * recall under an electronic signature (the release module's, meaning recall closure); units still
 * unaccounted for need QA's written justification. Every step is audited ({@code RecordChanged}).
 *
 * <p>Promises {@link org.exotrace.recall.Recalls}. Reads the scope through the public APIs of
 * batch ({@code Lots.descendants}, {@code Units.ofLots}), supply ({@code UnitWhereabouts}) and
 * treatment ({@code Sessions.usesOf}), one set-based query each; holds units through supply's
 * {@link org.exotrace.supply.UnitHolds}. Owns the tables {@code recall}, {@code recall_unit},
 * {@code recall_notice}, {@code recall_hold} (migrations in {@code db/migration/recall}). Serves
 * {@code /api/recalls}, {@code /api/recall-notices}, the recall pages, the clinic's recall inbox
 * and the recall report PDF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recall",
        allowedDependencies = {"batch", "supply", "treatment", "clinic", "release", "shared"})
package org.exotrace.recall;
