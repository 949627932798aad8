/**
 * Cold chain and custody: the storage conditions QA declares for each product (stored at, the
 * highest temperature and longest time an excursion may reach, how many thaws), the lab's storage
 * locations (freezer, rack, box) with each unit's current place, custody handovers (who handed a
 * unit to whom, when), and the temperature excursions and thaws recorded against units.
 *
 * <p>Promises: an excursion or thaw outside the product's declared limits, or against a product
 * with no declared limits (nothing is assumed), holds the unit at once: refused at every scan and
 * shipment (through {@link org.exotrace.supply.UnitHolds}) until a QA releaser decides it usable, or
 * for good when QA decides it unusable. Every change is audited. Owns the tables
 * {@code storage_condition}, {@code storage_location}, {@code unit_place}, {@code custody_transfer}
 * and {@code cold_chain_event}. Serves {@code /api/cold-chain/**} and {@code /cold-chain/**}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cold chain",
        allowedDependencies = {"batch", "product", "supply", "clinic", "shared"})
package org.exotrace.coldchain;
