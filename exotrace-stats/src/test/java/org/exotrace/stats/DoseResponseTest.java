package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Spearman and the regression of DoseResponse (the regression itself is checked against NIST Norris). */
class DoseResponseTest {

    /**
     * Hollander and Wolfe (1973, p. 187), R's ?cor.test example: cor.test(x, y, method = "spearman")
     * gives rho = 0.6, S = 48. Its exact two-sided p is 0.0968 (confirmed by enumerating all 9! rankings
     * when this test was written); the t approximation used here, t = 0.6 sqrt(7 / 0.64) = 1.9843 on
     * 7 df, gives 0.08762, which scipy.stats.spearmanr agrees with.
     */
    @Test
    void spearmanRhoAgreesWithHollanderAndWolfeAndItsPUsesTheTApproximation() {
        double[] x = {44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1};
        double[] y = {2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8};

        DoseResponseResult r = DoseResponse.fit(x, y);

        assertThat(r.spearmanRho()).isCloseTo(0.6, within(1e-12));
        assertThat(r.spearmanP()).isCloseTo(0.08762283, within(5e-9));
        assertThat(r.n()).isEqualTo(9);
        assertThat(r.warnings()).containsExactly("n = 9 is small: intervals are wide and the normal approximation is rough");
    }

    @Test
    void aPerfectLineHasRhoOneAndPZero() {
        DoseResponseResult r = DoseResponse.fit(new double[] {1, 2, 3, 4}, new double[] {-10, -20, -30, -40});

        assertThat(r.spearmanRho()).isEqualTo(-1);
        assertThat(r.spearmanP()).isZero();
        assertThat(r.slope()).isCloseTo(-10, within(1e-12));
        assertThat(r.intercept()).isCloseTo(0, within(1e-12));
    }

    @Test
    void refusesFewerThanThreePointsOrASingleDose() {
        assertThatThrownBy(() -> DoseResponse.fit(new double[] {1, 2}, new double[] {3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fewer than 3 pairs (2 given)");
        assertThatThrownBy(() -> DoseResponse.fit(new double[] {1, 1, 1}, new double[] {3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("every dose is the same: no slope can be fitted");
    }
}
