package org.exotrace.stats;

import java.util.List;

/**
 * Dose (or lot attribute) against % change: Spearman's rank correlation and the least-squares line
 * percentChange = intercept + slope * dose. The slope is in % per unit of dose; the intercept in %.
 *
 * @param spearmanP  two-sided p of rho from the t approximation t = rho sqrt((n - 2) / (1 - rho^2)), n - 2 df
 * @param slopeCi95  Student t 95 % interval, n - 2 degrees of freedom (likewise {@code interceptCi95})
 * @param slopeP     two-sided p of the slope against 0
 * @param r2         coefficient of determination
 * @param residualSd residual standard deviation, sqrt(SSE / (n - 2))
 */
public record DoseResponseResult(int n, double spearmanRho, double spearmanP, double slope, Interval slopeCi95,
                                 double slopeStandardError, double slopeP, double intercept, Interval interceptCi95,
                                 double interceptStandardError, double r2, double residualSd, List<String> warnings) {
}
