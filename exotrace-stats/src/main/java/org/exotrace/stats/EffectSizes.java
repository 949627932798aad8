package org.exotrace.stats;

/** Standardised effect sizes, written here because Commons Statistics and Commons Math do not offer them. */
public final class EffectSizes {

    private EffectSizes() {
    }

    /**
     * Cohen's d_z for paired data: the mean difference over the standard deviation of the differences
     * (Cohen 1988, Statistical Power Analysis, eq. 2.3.5). NaN when every difference is equal.
     */
    public static double cohenDz(double meanDifference, double sdDifference) {
        return sdDifference > 0 ? meanDifference / sdDifference : Double.NaN;
    }

    /**
     * Hedges' g: Cohen's d with the pooled standard deviation, times the small-sample correction
     * J = 1 - 3 / (4 (nA + nB - 2) - 1) (Hedges 1981, J Educ Stat 6:107; Borenstein et al. 2009, eq. 4.22).
     */
    public static double hedgesG(double meanA, double sdA, int nA, double meanB, double sdB, int nB) {
        int df = nA + nB - 2;
        double pooled = Math.sqrt(((nA - 1) * sdA * sdA + (nB - 1) * sdB * sdB) / df);
        if (!(pooled > 0)) return Double.NaN;
        double j = 1 - 3.0 / (4.0 * df - 1);
        return j * (meanA - meanB) / pooled;
    }

    /**
     * The rank-biserial correlation of two samples from the Mann-Whitney U of sample A:
     * r = 2 U / (nA nB) - 1, from -1 (every B larger) to +1 (every A larger) (Kerby 2014, Compr Psychol 3:11).
     */
    public static double rankBiserial(double uA, int nA, int nB) {
        return 2 * uA / ((double) nA * nB) - 1;
    }
}
