package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Descriptives against the NIST Statistical Reference Datasets, Univariate Summary Statistics
 * (https://www.itl.nist.gov/div898/strd/univ/homepage.html): certified sample mean, standard deviation
 * (n - 1) and lag-1 autocorrelation, 15 significant digits.
 */
class NistUnivariateTest {

    private static final double RELATIVE = 1e-12;

    /** Data sets whose values a double holds exactly enough that the certified digits are reachable. */
    @ParameterizedTest
    @ValueSource(strings = {"PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2"})
    void meanSdAndAutocorrelationMatchTheCertifiedValuesTo1e12Relative(String name) {
        NistData data = NistData.load(name);
        Summary s = Descriptives.of(data.column(0));

        assertThat(s.n()).isEqualTo(data.rows().size());
        assertRelative(s.mean(), data.certifiedValue("mean"));
        assertRelative(s.sd(), data.certifiedValue("standard deviation"));
        assertRelative(s.lag1Autocorrelation(), data.certifiedValue("lag-1 autocorrelation"));
    }

    /**
     * NumAcc3 (values 1000000.2 +- 0.1) and NumAcc4 (10000000.2 +- 0.1) are certified for the decimal
     * data, which a double cannot hold: 10000000.2 is stored with an error near 1e-9, and the standard
     * deviation of the stored values is itself 0.1 only to about 8 digits. So: the mean matches the
     * certified mean to 1e-12 relative; the standard deviation matches the exact standard deviation of
     * the stored doubles (computed here in 60-digit BigDecimal) to 1e-12 relative, which is all the
     * arithmetic can be asked for, and the certified 0.1 to 1e-8 relative.
     */
    @ParameterizedTest
    @ValueSource(strings = {"NumAcc3", "NumAcc4"})
    void hardDataSetsAreAsAccurateAsTheirDoubleRepresentationAllows(String name) {
        NistData data = NistData.load(name);
        double[] x = data.column(0);
        Summary s = Descriptives.of(x);

        assertRelative(s.mean(), data.certifiedValue("mean"));
        assertRelative(s.sd(), exactSdOfTheDoubles(x));
        assertThat(s.sd()).isCloseTo(data.certifiedValue("standard deviation"), within(1e-8 * 0.1));
        assertThat(s.lag1Autocorrelation()).isCloseTo(data.certifiedValue("lag-1 autocorrelation"), within(1e-6));
    }

    /** Quartiles are R's default type 7: quantile(y, c(.25, .5, .75)) of Lew is -451, -162, 93 (numpy's "linear" agrees). */
    @org.junit.jupiter.api.Test
    void quartilesFollowRsDefaultType7() {
        Summary s = Descriptives.of(NistData.load("Lew").column(0));

        assertThat(s.q1()).isEqualTo(-451);
        assertThat(s.median()).isEqualTo(-162);
        assertThat(s.q3()).isEqualTo(93);
        assertThat(s.min()).isEqualTo(-579);
        assertThat(s.max()).isEqualTo(300);
        assertThat(s.warnings()).isEmpty();
    }

    private static double exactSdOfTheDoubles(double[] x) {
        MathContext mc = new MathContext(60);
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : x) sum = sum.add(new BigDecimal(v));
        BigDecimal mean = sum.divide(BigDecimal.valueOf(x.length), mc);
        BigDecimal ss = BigDecimal.ZERO;
        for (double v : x) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            ss = ss.add(d.multiply(d));
        }
        return ss.divide(BigDecimal.valueOf(x.length - 1), mc).sqrt(mc).doubleValue();
    }

    private static void assertRelative(double actual, double certified) {
        assertThat(actual).isCloseTo(certified, within(Math.abs(certified) * RELATIVE));
    }
}
