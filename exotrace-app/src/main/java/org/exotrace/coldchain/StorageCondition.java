package org.exotrace.coldchain;

import java.time.Instant;

/**
 * How a product must be kept, as QA declared it (the values are the product's, never assumed):
 * stored at {@code storedAtC} or colder; an excursion may reach {@code excursionMaxC} for at most
 * {@code excursionMaxMinutes} without QA's decision; a unit may be thawed {@code maxThaws} times.
 */
public record StorageCondition(String productCode, double storedAtC, double excursionMaxC, int excursionMaxMinutes, int maxThaws, String setBy,
                               Instant setAt) {

    /** Why an excursion breaks these limits, or null when it stays inside them. */
    String breach(double highestC, int minutes) {
        if (highestC > excursionMaxC) {
            return "reached " + ColdChain.celsius(highestC) + ", above the " + ColdChain.celsius(excursionMaxC) + " the product " + productCode
                    + " allows";
        }
        if (minutes > excursionMaxMinutes) {
            return "lasted " + minutes + " min, longer than the " + excursionMaxMinutes + " min the product " + productCode + " allows";
        }
        return null;
    }
}
