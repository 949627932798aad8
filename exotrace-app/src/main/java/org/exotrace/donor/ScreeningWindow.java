package org.exotrace.donor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a screening sample must be taken, relative to the donor's collection (recovery of the
 * cells or tissue): from {@code daysBefore} days before to {@code daysAfter} days after, both
 * inclusive. E.g. 21 CFR 1271.80(b): 7 before to 7 after.
 */
public record ScreeningWindow(int daysBefore, int daysAfter) {

    public static final int MAX_DAYS = 365;

    public ScreeningWindow {
        if (daysBefore < 0 || daysBefore > MAX_DAYS || daysAfter < 0 || daysAfter > MAX_DAYS) {
            throw new IllegalArgumentException("window days must be 0.." + MAX_DAYS + ": " + daysBefore + ", " + daysAfter);
        }
    }

    public boolean contains(LocalDate collectedOn, LocalDate sampledOn) {
        long offset = ChronoUnit.DAYS.between(collectedOn, sampledOn);
        return offset >= -daysBefore && offset <= daysAfter;
    }

    /** For reading: "from 7 days before to 7 days after collection", "from the day of collection to 7 days after". */
    public String describe() {
        if (daysBefore == 0 && daysAfter == 0) return "on the day of collection";
        if (daysBefore == 0) return "from the day of collection to " + days(daysAfter) + " after";
        if (daysAfter == 0) return "from " + days(daysBefore) + " before to the day of collection";
        return "from " + days(daysBefore) + " before to " + days(daysAfter) + " after collection";
    }

    /**
     * Why a sample taken on {@code sampledOn} is outside the window, e.g. "sampled 2026-01-02, 45
     * days before collection; must be within 30 days before"; empty text when it is inside.
     */
    public String whyOutside(LocalDate collectedOn, LocalDate sampledOn) {
        long offset = ChronoUnit.DAYS.between(collectedOn, sampledOn);
        if (offset < -daysBefore) {
            return "sampled " + sampledOn + ", " + days(-offset) + " before collection; "
                    + (daysBefore == 0 ? "must not be before collection" : "must be within " + days(daysBefore) + " before");
        }
        if (offset > daysAfter) {
            return "sampled " + sampledOn + ", " + days(offset) + " after collection; "
                    + (daysAfter == 0 ? "must not be after collection" : "must be within " + days(daysAfter) + " after");
        }
        return "";
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
