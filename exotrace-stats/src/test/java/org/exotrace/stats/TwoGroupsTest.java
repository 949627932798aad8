package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Two independent groups against published reference values. */
class TwoGroupsTest {

    /**
     * R's ?t.test example, t.test(extra ~ group, data = sleep) (Welch, the default): t = -1.8608,
     * df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 .. 0.2054832.
     */
    @Test
    void welchAgreesWithRsSleepExample() {
        TwoGroupResult r = TwoGroups.compare("drug 1", PairedTest.SLEEP_1, "drug 2", PairedTest.SLEEP_2);

        assertThat(r.difference()).isCloseTo(-1.58, within(1e-12));
        assertThat(r.welchT()).isCloseTo(-1.8608, within(5e-5));
        assertThat(r.welchDf()).isCloseTo(17.776, within(5e-4));
        assertThat(r.welchP()).isCloseTo(0.07939, within(5e-6));
        assertThat(r.differenceCi95().lower()).isCloseTo(-3.3654832, within(5e-8));
        assertThat(r.differenceCi95().upper()).isCloseTo(0.2054832, within(5e-8));
        assertThat(r.nameA()).isEqualTo("drug 1");
    }

    /**
     * Hollander and Wolfe (1973, p. 69), R's ?wilcox.test example: permeability constants at term (x)
     * and 12-26 weeks (y), wilcox.test(x, y, alternative = "greater") gives W = 35, p-value = 0.1272;
     * two-sided 0.2544 (exact: 15 values, no ties).
     */
    @Test
    void mannWhitneyIsExactWithoutTiesAndAgreesWithHollanderAndWolfe() {
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};

        TwoGroupResult r = TwoGroups.compare("term", x, "12-26 weeks", y);

        assertThat(r.mannWhitneyMethod()).isEqualTo(RankTestMethod.EXACT);
        assertThat(r.mannWhitneyU()).isEqualTo(35);
        assertThat(r.mannWhitneyP()).isCloseTo(0.2544, within(5e-5));
        assertThat(r.mannWhitneyP() / 2).isCloseTo(0.1272, within(5e-5));
        assertThat(r.rankBiserial()).isCloseTo(2 * 35 / 50.0 - 1, within(1e-12));
        assertThat(r.warnings()).containsExactly(
                "n = 5 is small: intervals are wide and the normal approximation is rough (term 10, 12-26 weeks 5)");
    }

    /**
     * With ties: A = 1..5, B = 2..7, U = 8, E(U) = 15, Var(U) = 30 / 12 * (12 - 4 * 6 / 110) = 29.4545,
     * z = (8 - 15 + 0.5) / sqrt(29.4545) = -1.19767, two-sided p = 0.231045 (worked by hand;
     * scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=True) agrees).
     */
    @Test
    void tiesSwitchMannWhitneyToTheTieCorrectedNormalApproximationAndSaySo() {
        TwoGroupResult r = TwoGroups.compare("A", new double[] {1, 2, 3, 4, 5}, "B", new double[] {2, 3, 4, 5, 6, 7});

        assertThat(r.mannWhitneyMethod()).isEqualTo(RankTestMethod.NORMAL_APPROXIMATION);
        assertThat(r.mannWhitneyU()).isEqualTo(8);
        assertThat(r.mannWhitneyP()).isCloseTo(0.231045, within(5e-7));
        assertThat(r.warnings()).contains(
                "ties between the values: the Mann-Whitney p-value uses the normal approximation with tie and continuity correction");
    }

    /**
     * Hedges' g by hand for the sleep groups: pooled SD sqrt((9 * 3.2005556 + 9 * 4.0090000) / 18) = 1.8986252,
     * d = -1.58 / 1.8986254 = -0.8321811, J = 1 - 3 / (4 * 18 - 1) = 0.9577465, g = -0.7970185.
     */
    @Test
    void hedgesGIsCohensDWithTheSmallSampleCorrection() {
        TwoGroupResult r = TwoGroups.compare("1", PairedTest.SLEEP_1, "2", PairedTest.SLEEP_2);

        assertThat(r.hedgesG()).isCloseTo(-0.7970185, within(5e-7));
    }

    /** Fisher's tea-tasting experiment, R's ?fisher.test: fisher.test(matrix(c(3, 1, 1, 3), 2)) p-value = 0.4857. */
    @Test
    void fisherExactAgreesWithTheTeaTastingExample() {
        ResponderComparison r = TwoGroups.responders(3, 4, 1, 4);

        assertThat(r.fisherP()).isCloseTo(0.4857, within(5e-5));
        assertThat(r.riskDifference()).isEqualTo(0.5);
    }

    /**
     * Newcombe (1998), Interval estimation for the difference between independent proportions, Stat Med
     * 17:873-890, Table II example (b): 56/70 vs 48/80, method 10 (hybrid score): 0.0524 .. 0.3339.
     */
    @Test
    void riskDifferenceIntervalIsNewcombesMethod10() {
        ResponderComparison r = TwoGroups.responders(56, 70, 48, 80);

        assertThat(r.riskDifference()).isCloseTo(0.2, within(1e-12));
        assertThat(r.riskDifferenceCi95().lower()).isCloseTo(0.0524, within(5e-5));
        assertThat(r.riskDifferenceCi95().upper()).isCloseTo(0.3339, within(5e-5));
        assertThat(r.a().rate()).isEqualTo(0.8);
        assertThat(r.b().method()).isEqualTo("Wilson score");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void refusesGroupsThatCannotBeCompared() {
        assertThatThrownBy(() -> TwoGroups.compare("A", new double[] {1}, "B", new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A has 1 value: at least 2 are needed");
        assertThatThrownBy(() -> TwoGroups.compare("A", new double[] {1, 1}, "B", new double[] {2, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to test");
        assertThatThrownBy(() -> TwoGroups.responders(5, 4, 1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x = 5 must lie between 0 and n = 4");
    }
}
