package org.exotrace.stats;

import java.util.List;

/**
 * Two independent groups A and B, in the unit of the data.
 *
 * @param difference       mean A minus mean B
 * @param differenceCi95   Welch 95 % interval of the difference (Welch-Satterthwaite degrees of freedom)
 * @param welchT           Welch's t statistic
 * @param welchDf          Welch-Satterthwaite degrees of freedom
 * @param welchP           two-sided p of Welch's t test
 * @param mannWhitneyU     Mann-Whitney U of group A (R's W)
 * @param mannWhitneyP     two-sided p of the Mann-Whitney test
 * @param mannWhitneyMethod how {@code mannWhitneyP} was computed
 * @param hedgesG          standardised mean difference A - B with Hedges' small-sample correction
 * @param rankBiserial     2 U / (nA nB) - 1, positive when A tends to be larger
 */
public record TwoGroupResult(String nameA, int nA, double meanA, double sdA, String nameB, int nB, double meanB, double sdB,
                             double difference, Interval differenceCi95, double welchT, double welchDf, double welchP,
                             double mannWhitneyU, double mannWhitneyP, RankTestMethod mannWhitneyMethod, double hedgesG,
                             double rankBiserial, List<String> warnings) {
}
