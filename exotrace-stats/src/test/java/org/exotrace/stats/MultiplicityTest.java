package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Holm's adjustment against examples worked by hand. */
class MultiplicityTest {

    /**
     * p = 0.01, 0.04, 0.03, 0.005. Ascending: 0.005 * 4 = 0.02; 0.01 * 3 = 0.03; 0.03 * 2 = 0.06;
     * 0.04 * 1 = 0.04, raised to 0.06 to stay monotone. In input order: 0.03, 0.06, 0.06, 0.02
     * (R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")).
     */
    @Test
    void holmMultipliesByTheRemainingCountAndKeepsTheOrder() {
        assertThat(Multiplicity.holm(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void holmIsCappedAtOne() {
        assertThat(Multiplicity.holm(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
        assertThat(Multiplicity.holm(new double[] {0.5, 0.4})).containsExactly(0.8, 0.8);
        assertThat(Multiplicity.holm(new double[] {0.2})).containsExactly(0.2);
        assertThat(Multiplicity.holm(new double[0])).isEmpty();
    }

    @Test
    void refusesAPValueOutsideZeroToOne() {
        assertThatThrownBy(() -> Multiplicity.holm(new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p[1] = NaN must lie between 0 and 1");
    }
}
