/**
 * Units on their way to and kept at a clinic: shipments of released, unexpired units from the lab
 * to a clinic and their receipt, the clinic's inventory, where each shipped unit is (in transit,
 * received, used), the custody rule that a shipped unit is no longer the lab's to destroy, and the
 * check at the point of use that a scanned unit may be used at this clinic on this day (foreign,
 * not released, recalled, expired: every reason at once).
 *
 * <p>Promises {@link org.exotrace.supply.Shipments#check}, the one answer the treatment module
 * relies on before a session records a unit, and {@link org.exotrace.supply.UnitWhereabouts} for
 * the lab's view of its units. Serves {@code /api/shipments}, {@code /api/clinics/{id}/inventory}
 * and {@code /api/clinics/{id}/unit-check}, and the shipping and inventory pages.
 *
 * <p>Owns the tables {@code shipment} and {@code shipment_unit} (migrations in
 * {@code db/migration/clinic}). Known debt from before the split: whether a unit was used is read
 * from {@code treatment_session}, and clinic names from {@code clinic}, in SQL rather than
 * through those modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clinic supply",
        allowedDependencies = {"clinic", "batch", "release", "donor", "shared"})
package org.exotrace.supply;
