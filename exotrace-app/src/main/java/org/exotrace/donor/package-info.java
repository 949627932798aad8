/**
 * Sources and donors: the pseudonymous donor code (ISBT 128 Donation Identification Number-like:
 * facility, year, sequence, ISO 7064 check character; never a name), the source type, when and
 * where the material was collected, eligibility screening, and consent by scope with withdrawal.
 * Screening is data: a catalog of coded tests with closed result lists and the panels QA keeps per
 * source type and jurisdiction ({@link org.exotrace.donor.ScreeningPanels}); the determination
 * ({@link org.exotrace.donor.EligibilityDetermination}) is eligible only when every required test
 * has a negative result inside its window. Other modules ask
 * {@link org.exotrace.donor.Donors#checkUse} whether a donor's material may be used for a scope.
 *
 * <p>Promises: donor identity stays pseudonymous outside the roles that may identify donors
 * ({@link org.exotrace.donor.Donors#mayIdentifyDonors}); a withdrawn consent publishes
 * {@link org.exotrace.donor.ConsentWithdrawn} and a donor who stops being eligible publishes
 * {@link org.exotrace.donor.DonorEligibilityLost}, both inside the transaction of the change, for the
 * release module's disposition reviews.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package org.exotrace.donor;
