package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Descriptives beyond the NIST data: the caller's array and bad input. */
class DescriptivesTest {

    @Test
    void leavesTheCallersArrayInItsOrder() {
        double[] x = {5, 1, 4, 2, 3};

        Summary s = Descriptives.of(x);

        assertThat(x).containsExactly(5, 1, 4, 2, 3);
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.q1()).isEqualTo(2);
        assertThat(s.q3()).isEqualTo(4);
        assertThat(s.warnings()).containsExactly("n = 5 is small: intervals are wide and the normal approximation is rough");
    }

    /**
     * Student's sleep data, group 1 (R's {@code t.test(extra[group == 1])}, documented in R's
     * {@code ?sleep}): mean 0.75, 95 percent CI -0.5297804 to 2.0297804.
     */
    @Test
    void theMeansIntervalIsStudentsTAsRPrintsItForTheSleepData() {
        double[] group1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};

        Interval ci = Descriptives.meanCi95(group1);

        assertThat(ci.lower()).isCloseTo(-0.5297804, org.assertj.core.data.Offset.offset(5e-8));
        assertThat(ci.upper()).isCloseTo(2.0297804, org.assertj.core.data.Offset.offset(5e-8));
    }

    @Test
    void refusesFewerThanTwoValuesOrAValueThatIsNotANumber() {
        assertThatThrownBy(() -> Descriptives.of(new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample has 1 value: at least 2 are needed");
        assertThatThrownBy(() -> Descriptives.of(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample[1] is Infinity: every value must be a finite number");
    }
}
