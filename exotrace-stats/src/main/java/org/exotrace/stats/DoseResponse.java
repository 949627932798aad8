package org.exotrace.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.statistics.distribution.TDistribution;

/** Dose-response: Spearman's rho and a simple linear regression with intervals (Commons Math). */
public final class DoseResponse {

    private DoseResponse() {
    }

    /**
     * Fits percentChange against dose. Spearman's rho (average ranks for ties) and the least-squares fit
     * come from Commons Math (the fit by QR decomposition, OLSMultipleLinearRegression: its standard errors
     * meet the NIST Norris certified digits, where SimpleRegression's running sums lose about 2 of them);
     * the slope's p is two-sided from Student's t on n - 2 degrees of freedom. The p-value of rho is written here with the t approximation on n - 2 degrees of
     * freedom (no library gives it; it is rough for n below about 10, where exact tables are better).
     *
     * @throws IllegalArgumentException when the lengths differ, a value is not finite, there are fewer
     *                                  than 3 points, or every dose is the same
     */
    public static DoseResponseResult fit(double[] dose, double[] percentChange) {
        Check.pairs("dose", dose, "% change", percentChange, 3);
        int n = dose.length;
        if (Arrays.stream(dose).allMatch(d -> d == dose[0])) {
            throw new IllegalArgumentException("every dose is the same: no slope can be fitted");
        }
        OLSMultipleLinearRegression reg = new OLSMultipleLinearRegression();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = new double[] {dose[i]};
        reg.newSampleData(percentChange, x);
        double[] b = reg.estimateRegressionParameters();
        double[] se = reg.estimateRegressionParametersStandardErrors();
        List<String> warnings = new ArrayList<>();
        if (n < 10) warnings.add(Check.smallSample(n));
        double rho = new SpearmansCorrelation().correlation(dose, percentChange);
        TDistribution t = TDistribution.of(n - 2);
        double q = t.inverseSurvivalProbability(Proportions.ALPHA / 2);
        double slopeP = se[1] > 0 ? 2 * t.survivalProbability(Math.abs(b[1] / se[1])) : 0;
        return new DoseResponseResult(n, rho, spearmanP(rho, t, n), b[1], Interval.around(b[1], q * se[1]), se[1], slopeP,
                b[0], Interval.around(b[0], q * se[0]), se[0], reg.calculateRSquared(), reg.estimateRegressionStandardError(),
                List.copyOf(warnings));
    }

    private static double spearmanP(double rho, TDistribution t, int n) {
        if (Double.isNaN(rho)) return Double.NaN;
        if (Math.abs(rho) >= 1) return 0;
        double stat = Math.abs(rho) * Math.sqrt((n - 2) / (1 - rho * rho));
        return Math.min(1, 2 * t.survivalProbability(stat));
    }
}
