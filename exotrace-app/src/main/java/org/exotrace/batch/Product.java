package org.exotrace.batch;

import java.util.Set;
import org.exotrace.donor.ConsentScope;

/**
 * A product the lab makes. Every donor at the root of a lot of this product must have consented
 * to each of {@code requiredConsentScopes} (empty for non-human sources' products).
 * {@code ampouleVolumeMl} is null for bulk; {@code shelfLifeMonths} sets a lot's default expiry.
 */
public record Product(String code, String name, ProductForm form, IntendedUse intendedUse, Set<ConsentScope> requiredConsentScopes,
                      Double ampouleVolumeMl, Integer shelfLifeMonths) {

    public Product {
        requiredConsentScopes = requiredConsentScopes == null ? Set.of() : Set.copyOf(requiredConsentScopes);
    }
}
