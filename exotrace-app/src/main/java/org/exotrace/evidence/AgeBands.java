package org.exotrace.evidence;

/** Age bands: research shows and exports ages only as bands, never a date of birth. */
public final class AgeBands {

    private AgeBands() {}

    /**
     * The band of {@code width} years (10 or 20) holding {@code age}: "under 18", then bands from 18
     * ("18-29" for the first ten-year band, "18-39" for twenty), and an open top band from 80.
     */
    public static String of(int age, int width) {
        if (age < 18) return "under 18";
        if (age >= 80) return "80+";
        int lower = age < 30 ? 18 : (age / width) * width;
        if (width == 20 && age < 40) return "18-39";
        if (lower < 18) lower = 18;
        int upper = lower == 18 ? (width == 20 ? 39 : 29) : Math.min(lower + width - 1, 79);
        return lower + "-" + upper;
    }
}
