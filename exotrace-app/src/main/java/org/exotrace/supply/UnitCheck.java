package org.exotrace.supply;

import java.util.List;

/**
 * Whether a scanned unit may be used at a clinic on a day, and if not, every reason.
 *
 * @param lotCode  the unit's lot, when the unit exists
 * @param received whether this clinic received the unit (its inventory)
 * @param reasons  empty when the unit may be used
 */
public record UnitCheck(String unitCode, String lotCode, boolean received, List<String> reasons) {

    public UnitCheck {
        reasons = List.copyOf(reasons);
    }

    public boolean usable() {
        return reasons.isEmpty();
    }
}
