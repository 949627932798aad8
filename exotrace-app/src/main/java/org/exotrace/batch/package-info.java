/**
 * Manufacturing records from donor to unit: isolation batches (one donor's material through one
 * isolation method, with its parameters), lots made from a batch (as one of the product module's products), derivative and pooled
 * lots, and units (ampoules, vials) split from a lot with printable codes. Lineage is kept
 * parent/child to any depth, so a recall traces forward from a donor and a look-back traces from a
 * unit back to every donor ({@link org.exotrace.batch.Lots#donorIds}). The release module moves a
 * lot's disposition through {@link org.exotrace.batch.Lots#release} and its siblings after a
 * valid electronic signature.
 *
 * <p>Promises: a lot's state changes only through the transitions {@link org.exotrace.batch.LotState}
 * allows, and other modules ask a {@link org.exotrace.batch.Lot} what they need to know
 * ({@code acceptsResults()}, {@code awaitsDisposition()}, {@code released()}, {@code quarantined()},
 * {@code rejected()}) instead of comparing its state. Units leave the lab only through modules that
 * implement {@link org.exotrace.batch.UnitCustody}, which batch asks before destroying a unit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"donor", "product", "audit", "shared"})
package org.exotrace.batch;
