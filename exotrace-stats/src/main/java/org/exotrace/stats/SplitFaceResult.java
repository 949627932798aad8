package org.exotrace.stats;

import java.util.List;

/**
 * Split-face comparison: per patient the treated side's change minus the control side's change, in
 * the unit of the score (negative = the treated side improved more when lower is better).
 *
 * @param meanDifference     mean of treated minus control change
 * @param meanDifferenceCi95 Student t 95 % interval, n - 1 degrees of freedom
 * @param tTestP             two-sided paired t p
 * @param wilcoxonP          two-sided Wilcoxon signed-rank p, zero differences dropped
 * @param cohenDz            mean difference over its standard deviation
 */
public record SplitFaceResult(int n, double meanDifference, Interval meanDifferenceCi95, double sdDifference, double tTestP,
                              double wilcoxonP, RankTestMethod wilcoxonMethod, double cohenDz, List<String> warnings) {
}
