package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.exotrace.outcome.VancouverScarScale.ItemMaxima;
import org.junit.jupiter.api.Test;

/** Vancouver Scar Scale, POSAS 2.0 and GAIS. */
class ScarUnitTest {

    @Test
    void vancouverScarScaleSumsItsFourItemsUpTo13WithTheDefaultRanges() {
        // 3 + 2 + 5 + 3 = 13 ; 1 + 0 + 2 + 1 = 4
        assertThat(new VancouverScarScale(3, 2, 5, 3).score().value()).isEqualByComparingTo("13");
        assertThat(new VancouverScarScale(1, 0, 2, 1).score().value()).isEqualByComparingTo("4");
        assertThat(new VancouverScarScale(1, 0, 2, 1).score().band()).isNull();
        assertThat(ItemMaxima.UNVERIFIED_DEFAULT.total()).isEqualTo(13);
    }

    @Test
    void vancouverScarScaleRefusesAnItemAboveItsDefaultRange() {
        assertRefused(() -> new VancouverScarScale(0, 3, 0, 0), "pigmentation", "from 0 to 2", "was 3");
        assertRefused(() -> new VancouverScarScale(0, 0, 6, 0), "pliability", "from 0 to 5", "was 6");
        assertRefused(() -> new VancouverScarScale(null, 0, 0, 0), "vascularity", "required");
    }

    @Test
    void vancouverScarScaleTakesAProtocolsOwnItemRanges() {
        // a protocol allowing pigmentation 0-3: 0 + 3 + 0 + 0 = 3
        ItemMaxima protocol = new ItemMaxima(3, 3, 5, 3);

        assertThat(new VancouverScarScale(0, 3, 0, 0, protocol).score().value()).isEqualByComparingTo("3");
        assertRefused(() -> new VancouverScarScale(0, 0, 0, 4, protocol), "height", "from 0 to 3", "was 4");
    }

    @Test
    void posasObserverScaleSumsSixItemsWithoutTheOverallOpinion() {
        // 2 + 3 + 4 + 5 + 6 + 7 = 27 (overall opinion 9 not added)
        Score score = new PosasObserver(2, 3, 4, 5, 6, 7, 9).score();

        assertThat(score.value()).isEqualByComparingTo("27");
        assertThat(score.parts()).hasSize(6).doesNotContainKey("overallOpinion");
        // minimum 6 x 1 = 6, maximum 6 x 10 = 60
        assertThat(new PosasObserver(1, 1, 1, 1, 1, 1, 1).score().value()).isEqualByComparingTo("6");
        assertThat(new PosasObserver(10, 10, 10, 10, 10, 10, 10).score().value()).isEqualByComparingTo("60");
    }

    @Test
    void posasPatientScaleSumsSixItemsWithoutTheOverallOpinion() {
        // 1 + 1 + 2 + 3 + 5 + 8 = 20
        assertThat(new PosasPatient(1, 1, 2, 3, 5, 8, 10).score().value()).isEqualByComparingTo("20");
        assertThat(new PosasPatient(1, 1, 2, 3, 5, 8, 10).score().instrument()).isEqualTo(Instrument.POSAS_PATIENT);
    }

    @Test
    void posasRefusesItemsOutsideOneToTen() {
        assertRefused(() -> new PosasObserver(0, 1, 1, 1, 1, 1, 1), "vascularity", "from 1 to 10", "was 0");
        assertRefused(() -> new PosasPatient(1, 11, 1, 1, 1, 1, 1), "itch", "was 11");
        assertRefused(() -> new PosasPatient(1, 1, 1, 1, 1, 1, null), "overallOpinion", "required");
    }

    @Test
    void gaisCountsTheThreeImprovedCategoriesAsImproved() {
        assertThat(Gais.values()).extracting(Gais::label)
                .containsExactly("very much improved", "much improved", "improved", "no change", "worse");
        assertThat(Gais.IMPROVED.improved()).isTrue();
        assertThat(Gais.VERY_MUCH_IMPROVED.improved()).isTrue();
        assertThat(Gais.NO_CHANGE.improved()).isFalse();
        assertThat(Gais.WORSE.improved()).isFalse();
    }
}
