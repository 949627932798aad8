package org.exotrace.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The two rank tests with one rule for the p-value: exact when there are at most {@value #EXACT_LIMIT}
 * values, no ties and (signed-rank) no zero differences; otherwise the normal approximation, whose
 * variance Commons Statistics corrects for ties, with a continuity correction of 0.5.
 */
final class RankTests {

    static final int EXACT_LIMIT = 50;

    private RankTests() {
    }

    /** Wilcoxon signed-rank on differences; V is the sum of the ranks of the positive differences. */
    record SignedRank(double statistic, double p, RankTestMethod method, int used, int zeros, boolean ties) {
    }

    /** Mann-Whitney U for the first sample (the number of pairs in which it is the larger, ties counting half). */
    record RankSum(double u, double p, RankTestMethod method, boolean ties) {
    }

    /**
     * Zero differences are dropped before ranking (Wilcoxon's original method, R's default), so the
     * test runs on the non-zero differences only.
     */
    static SignedRank signedRank(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int zeros = differences.length - nonZero.length;
        if (nonZero.length == 0) {
            return new SignedRank(0, Double.NaN, RankTestMethod.NORMAL_APPROXIMATION, 0, zeros, false);
        }
        boolean ties = hasTies(Arrays.stream(nonZero).map(Math::abs).toArray());
        RankTestMethod method = nonZero.length <= EXACT_LIMIT && !ties && zeros == 0
                ? RankTestMethod.EXACT : RankTestMethod.NORMAL_APPROXIMATION;
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults()
                .with(pValueMethod(method))
                .with(ContinuityCorrection.ENABLED)
                .test(nonZero);
        return new SignedRank(r.getStatistic(), r.getPValue(), method, nonZero.length, zeros, ties);
    }

    static RankSum rankSum(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        boolean ties = hasTies(all);
        RankTestMethod method = all.length <= EXACT_LIMIT && !ties ? RankTestMethod.EXACT : RankTestMethod.NORMAL_APPROXIMATION;
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults()
                .with(pValueMethod(method))
                .with(ContinuityCorrection.ENABLED)
                .test(a, b);
        return new RankSum(r.getStatistic(), r.getPValue(), method, ties);
    }

    static void warn(SignedRank r, List<String> warnings) {
        if (r.zeros() > 0) {
            warnings.add(r.zeros() + " zero difference" + (r.zeros() == 1 ? "" : "s")
                    + " dropped from the Wilcoxon signed-rank test (Wilcoxon's method)");
        }
        if (r.used() == 0) {
            warnings.add("every difference is zero: the Wilcoxon signed-rank test is undefined");
        } else if (r.ties()) {
            warnings.add("ties among the absolute differences: the Wilcoxon p-value uses the normal approximation"
                    + " with tie and continuity correction");
        } else if (r.method() == RankTestMethod.NORMAL_APPROXIMATION && r.zeros() == 0) {
            warnings.add("more than " + EXACT_LIMIT + " differences: the Wilcoxon p-value uses the normal approximation");
        }
    }

    private static PValueMethod pValueMethod(RankTestMethod method) {
        return method == RankTestMethod.EXACT ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
    }

    private static boolean hasTies(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) return true;
        }
        return false;
    }
}
