package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.exotrace.outcome.Pasi.Region;
import org.junit.jupiter.api.Test;

class PasiUnitTest {

    private static final Region CLEAR = Region.CLEAR;

    @Test
    void allSignsAtFourAndAreaSixGiveTheMaximum72() {
        // each region (4 + 4 + 4) x 6 = 72 ; 72 x (0.1 + 0.2 + 0.3 + 0.4) = 7.2 + 14.4 + 21.6 + 28.8 = 72
        Region worst = new Region(4, 4, 4, 6);

        Score score = new Pasi(worst, worst, worst, worst).score();

        assertThat(score.value()).isEqualByComparingTo("72");
        assertThat(score.parts().get("legs")).isEqualByComparingTo("28.8");
        assertThat(score.band()).isNull();
    }

    @Test
    void sumsTheWeightedRegions() {
        // head  0.1 x 2 x (2+1+1) = 0.8
        // arms  0.2 x 3 x (3+2+2) = 4.2
        // trunk 0.3 x 1 x (1+1+1) = 0.9
        // legs  0.4 x 4 x (2+2+3) = 11.2
        // PASI = 0.8 + 4.2 + 0.9 + 11.2 = 17.1
        Score score = new Pasi(new Region(2, 1, 1, 2), new Region(3, 2, 2, 3), new Region(1, 1, 1, 1), new Region(2, 2, 3, 4)).score();

        assertThat(score.value().toPlainString()).isEqualTo("17.1");
        assertThat(score.parts().keySet()).containsExactly("head", "arms", "trunk", "legs");
        assertThat(score.parts().get("arms")).isEqualByComparingTo("4.2");
    }

    @Test
    void clearSkinIsZero() {
        assertThat(new Pasi(CLEAR, CLEAR, CLEAR, CLEAR).score().value()).isEqualByComparingTo("0");
    }

    @Test
    void refusesOutOfRangeOrMissingComponents() {
        assertRefused(() -> new Pasi(CLEAR, new Region(1, 1, 5, 1), CLEAR, CLEAR), "arms.scaling", "from 0 to 4", "was 5");
        assertRefused(() -> new Pasi(CLEAR, CLEAR, new Region(1, 1, 1, 7), CLEAR), "trunk.area", "from 0 to 6", "was 7");
        assertRefused(() -> new Pasi(new Region(-1, 0, 0, 1), CLEAR, CLEAR, CLEAR), "head.erythema", "was -1");
        assertRefused(() -> new Pasi(CLEAR, CLEAR, CLEAR, new Region(1, null, 1, 1)), "legs.induration", "required");
        assertRefused(() -> new Pasi(CLEAR, CLEAR, CLEAR, null), "legs", "required");
    }
}
