package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Paired change from baseline against published reference values and a seeded coverage simulation. */
class PairedTest {

    /** Student's sleep data (Cushny and Peebles 1905; R's datasets::sleep), extra hours of sleep per drug. */
    static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    /**
     * R's ?t.test example, with(sleep, t.test(extra[group == 1], extra[group == 2], paired = TRUE)):
     * t = -4.0621, df = 9, p-value = 0.002833, 95 % CI -2.4598858 .. -0.7001142, mean difference -1.58.
     */
    @Test
    void pairedTAgreesWithRsSleepExample() {
        PairedResult r = Paired.analyse(SLEEP_2, SLEEP_1, null);

        assertThat(r.n()).isEqualTo(10);
        assertThat(r.meanChange()).isCloseTo(-1.58, within(1e-12));
        assertThat(r.tStatistic()).isCloseTo(-4.0621, within(5e-5));
        assertThat(r.tTestP()).isCloseTo(0.002833, within(5e-7));
        assertThat(r.meanChangeCi95().lower()).isCloseTo(-2.4598858, within(5e-8));
        assertThat(r.meanChangeCi95().upper()).isCloseTo(-0.7001142, within(5e-8));
        assertThat(r.cohenDz()).isCloseTo(-1.58 / r.sdChange(), within(1e-12));
        assertThat(r.responders()).isNull();
    }

    /**
     * Hollander and Wolfe (1973, p. 29), depression scale factor IV at the first (x) and second (y)
     * visit, R's ?wilcox.test example: wilcox.test(x, y, paired = TRUE, alternative = "greater") gives
     * V = 40, p-value = 0.01953; two-sided 0.03906 (exact: n = 9, no ties, no zeros).
     */
    @Test
    void wilcoxonIsExactForNineUntiedPairsAndAgreesWithHollanderAndWolfe() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

        PairedResult r = Paired.analyse(y, x, null);

