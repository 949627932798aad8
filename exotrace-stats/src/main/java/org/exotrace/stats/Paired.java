package org.exotrace.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;

/** Change from baseline: paired t with its interval, Wilcoxon signed-rank, effect size and responders. */
public final class Paired {

    /**
     * Relative slack of the responder boundary, so that a follow-up written exactly at (100 - PCT) % of
     * baseline in decimal (5.6 of 22.4 for EASI-75) counts although binary doubles round the product.
     */
    private static final double BOUNDARY = 1e-9;

    private Paired() {
    }

    /**
     * Whether a follow-up responds: the baseline is above 0 and the follow-up is at most (100 - PCT) %
     * of it, the boundary included with a relative slack of 1e-9 (so 0.56 of 5.6 is EASI-90). The one
     * responder rule of Exotrace: analyses, costs and this class all ask it.
     */
    public static boolean responds(double baseline, double followUp, double dropPercent) {
        return baseline > 0 && 100 * followUp <= (100 - dropPercent) * baseline * (1 + BOUNDARY);
    }

    /**
     * Analyses pairs (baseline[i], followup[i]). The change is follow-up minus baseline. With
     * {@code responderDropPercent} (0 < PCT <= 100) a pair responds when follow-up <= (100 - PCT) % of
     * baseline (EASI-75: PCT = 75; the boundary itself counts, with a relative slack of 1e-9 for decimal
     * rounding); a baseline of 0 or below cannot respond and is counted as a
     * non-responder with a warning. The responder rate is over all n pairs, with a Wilson 95 % interval.
     *
     * @throws IllegalArgumentException when the lengths differ, a value is not finite, there are fewer
     *                                  than 2 pairs or PCT is outside (0, 100]
     */
    public static PairedResult analyse(double[] baseline, double[] followup, Double responderDropPercent) {
        Check.pairs("baseline", baseline, "follow-up", followup, 2);
        if (responderDropPercent != null && !(responderDropPercent > 0 && responderDropPercent <= 100)) {
            throw new IllegalArgumentException("responder drop " + responderDropPercent + " % must be above 0 and at most 100");
        }
        int n = baseline.length;
        List<String> warnings = new ArrayList<>();
        if (n < 10) warnings.add(Check.smallSample(n));
        double[] change = new double[n];
        for (int i = 0; i < n; i++) change[i] = followup[i] - baseline[i];
        double meanChange = Mean.of(change).getAsDouble();
        double sd = StandardDeviation.of(change).getAsDouble();
        double t = Double.NaN;
        double p = Double.NaN;
        Interval ci;
        if (sd > 0) {
            TTest.Result r = TTest.withDefaults().pairedTest(followup, baseline);
            t = r.getStatistic();
            p = r.getPValue();
            double q = TDistribution.of(n - 1).inverseSurvivalProbability(Proportions.ALPHA / 2);
            ci = Interval.around(meanChange, q * sd / Math.sqrt(n));
        } else {
            ci = new Interval(meanChange, meanChange);
            warnings.add("every change is the same: the t test is undefined and the interval has no width");
        }
        RankTests.SignedRank w = RankTests.signedRank(change);
        RankTests.warn(w, warnings);
        Proportion responders = responderDropPercent == null ? null : responders(baseline, followup, responderDropPercent, warnings);
        return new PairedResult(n, Mean.of(baseline).getAsDouble(), Mean.of(followup).getAsDouble(), meanChange, ci, sd, t, p,
                w.statistic(), w.p(), w.method(), meanPercentChange(baseline, change, warnings),
                EffectSizes.cohenDz(meanChange, sd), responderDropPercent, responders, List.copyOf(warnings));
    }

    private static double meanPercentChange(double[] baseline, double[] change, List<String> warnings) {
        double sum = 0;
        int used = 0;
        for (int i = 0; i < baseline.length; i++) {
            if (baseline[i] != 0) {
                sum += 100 * change[i] / baseline[i];
                used++;
            }
        }
        if (used < baseline.length) {
            int zero = baseline.length - used;
            warnings.add(zero + " pair" + (zero == 1 ? " has" : "s have") + " a baseline of 0: left out of the mean % change");
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    private static Proportion responders(double[] baseline, double[] followup, double dropPercent, List<String> warnings) {
        int x = 0;
        int cannot = 0;
        for (int i = 0; i < baseline.length; i++) {
            if (baseline[i] <= 0) {
                cannot++;
            } else if (responds(baseline[i], followup[i], dropPercent)) {
                x++;
            }
        }
        if (cannot > 0) {
            warnings.add(cannot + " pair" + (cannot == 1 ? " has" : "s have") + " a baseline of 0 or below and cannot respond:"
                    + " counted as non-responder" + (cannot == 1 ? "" : "s"));
        }
        return Proportions.wilson(x, baseline.length);
    }
}
