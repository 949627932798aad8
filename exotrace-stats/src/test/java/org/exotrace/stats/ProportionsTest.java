package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Binomial intervals against Newcombe (1998), Two-sided confidence intervals for the single proportion:
 * comparison of seven methods, Stat Med 17:857-872, Table I, examples 81/263 and 15/148 (4 decimals).
 */
class ProportionsTest {

    @Test
    void wilsonMatchesNewcombesMethod3() {
        Proportion a = Proportions.wilson(81, 263);
        Proportion b = Proportions.wilson(15, 148);

        assertThat(a.rate()).isCloseTo(81 / 263.0, within(1e-15));
        assertThat(a.ci95().lower()).isCloseTo(0.2553, within(5e-5));
        assertThat(a.ci95().upper()).isCloseTo(0.3662, within(5e-5));
        assertThat(b.ci95().lower()).isCloseTo(0.0624, within(5e-5));
        assertThat(b.ci95().upper()).isCloseTo(0.1605, within(5e-5));
        assertThat(a.method()).isEqualTo("Wilson score");
    }

    /** Clopper-Pearson (Newcombe's method 5): 81/263 -> 0.2527 .. 0.3676, 15/148 -> 0.0578 .. 0.1617. */
    @Test
    void exactMatchesNewcombesMethod5() {
        Proportion a = Proportions.exact(81, 263);
        Proportion b = Proportions.exact(15, 148);

        assertThat(a.ci95().lower()).isCloseTo(0.2527, within(5e-5));
        assertThat(a.ci95().upper()).isCloseTo(0.3676, within(5e-5));
        assertThat(b.ci95().lower()).isCloseTo(0.0578, within(5e-5));
        assertThat(b.ci95().upper()).isCloseTo(0.1617, within(5e-5));
        assertThat(a.method()).isEqualTo("Clopper-Pearson exact");
    }

    @Test
    void noEventsStillGiveAnUpperBoundAndASmallSampleWarning() {
        Proportion p = Proportions.exact(0, 5);

        assertThat(p.ci95().lower()).isEqualTo(0);
        // 1 - 0.025^(1/5)
        assertThat(p.ci95().upper()).isCloseTo(1 - Math.pow(0.025, 0.2), within(1e-12));
        assertThat(p.warnings()).containsExactly("n = 5 is small: intervals are wide and the normal approximation is rough");
    }

    @Test
    void refusesCountsThatAreNotAProportion() {
        assertThatThrownBy(() -> Proportions.wilson(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n = 0: the number of trials must be at least 1");
        assertThatThrownBy(() -> Proportions.wilson(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x = -1 must lie between 0 and n = 3");
    }
}
