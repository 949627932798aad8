package org.exotrace.stats;

import java.util.List;

/**
 * A binomial proportion: {@code successes} of {@code n}, the {@code rate} as a fraction (0..1) and its
 * 95 % interval by the named {@code method} ("Wilson score" or "Clopper-Pearson exact").
 */
public record Proportion(int successes, int n, double rate, Interval ci95, String method, List<String> warnings) {
}
