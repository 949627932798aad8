package org.exotrace.recall;

import java.util.List;
import java.util.UUID;

/**
 * The recall's effectiveness check: the share of units in scope accounted for (returned, destroyed
 * or used), overall and per place.
 */
public record Effectiveness(Share overall, List<Share> places) {

    public Effectiveness {
        places = List.copyOf(places);
    }

    /**
     * One place's accounting: a clinic, or the lab ({@code clinicId} null).
     *
     * @param used      units used (before or after the recall); part of {@code accounted}
     */
    public record Share(UUID clinicId, String name, long total, long accounted, long returned, long destroyed, long used) {

        /** Accounted over total, in per cent, rounded down so that 100 means every unit; 100 for a place with no unit. */
        public int percent() {
            return total == 0 ? 100 : (int) (accounted * 100 / total);
        }

        public boolean complete() {
            return accounted == total;
        }
    }
}
