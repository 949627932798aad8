package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * DoseResponse's regression against NIST StRD Linear Least Squares Regression, data set Norris
 * (https://www.itl.nist.gov/div898/strd/lls/data/Norris.shtml, lower difficulty, 36 observations):
 * certified B0, B1, their standard deviations, the residual standard deviation and R-squared, 15
 * significant digits; asserted to 1e-12 relative.
 */
class NistNorrisRegressionTest {

    @Test
    void slopeInterceptTheirStandardErrorsResidualSdAndR2MatchTheCertifiedValues() {
        NistData norris = NistData.load("Norris");
        double[] y = norris.column(0);
        double[] x = norris.column(1);

        DoseResponseResult fit = DoseResponse.fit(x, y);

        assertThat(fit.n()).isEqualTo(36);
        assertRelative(fit.intercept(), -0.262323073774029);
        assertRelative(fit.interceptStandardError(), 0.232818234301152);
        assertRelative(fit.slope(), 1.00211681802045);
        assertRelative(fit.slopeStandardError(), 0.429796848199937E-03);
        assertRelative(fit.residualSd(), 0.884796396144373);
        assertRelative(fit.r2(), 0.999993745883712);
        assertThat(norris.certifiedValue("B1")).isEqualTo(1.00211681802045);
    }

    @Test
    void intervalsAreTheEstimatePlusMinusTheT34QuantileTimesTheStandardError() {
        NistData norris = NistData.load("Norris");
        DoseResponseResult fit = DoseResponse.fit(norris.column(1), norris.column(0));
        double t34 = 2.032244509317718; // qt(0.975, 34)

        assertThat(fit.slopeCi95().lower()).isCloseTo(1.00211681802045 - t34 * 0.429796848199937E-03, within(1e-12));
        assertThat(fit.slopeCi95().upper()).isCloseTo(1.00211681802045 + t34 * 0.429796848199937E-03, within(1e-12));
        assertThat(fit.interceptCi95().lower()).isCloseTo(-0.262323073774029 - t34 * 0.232818234301152, within(1e-11));
        assertThat(fit.interceptCi95().upper()).isCloseTo(-0.262323073774029 + t34 * 0.232818234301152, within(1e-11));
        assertThat(fit.slopeP()).isLessThan(1e-12);
    }

    private static void assertRelative(double actual, double certified) {
        assertThat(actual).isCloseTo(certified, within(Math.abs(certified) * 1e-12));
    }
}
