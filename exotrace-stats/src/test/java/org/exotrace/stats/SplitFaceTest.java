package org.exotrace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Split-face: the within-patient difference of the two sides' changes. */
class SplitFaceTest {

    /**
     * The sleep data read as two sides of the same 10 patients: treated = drug 1, control = drug 2 gives
     * R's paired example (t.test(..., paired = TRUE): p = 0.002833, CI -2.4598858 .. -0.7001142).
     */
    @Test
    void comparesTheSidesPatientByPatient() {
        SplitFaceResult r = SplitFace.compare(PairedTest.SLEEP_1, PairedTest.SLEEP_2);

        assertThat(r.n()).isEqualTo(10);
        assertThat(r.meanDifference()).isCloseTo(-1.58, within(1e-12));
        assertThat(r.tTestP()).isCloseTo(0.002833, within(5e-7));
        assertThat(r.meanDifferenceCi95().lower()).isCloseTo(-2.4598858, within(5e-8));
        assertThat(r.meanDifferenceCi95().upper()).isCloseTo(-0.7001142, within(5e-8));
        // differences: -1.2 -2.4 -1.3 -1.3 0 -1 -1.8 -0.8 -4.6 -1.4: a zero and ties -> normal approximation
        assertThat(r.wilcoxonMethod()).isEqualTo(RankTestMethod.NORMAL_APPROXIMATION);
        assertThat(r.cohenDz()).isCloseTo(-1.58 / r.sdDifference(), within(1e-12));
    }

    @Test
    void refusesSidesOfDifferentLengths() {
        assertThatThrownBy(() -> SplitFace.compare(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lengths differ: treated change has 3 values, control change has 2; they must be paired one to one");
    }
}
