package org.exotrace.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/** Binomial proportions with 95 % intervals from Commons Statistics. */
public final class Proportions {

    static final double ALPHA = 0.05;

    private Proportions() {
    }

    /** The Wilson score interval (Wilson 1927; Newcombe 1998, Stat Med 17:857, method 3). */
    public static Proportion wilson(int x, int n) {
        return of(x, n, BinomialConfidenceInterval.WILSON_SCORE, "Wilson score");
    }

    /** The Clopper-Pearson exact interval (Clopper and Pearson 1934; Newcombe 1998, method 5), for rare events. */
    public static Proportion exact(int x, int n) {
        return of(x, n, BinomialConfidenceInterval.CLOPPER_PEARSON, "Clopper-Pearson exact");
    }

    private static Proportion of(int x, int n, BinomialConfidenceInterval method, String name) {
        Check.count(x, n);
        List<String> warnings = new ArrayList<>();
        if (n < 10) warnings.add(Check.smallSample(n));
        Interval ci = Interval.of(method.fromErrorRate(n, x, ALPHA));
        return new Proportion(x, n, (double) x / n, ci, name, List.copyOf(warnings));
    }
}
