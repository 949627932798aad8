package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

class GagsUnitTest {

    @Test
    void nodulesEverywhereGiveTheMaximum44() {
        // 4 x (2 + 2 + 2 + 1 + 1 + 3) = 4 x 11 = 44
        Score score = new Gags(4, 4, 4, 4, 4, 4).score();

        assertThat(score.value()).isEqualByComparingTo("44");
        assertThat(score.band()).isEqualTo("very severe");
        assertThat(score.parts().get("chestUpperBack")).isEqualByComparingTo("12");
    }

    @Test
    void noLesionIsZeroAndClear() {
        assertThat(new Gags(0, 0, 0, 0, 0, 0).score().band()).isEqualTo("clear");
    }

    @Test
    void bandEdges() {
        // one comedone on the nose: 1 x 1 = 1 -> mild
        assertThat(new Gags(0, 0, 0, 1, 0, 0).score().band()).isEqualTo("mild");
        // 2x3 + 2x3 + 2x3 = 18 mild ; + nose 1x1 = 19 moderate
        assertThat(new Gags(3, 3, 3, 0, 0, 0).score().value()).isEqualByComparingTo("18");
        assertThat(new Gags(3, 3, 3, 0, 0, 0).score().band()).isEqualTo("mild");
        assertThat(new Gags(3, 3, 3, 1, 0, 0).score().value()).isEqualByComparingTo("19");
        assertThat(new Gags(3, 3, 3, 1, 0, 0).score().band()).isEqualTo("moderate");
        // 2x4 + 2x4 + 2x4 + 1x4 + 1x2 = 30 moderate ; chin 3 -> 31 severe
        assertThat(new Gags(4, 4, 4, 4, 2, 0).score().value()).isEqualByComparingTo("30");
        assertThat(new Gags(4, 4, 4, 4, 2, 0).score().band()).isEqualTo("moderate");
        assertThat(new Gags(4, 4, 4, 4, 3, 0).score().band()).isEqualTo("severe");
        // 24 + 4 + 4 + 3x2 = 38 severe ; 24 + 4 + 2 + 3x3 = 39 very severe
        assertThat(new Gags(4, 4, 4, 4, 4, 2).score().value()).isEqualByComparingTo("38");
        assertThat(new Gags(4, 4, 4, 4, 4, 2).score().band()).isEqualTo("severe");
        assertThat(new Gags(4, 4, 4, 4, 2, 3).score().value()).isEqualByComparingTo("39");
        assertThat(new Gags(4, 4, 4, 4, 2, 3).score().band()).isEqualTo("very severe");
    }

    @Test
    void refusesGradesOutsideZeroToFour() {
        assertRefused(() -> new Gags(0, 0, 0, 0, 5, 0), "chin", "from 0 to 4", "was 5");
        assertRefused(() -> new Gags(0, 0, 0, -1, 0, 0), "nose", "was -1");
        assertRefused(() -> new Gags(0, null, 0, 0, 0, 0), "rightCheek", "required");
    }
}
