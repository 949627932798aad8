package org.exotrace.stats;

/** How a rank test's p-value was computed. */
public enum RankTestMethod {
    /** The exact null distribution of the statistic: used for at most 50 values without ties or zero differences. */
    EXACT,
    /** The normal approximation with the variance corrected for ties and a continuity correction of 0.5. */
    NORMAL_APPROXIMATION
}