        assertThat(r.wilcoxonMethod()).isEqualTo(RankTestMethod.EXACT);
        assertThat(r.wilcoxonV()).isEqualTo(40);
        assertThat(r.wilcoxonP()).isCloseTo(0.03906, within(5e-6));
        assertThat(r.wilcoxonP() / 2).isCloseTo(0.01953, within(5e-6));
        assertThat(r.warnings()).containsExactly("n = 9 is small: intervals are wide and the normal approximation is rough");
    }

    /**
     * With tied absolute changes and a zero change, the zero is dropped and the p-value is the normal
     * approximation with tie and continuity correction. Worked by hand: the 10 non-zero changes
     * -3, -2, -2, -1, 1, -4, -5, -3, -2, -6 give V = 1.5 (the +1 shares ranks 1-2 with the -1),
     * E(V) = 27.5, Var(V) = 10 * 11 * 21 / 24 - (6 + 24 + 6) / 48 = 95.5,
     * z = (1.5 - 27.5 + 0.5) / sqrt(95.5) = -2.6094, two-sided p = 0.009070 (R's wilcox.test(..., exact =
     * FALSE, correct = TRUE) formula; scipy.stats.wilcoxon(zero_method="wilcox", correction=True) agrees).
     */
    @Test
    void tiesAndZerosSwitchWilcoxonToTheCorrectedNormalApproximationAndSaySo() {
        double[] baseline = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        double[] followup = {7, 8, 8, 9, 10, 11, 6, 5, 7, 8, 4};

        PairedResult r = Paired.analyse(baseline, followup, null);

        assertThat(r.wilcoxonMethod()).isEqualTo(RankTestMethod.NORMAL_APPROXIMATION);
        assertThat(r.wilcoxonV()).isEqualTo(1.5);
        assertThat(r.wilcoxonP()).isCloseTo(0.009070, within(5e-7));
        assertThat(r.warnings()).contains(
                "1 zero difference dropped from the Wilcoxon signed-rank test (Wilcoxon's method)",
                "ties among the absolute differences: the Wilcoxon p-value uses the normal approximation with tie and continuity correction");
    }

    @Test
    void aResponderIsAFollowUpAtMostTheRemainingPercentOfBaselineWithAWilsonInterval() {
        double[] baseline = {20, 20, 20, 20, 0, 30, 30, 30, 30, 30};
        double[] followup = {5, 5.1, 4, 20, 0, 3, 3.1, 30, 12, 2};

        PairedResult r = Paired.analyse(baseline, followup, 75.0);

        // responders: 5 (exactly 25 %), 4, 3, 3.1, 2 -> 5 of 10; the zero baseline cannot respond
        assertThat(r.responders().successes()).isEqualTo(5);
        assertThat(r.responders().n()).isEqualTo(10);
        assertThat(r.responders().rate()).isEqualTo(0.5);
        // Wilson 5/10: 0.2365931 .. 0.7634069 (the score formula; scipy.stats.binomtest(5, 10).proportion_ci("wilson") agrees)
        assertThat(r.responders().ci95().lower()).isCloseTo(0.2365931, within(5e-8));
        assertThat(r.responders().ci95().upper()).isCloseTo(0.7634069, within(5e-8));
        assertThat(r.warnings()).contains(
                "1 pair has a baseline of 0 or below and cannot respond: counted as non-responder",
                "1 pair has a baseline of 0: left out of the mean % change");
    }

    @Test
    void aFollowUpExactlyAtTheBoundaryInDecimalCountsAsAResponder() {
        // 100 * 1.1 = 110.00000000000001 > (100 - 90) * 11 = 110 in doubles, though 1.1 is exactly 10 % of 11
        assertThat(100 * 1.1).isGreaterThan(10 * 11.0);
        PairedResult r = Paired.analyse(new double[] {11, 0.7, 10}, new double[] {1.1, 0.07, 1.2}, 90.0);

        assertThat(r.responders().successes()).isEqualTo(2);
    }

    @Test
    void meanPercentChangeIsTheMeanOfEachPairsPercentChange() {
        PairedResult r = Paired.analyse(new double[] {10, 20, 40}, new double[] {5, 20, 50}, null);

        assertThat(r.meanPercentChange()).isCloseTo((-50 + 0 + 25) / 3.0, within(1e-12));
        assertThat(r.meanBaseline()).isCloseTo(70 / 3.0, within(1e-12));
        assertThat(r.meanFollowup()).isCloseTo(25, within(1e-12));
    }

    @Test
    void refusesInputAPersonMustCorrect() {
        assertThatThrownBy(() -> Paired.analyse(new double[] {1, 2, 3}, new double[] {1, 2}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lengths differ: baseline has 3 values, follow-up has 2; they must be paired one to one");
        assertThatThrownBy(() -> Paired.analyse(new double[] {1, Double.NaN}, new double[] {1, 2}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline[1] is NaN: every value must be a finite number");
        assertThatThrownBy(() -> Paired.analyse(new double[] {1}, new double[] {2}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fewer than 2 pairs (1 given)");
        assertThatThrownBy(() -> Paired.analyse(new double[] {1, 2}, new double[] {2, 3}, 120.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be above 0 and at most 100");
    }

    @Test
    void identicalChangesGiveNoTestButAWarningInsteadOfAnError() {
        PairedResult r = Paired.analyse(new double[] {5, 6, 7}, new double[] {4, 5, 6}, null);

        assertThat(r.meanChange()).isEqualTo(-1);
        assertThat(r.tTestP()).isNaN();
        assertThat(r.warnings()).contains("every change is the same: the t test is undefined and the interval has no width");
    }

    @Test
    void sameInputGivesTheSameResult() {
        assertThat(Paired.analyse(SLEEP_2, SLEEP_1, 50.0)).isEqualTo(Paired.analyse(SLEEP_2, SLEEP_1, 50.0));
    }

    /**
     * Seeded simulation: 2,000 replicates of 20 pairs, baseline N(30, 6^2), change N(-4, 5^2). The t
     * interval must cover the true mean change -4 in 93-97 % of replicates (nominal 95 %; the binomial
     * standard error of 2,000 replicates is 0.49 %).
     */
    @Test
    void meanChangeIntervalCoversTheTrueChangeInAbout95PercentOfSeededReplicates() {
        Random random = new Random(20261207L);
        int covered = 0;
        int replicates = 2000;
        for (int rep = 0; rep < replicates; rep++) {
            double[] baseline = new double[20];
            double[] followup = new double[20];
            for (int i = 0; i < 20; i++) {
                baseline[i] = 30 + 6 * random.nextGaussian();
                followup[i] = baseline[i] - 4 + 5 * random.nextGaussian();
            }
            if (Paired.analyse(baseline, followup, null).meanChangeCi95().contains(-4)) covered++;
        }
        assertThat(covered / (double) replicates).isBetween(0.93, 0.97);
    }
}
