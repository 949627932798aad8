package org.exotrace.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.TTest;

/** Two independent groups: Welch's t, Mann-Whitney, and responders with Fisher's exact test. */
public final class TwoGroups {

    private TwoGroups() {
    }

    /**
     * Compares the values of group A with group B (each at least 2 finite values, not all equal in both).
     *
     * @throws IllegalArgumentException for fewer than 2 values in a group, a value that is not finite,
     *                                  or no spread in either group
     */
    public static TwoGroupResult compare(String nameA, double[] a, String nameB, double[] b) {
        Check.atLeast(nameA, a, 2);
        Check.atLeast(nameB, b, 2);
        double meanA = Mean.of(a).getAsDouble();
        double meanB = Mean.of(b).getAsDouble();
        double sdA = StandardDeviation.of(a).getAsDouble();
        double sdB = StandardDeviation.of(b).getAsDouble();
        if (sdA == 0 && sdB == 0) {
            throw new IllegalArgumentException("every value of " + nameA + " and of " + nameB + " is the same: nothing to test");
        }
        List<String> warnings = new ArrayList<>();
        if (a.length < 10 || b.length < 10) {
            warnings.add(Check.smallSample(Math.min(a.length, b.length)) + " (" + nameA + " " + a.length + ", " + nameB + " " + b.length + ")");
        }
        TTest.Result welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(a, b);
        double se = Math.sqrt(sdA * sdA / a.length + sdB * sdB / b.length);
        double q = TDistribution.of(welch.getDegreesOfFreedom()).inverseSurvivalProbability(Proportions.ALPHA / 2);
        double difference = meanA - meanB;
        RankTests.RankSum mw = RankTests.rankSum(a, b);
        if (mw.ties()) {
            warnings.add("ties between the values: the Mann-Whitney p-value uses the normal approximation with tie and continuity correction");
        } else if (mw.method() == RankTestMethod.NORMAL_APPROXIMATION) {
            warnings.add("more than " + RankTests.EXACT_LIMIT + " values: the Mann-Whitney p-value uses the normal approximation");
        }
        return new TwoGroupResult(nameA, a.length, meanA, sdA, nameB, b.length, meanB, sdB, difference,
                Interval.around(difference, q * se), welch.getStatistic(), welch.getDegreesOfFreedom(), welch.getPValue(),
                mw.u(), mw.p(), mw.method(), EffectSizes.hedgesG(meanA, sdA, a.length, meanB, sdB, b.length),
                EffectSizes.rankBiserial(mw.u(), a.length, b.length), List.copyOf(warnings));
    }

    /**
     * Compares xA responders of nA with xB of nB. The risk difference interval is Newcombe's hybrid
     * score interval (Newcombe 1998, Stat Med 17:873, method 10), built from the two Wilson intervals
     * (l1, u1) and (l2, u2) of p1 = xA / nA and p2 = xB / nB:
     * D - sqrt((p1 - l1)^2 + (u2 - p2)^2) .. D + sqrt((u1 - p1)^2 + (p2 - l2)^2), D = p1 - p2.
     */
    public static ResponderComparison responders(int xA, int nA, int xB, int nB) {
        Proportion a = Proportions.wilson(xA, nA);
        Proportion b = Proportions.wilson(xB, nB);
        double d = a.rate() - b.rate();
        double lower = d - Math.hypot(a.rate() - a.ci95().lower(), b.ci95().upper() - b.rate());
        double upper = d + Math.hypot(a.ci95().upper() - a.rate(), b.rate() - b.ci95().lower());
        double p = FisherExactTest.withDefaults().test(new int[][] {{xA, nA - xA}, {xB, nB - xB}}).getPValue();
        List<String> warnings = new ArrayList<>();
        if (nA < 10 || nB < 10) warnings.add(Check.smallSample(Math.min(nA, nB)) + " (groups of " + nA + " and " + nB + ")");
        return new ResponderComparison(a, b, d, new Interval(lower, upper), p, List.copyOf(warnings));
    }
}
