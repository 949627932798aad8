package org.exotrace.stats;

import java.util.List;

/**
 * Responder rates of two groups: each with a Wilson 95 % interval, the risk difference A - B (a
 * fraction, -1..1) with Newcombe's hybrid-score 95 % interval, and Fisher's exact two-sided p.
 */
public record ResponderComparison(Proportion a, Proportion b, double riskDifference, Interval riskDifferenceCi95,
                                  double fisherP, List<String> warnings) {
}
