package org.exotrace.donor;

import java.util.List;

/**
 * A donor's eligibility from their screening results: any reactive (positive) result makes the
 * donor ineligible; at least one result and all non-reactive make them eligible; otherwise the
 * determination is pending. Non-human sources are not screened.
 */
public enum Eligibility {
    ELIGIBLE, INELIGIBLE, PENDING, NOT_APPLICABLE;

    public static Eligibility of(SourceType source, List<Screening> screenings) {
        if (!source.isHuman()) return NOT_APPLICABLE;
        if (screenings.stream().anyMatch(s -> s.result() == Screening.Result.POSITIVE)) return INELIGIBLE;
        if (screenings.isEmpty() || screenings.stream().anyMatch(s -> s.result() == Screening.Result.INDETERMINATE)) return PENDING;
        return ELIGIBLE;
    }
}
