package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

/** POEM, DLQI and the vIGA-AD grade. */
class PatientReportedUnitTest {

    private static Score poem(int a, int b, int c, int d, int e, int f, int g) {
        return new Poem(a, b, c, d, e, f, g).score();
    }

    private static Score dlqi(int... items) {
        return new Dlqi(items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7], items[8], items[9]).score();
    }

    @Test
    void poemRangesFromZeroClearTo28VerySevere() {
        // 7 x 4 = 28
        assertThat(poem(4, 4, 4, 4, 4, 4, 4).value()).isEqualByComparingTo("28");
        assertThat(poem(4, 4, 4, 4, 4, 4, 4).band()).isEqualTo("very severe");
        assertThat(poem(0, 0, 0, 0, 0, 0, 0).value()).isEqualByComparingTo("0");
        assertThat(poem(0, 0, 0, 0, 0, 0, 0).band()).isEqualTo("clear");
    }

    @Test
    void poemBandEdges() {
        // 1+1 = 2 clear | 1+1+1 = 3 mild
        assertThat(poem(1, 1, 0, 0, 0, 0, 0).band()).isEqualTo("clear");
        assertThat(poem(1, 1, 1, 0, 0, 0, 0).band()).isEqualTo("mild");
        // 4+3 = 7 mild | 4+4 = 8 moderate
        assertThat(poem(4, 3, 0, 0, 0, 0, 0).band()).isEqualTo("mild");
        assertThat(poem(4, 4, 0, 0, 0, 0, 0).band()).isEqualTo("moderate");
        // 4x4 = 16 moderate | 16+1 = 17 severe
        assertThat(poem(4, 4, 4, 4, 0, 0, 0).band()).isEqualTo("moderate");
        assertThat(poem(4, 4, 4, 4, 1, 0, 0).value()).isEqualByComparingTo("17");
        assertThat(poem(4, 4, 4, 4, 1, 0, 0).band()).isEqualTo("severe");
        // 6x4 = 24 severe | 24+1 = 25 very severe
        assertThat(poem(4, 4, 4, 4, 4, 4, 0).band()).isEqualTo("severe");
        assertThat(poem(4, 4, 4, 4, 4, 4, 1).band()).isEqualTo("very severe");
    }

    @Test
    void poemItemsListEachAnswer() {
        // 2 + 1 + 0 + 0 + 3 + 4 + 4 = 14 moderate
        Score score = poem(2, 1, 0, 0, 3, 4, 4);

        assertThat(score.value()).isEqualByComparingTo("14");
        assertThat(score.band()).isEqualTo("moderate");
        assertThat(score.parts().keySet()).containsExactly("itch", "sleepDisturbance", "bleeding", "weeping", "cracking", "flaking", "dryness");
    }

    @Test
    void poemScoresTheNumberOfDays() {
        // no days 0, 1-2 days 1, 3-4 days 2, 5-6 days 3, every day 4
        int[] expected = {0, 1, 1, 2, 2, 3, 3, 4};
        for (int days = 0; days <= 7; days++) {
            assertThat(Poem.itemFromDays("itch", days)).as(days + " days").isEqualTo(expected[days]);
        }
        assertRefused(() -> Poem.itemFromDays("itch", 8), "itch", "from 0 to 7", "was 8");
    }

    @Test
    void poemRefusesAnItemAboveFour() {
        assertRefused(() -> new Poem(0, 0, 5, 0, 0, 0, 0), "bleeding", "whole number from 0 to 4", "was 5");
        assertRefused(() -> new Poem(0, 0, 0, 0, 0, 0, null), "dryness", "required");
    }

    @Test
    void dlqiRangesFromNoEffectTo30ExtremelyLarge() {
        // 10 x 3 = 30
        assertThat(dlqi(3, 3, 3, 3, 3, 3, 3, 3, 3, 3).value()).isEqualByComparingTo("30");
        assertThat(dlqi(3, 3, 3, 3, 3, 3, 3, 3, 3, 3).band()).isEqualTo("extremely large effect");
        assertThat(dlqi(0, 0, 0, 0, 0, 0, 0, 0, 0, 0).band()).isEqualTo("no effect");
    }

    @Test
    void dlqiBandEdges() {
        // 1 no effect | 2 small
        assertThat(dlqi(1, 0, 0, 0, 0, 0, 0, 0, 0, 0).band()).isEqualTo("no effect");
        assertThat(dlqi(1, 1, 0, 0, 0, 0, 0, 0, 0, 0).band()).isEqualTo("small effect");
        // 3+2 = 5 small | 3+3 = 6 moderate
        assertThat(dlqi(3, 2, 0, 0, 0, 0, 0, 0, 0, 0).band()).isEqualTo("small effect");
        assertThat(dlqi(3, 3, 0, 0, 0, 0, 0, 0, 0, 0).band()).isEqualTo("moderate effect");
        // 3+3+3+1 = 10 moderate | 3+3+3+2 = 11 very large
        assertThat(dlqi(3, 3, 3, 1, 0, 0, 0, 0, 0, 0).band()).isEqualTo("moderate effect");
        assertThat(dlqi(3, 3, 3, 2, 0, 0, 0, 0, 0, 0).value()).isEqualByComparingTo("11");
        assertThat(dlqi(3, 3, 3, 2, 0, 0, 0, 0, 0, 0).band()).isEqualTo("very large effect");
        // 6x3 + 2 = 20 very large | 7x3 = 21 extremely large
        assertThat(dlqi(3, 3, 3, 3, 3, 3, 2, 0, 0, 0).band()).isEqualTo("very large effect");
        assertThat(dlqi(3, 3, 3, 3, 3, 3, 3, 0, 0, 0).band()).isEqualTo("extremely large effect");
    }

    @Test
    void dlqiRefusesANegativeItem() {
        assertRefused(() -> dlqi(0, 0, 0, 0, 0, -1, 0, 0, 0, 0), "sport", "whole number from 0 to 3", "was -1");
        assertRefused(() -> dlqi(0, 0, 0, 0, 0, 0, 0, 0, 0, 4), "treatment", "was 4");
    }

    @Test
    void vigaAdLabelsEachGradeAndCountsClearOrAlmostClearAsSuccess() {
        assertThat(new VigaAd(0).score().band()).isEqualTo("clear");
        assertThat(new VigaAd(1).score().band()).isEqualTo("almost clear");
        assertThat(new VigaAd(2).score().band()).isEqualTo("mild");
        assertThat(new VigaAd(3).score().band()).isEqualTo("moderate");
        assertThat(new VigaAd(4).score().band()).isEqualTo("severe");
        assertThat(new VigaAd(0).success()).isTrue();
        assertThat(new VigaAd(1).success()).isTrue();
        assertThat(new VigaAd(2).success()).isFalse();
        assertRefused(() -> new VigaAd(5), "grade", "from 0 to 4", "was 5");
        assertRefused(() -> new VigaAd(null), "grade", "required");
    }
}
