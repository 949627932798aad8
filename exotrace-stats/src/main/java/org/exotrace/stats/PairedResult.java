package org.exotrace.stats;

import java.util.List;

/**
 * Change from baseline in paired measurements, in the unit of the score unless named otherwise.
 *
 * @param n                 number of pairs
 * @param meanChange        mean of follow-up minus baseline (negative = the score fell)
 * @param meanChangeCi95    Student t interval of the mean change, n - 1 degrees of freedom
 * @param sdChange          standard deviation of the changes (n - 1 denominator)
 * @param tStatistic        paired t statistic
 * @param tTestP            two-sided p of the paired t test
 * @param wilcoxonV         sum of the ranks of the positive changes (R's V), zero changes dropped
 * @param wilcoxonP         two-sided p of the Wilcoxon signed-rank test
 * @param wilcoxonMethod    how {@code wilcoxonP} was computed
 * @param meanPercentChange mean of 100 (follow-up - baseline) / baseline over the pairs with a non-zero baseline, in %
 * @param cohenDz           mean change over its standard deviation (Cohen's d_z)
 * @param responderDropPercent the drop that defines a responder, in % of baseline; null when not asked
 * @param responders        responders among the n pairs with their Wilson 95 % interval; null when not asked
 * @param warnings          what a reader must know (small n, ties, zeros dropped, baselines that cannot respond)
 */
public record PairedResult(int n, double meanBaseline, double meanFollowup, double meanChange, Interval meanChangeCi95,
                           double sdChange, double tStatistic, double tTestP, double wilcoxonV, double wilcoxonP,
                           RankTestMethod wilcoxonMethod, double meanPercentChange, double cohenDz,
                           Double responderDropPercent, Proportion responders, List<String> warnings) {
}
