package org.exotrace.nta.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DiameterGridTest {

    @Test
    void logGridHasConstantRatioAndExactEnds() {
        var grid = DiameterGrid.logSpaced(20, 1000, 200);
        assertThat(grid.size()).isEqualTo(200);
        assertThat(grid.nanometres(0)).isEqualTo(20);
        assertThat(grid.nanometres(199)).isEqualTo(1000);
        double ratio = Math.pow(50, 1.0 / 199);
        assertThat(grid.nanometres(100) / grid.nanometres(99)).isCloseTo(ratio, within(1e-12));
        assertThat(grid.edge(100)).isCloseTo(Math.sqrt(grid.nanometres(99) * grid.nanometres(100)), within(1e-9));
    }

    @Test
    void binOfFindsTheBinAndClampsOutside() {
        var grid = DiameterGrid.linear(10, 100, 10);
        assertThat(grid.binOf(14.9)).isEqualTo(0);
        assertThat(grid.binOf(15.1)).isEqualTo(1);
        assertThat(grid.binOf(1)).isEqualTo(0);
        assertThat(grid.binOf(5000)).isEqualTo(9);
        assertThat(grid.contains(104)).isTrue();
        assertThat(grid.contains(106)).isFalse();
    }

    @Test
    void refusesEmptyOrInvertedRanges() {
        assertThatThrownBy(() -> DiameterGrid.logSpaced(100, 20, 10)).hasMessageContaining("0 < min < max");
        assertThatThrownBy(() -> DiameterGrid.linear(0, 20, 10)).hasMessageContaining("0 < min < max");
        assertThatThrownBy(() -> DiameterGrid.linear(1, 20, 1)).hasMessageContaining("at least 2");
    }
}
