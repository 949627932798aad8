package org.exotrace.nta.distribution;

import org.exotrace.nta.sizing.Diameter;

/**
 * Summary statistics of a number distribution on a grid, in the terms vendors report.
 *
 * <ul>
 * <li>mean = Σ_j f_j d_j and SD = √(Σ_j f_j (d_j − mean)²), over the grid nodes d_j with
 *     fractions f_j (population SD, no n−1 correction);</li>
 * <li>mode = the node with the largest number density per nm, f_j / (bin width_j); on a linear
 *     grid simply the node with the largest fraction;</li>
 * <li>D10, D50, D90 = diameters below which 10%, 50%, 90% of the particles lie, from the CDF
 *     that spreads each bin's fraction uniformly between its edges (linear interpolation).</li>
 * </ul>
 *
 * @param mean mean diameter
 * @param mode modal diameter
 * @param sd   standard deviation of the diameter
 * @param d10  10th percentile
 * @param d50  median
 * @param d90  90th percentile
 */
public record DistributionStats(Diameter mean, Diameter mode, Diameter sd, Diameter d10, Diameter d50, Diameter d90) {

    public static DistributionStats of(NumberDistribution distribution) {
        DiameterGrid grid = distribution.grid();
        double mean = 0;
        int mode = 0;
        double bestDensity = -1;
        for (int j = 0; j < grid.size(); j++) {
            double f = distribution.fraction(j);
            mean += f * grid.nanometres(j);
            double density = f / grid.binWidth(j);
            if (density > bestDensity) {
                bestDensity = density;
                mode = j;
            }
        }
        double var = 0;
        for (int j = 0; j < grid.size(); j++) {
            double dev = grid.nanometres(j) - mean;
            var += distribution.fraction(j) * dev * dev;
        }
        return new DistributionStats(Diameter.ofNanometres(mean), Diameter.ofNanometres(grid.nanometres(mode)),
                Diameter.ofNanometres(Math.sqrt(var)), Diameter.ofNanometres(distribution.quantile(0.1)),
                Diameter.ofNanometres(distribution.quantile(0.5)), Diameter.ofNanometres(distribution.quantile(0.9)));
    }
}
