package org.exotrace.nta.simulate;

import java.util.random.RandomGenerator;

/**
 * A distribution of particle hydrodynamic diameters (nm) to simulate from, with its exact
 * distribution function and quantiles for ground truth.
 */
public interface SizeDistribution {

    /** One diameter in nm, drawn with the given random source. */
    double sampleNm(RandomGenerator random);

    /** P(diameter ≤ d), d in nm. */
    double cdf(double diameterNm);

    /** The smallest diameter d (nm) with cdf(d) ≥ p, for p in (0, 1); quantile(0.5) is the D50. */
    double quantileNm(double p);

    /** Every particle has diameter {@code diameterNm}. */
    static SizeDistribution monodisperse(double diameterNm) {
        return new Monodisperse(diameterNm);
    }

    /**
     * ln(d) is normal with mean ln(median) and standard deviation ln(geometricSd): quantile(p) =
     * median · geometricSd<sup>Φ⁻¹(p)</sup>.
     *
     * @param medianNm    the median diameter, nm
     * @param geometricSd the geometric standard deviation, &gt; 1 (e.g. 1.3)
     */
    static SizeDistribution lognormal(double medianNm, double geometricSd) {
        return new Lognormal(medianNm, geometricSd);
    }

    /**
     * A mixture: a particle comes from component i with probability weights[i] / Σ weights.
     * Quantiles are found by bisection on the mixture's distribution function.
     */
    static SizeDistribution mixture(double[] weights, SizeDistribution... components) {
        return new Mixture(weights, components);
    }
}
