/**
 * Release: the documented disposition of a lot by an authorized person who did not test it
 * (two-person rule; 21 CFR 1271.265(c); EU GMP Annex 16), signed electronically with the signer's
 * user name and password re-entered and a stated meaning (21 CFR Part 11.50 and 11.200), linked to
 * the record it signs by a hash of the signed content. Release is refused, with every reason, when
 * a required test fails or is missing or a donor's consent or eligibility blocks the use. Issues
 * the certificate of analysis (WHO TRS 902 Annex 10). Reviews the disposition of a released lot
 * when something changes after release (a withdrawn consent, an invalidated result, a
 * quarantine): its units are refused until QA signs the outcome (continue, quarantine, recall).
 *
 * <p>Promises: a lot is released, rejected or quarantined only through {@link org.exotrace.release.Releases}
 * with a valid signature; listens to {@link org.exotrace.donor.ConsentWithdrawn},
 * {@link org.exotrace.donor.DonorEligibilityLost}, {@link org.exotrace.quality.ResultInvalidated}
 * and its own {@link org.exotrace.release.LotQuarantined} in the publisher's transaction, so a
 * released lot concerned is under review before the change commits.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "batch", "product", "donor", "quality", "results", "specification", "shared"})
package org.exotrace.release;
