/**
 * Sources and donors: the pseudonymous donor code (ISBT 128 Donation Identification Number-like:
 * facility, year, sequence, ISO 7064 check character; never a name), the source type, eligibility
 * screening, and consent by scope with withdrawal. Other modules ask
 * {@link org.exotrace.donor.Donors#checkUse} whether a donor's material may be used for a scope.
 */
package org.exotrace.donor;
