package org.exotrace.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.descriptive.Max;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Min;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.interval.NormalConfidenceInterval;

/** Summary statistics of a sample (Commons Statistics' accurate mean and variance). */
public final class Descriptives {

    private static final Quantile TYPE_7 = Quantile.withDefaults().withCopy(true).with(Quantile.EstimationMethod.HF7);

    private Descriptives() {
    }

    /**
     * The summary of a sample of at least 2 finite values. Mean and standard deviation come from
     * Commons Statistics, whose array forms make two passes with a correction term, accurate for data
     * with a large mean and a small spread (NIST NumAcc4). The lag-1 autocorrelation is written here
     * (no library offers it): two passes about the accurate mean.
     */
    public static Summary of(double[] x) {
        Check.atLeast("sample", x, 2);
        double mean = Mean.of(x).getAsDouble();
        double sd = StandardDeviation.of(x).getAsDouble();
        double[] q = TYPE_7.evaluate(x, 0.25, 0.5, 0.75);
        List<String> warnings = new ArrayList<>();
        if (x.length < 10) warnings.add(Check.smallSample(x.length));
        return new Summary(x.length, mean, sd, q[1], q[0], q[2], Min.of(x).getAsDouble(), Max.of(x).getAsDouble(),
                lag1(x, mean), List.copyOf(warnings));
    }

    /**
     * The 95 % confidence interval of the mean of a sample of at least 2 finite values: Student's t
     * with n - 1 degrees of freedom (Commons Statistics' normal confidence interval for the mean).
     */
    public static Interval meanCi95(double[] x) {
        Check.atLeast("sample", x, 2);
        org.apache.commons.statistics.interval.Interval ci = NormalConfidenceInterval.MEAN.fromErrorRate(Mean.of(x).getAsDouble(),
                Variance.of(x).getAsDouble(), x.length, 0.05);
        return new Interval(ci.getLowerBound(), ci.getUpperBound());
    }

    private static double lag1(double[] x, double mean) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean;
            den += d * d;
            if (i + 1 < x.length) num += d * (x[i + 1] - mean);
        }
        return den == 0 ? Double.NaN : num / den;
    }
}
