package org.exotrace.shared.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NiceScaleUnitTest {

    @Test
    void roundsARawStepUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(NiceScale.step(0.7)).isEqualTo(1);
        assertThat(NiceScale.step(1.3)).isEqualTo(2);
        assertThat(NiceScale.step(23)).isEqualTo(50);
        assertThat(NiceScale.step(0.06)).isEqualTo(0.1);
        assertThat(NiceScale.stepWithQuarters(23)).isEqualTo(25);
    }

    @Test
    void anAxisFromZeroEndsOnAStepAtOrAboveTheTopAndListsItsTicks() {
        NiceScale.Axis axis = NiceScale.fromZero(23, 4);

        assertThat(axis.step()).isEqualTo(10);
        assertThat(axis.max()).isEqualTo(30);
        assertThat(axis.ticks()).containsExactly(0.0, 10.0, 20.0, 30.0);
        assertThat(NiceScale.fromZero(0, 4).ticks()).hasSize(2);
        assertThat(axis.endingAt(25).ticks()).containsExactly(0.0, 10.0, 20.0);
    }

    @Test
    void printsChartNumbersWithADotAndAsFewOrAsManyDecimalsAsAsked() {
        assertThat(ChartNumbers.trimmed(12.0004, 3)).isEqualTo("12");
        assertThat(ChartNumbers.trimmed(0.1 + 0.2, 3)).isEqualTo("0.3");
        assertThat(ChartNumbers.trimmed(100, 3)).isEqualTo("100");
        assertThat(ChartNumbers.fixed(0.25, 2)).isEqualTo("0.25");
        assertThat(ChartNumbers.wholeOrFixed(204.0000000001, 1)).isEqualTo("204");
        assertThat(ChartNumbers.wholeOrFixed(204.04, 1)).isEqualTo("204.0");
        assertThat(ChartNumbers.decimals(5)).isZero();
        assertThat(ChartNumbers.decimals(0.25)).isEqualTo(2);
    }
}
