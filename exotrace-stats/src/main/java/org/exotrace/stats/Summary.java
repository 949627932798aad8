package org.exotrace.stats;

import java.util.List;

/**
 * Descriptive statistics of one sample, in the unit of the data. The standard deviation has the
 * n - 1 denominator; quartiles are Hyndman and Fan's type 7 (R's default); the lag-1
 * autocorrelation is the NIST StRD definition sum((x[i] - mean)(x[i+1] - mean)) / sum((x[i] - mean)^2).
 */
public record Summary(int n, double mean, double sd, double median, double q1, double q3, double min, double max,
                      double lag1Autocorrelation, List<String> warnings) {
}
