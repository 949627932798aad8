package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.exotrace.outcome.Easi.Region;
import org.junit.jupiter.api.Test;

class EasiUnitTest {

    private static final int ADULT = 30;
    private static final Region CLEAR = Region.CLEAR;

    private static Region region(double erythema, double oedema, double excoriation, double lichenification, int area) {
        return new Region(erythema, oedema, excoriation, lichenification, area);
    }

    @Test
    void allSignsAtThreeAndAreaSixGiveTheMaximum72ForAdultsAndChildren() {
        // each region: signs 3+3+3+3 = 12, area 6 -> 72 x weight
        // adult:  72 x (0.1 + 0.2 + 0.3 + 0.4) = 7.2 + 14.4 + 21.6 + 28.8 = 72
        // child:  72 x (0.2 + 0.2 + 0.3 + 0.3) = 14.4 + 14.4 + 21.6 + 21.6 = 72
        Region worst = region(3, 3, 3, 3, 6);

        Score adult = new Easi(ADULT, worst, worst, worst, worst).score();
        Score child = new Easi(5, worst, worst, worst, worst).score();

        assertThat(adult.value()).isEqualByComparingTo("72");
        assertThat(adult.band()).isEqualTo("severe");
        assertThat(adult.parts()).containsExactly(
                entry("headNeck", "7.2"), entry("upperLimbs", "14.4"), entry("trunk", "21.6"), entry("lowerLimbs", "28.8"));
        assertThat(child.value()).isEqualByComparingTo("72");
        assertThat(child.parts().get("headNeck")).isEqualByComparingTo("14.4");
    }

    @Test
    void noEczemaIsZeroAndClear() {
        Score score = new Easi(ADULT, CLEAR, CLEAR, CLEAR, CLEAR).score();

        assertThat(score.value()).isEqualByComparingTo("0");
        assertThat(score.band()).isEqualTo("clear");
    }

    @Test
    void childrenUpToSevenWeighTheHeadTwiceAsMuch() {
        // head/neck only: signs 2 + 1.5 + 1 + 0.5 = 5, area 3
        // age 8 (adult weights): 0.1 x 3 x 5 = 1.5
        // age 7 (child weights): 0.2 x 3 x 5 = 3.0
        Region head = region(2, 1.5, 1, 0.5, 3);

        assertThat(new Easi(8, head, CLEAR, CLEAR, CLEAR).score().value()).isEqualByComparingTo("1.5");
        assertThat(new Easi(7, head, CLEAR, CLEAR, CLEAR).score().value()).isEqualByComparingTo("3.0");
        assertThat(new Easi(0, head, CLEAR, CLEAR, CLEAR).score().value()).isEqualByComparingTo("3.0");
    }

    @Test
    void childrenWeighTheLegsLess() {
        // lower limbs only: signs 2+2+1+1 = 6, area 4
        // adult: 0.4 x 4 x 6 = 9.6 ; child: 0.3 x 4 x 6 = 7.2
        Region legs = region(2, 2, 1, 1, 4);

        assertThat(new Easi(ADULT, CLEAR, CLEAR, CLEAR, legs).score().value()).isEqualByComparingTo("9.6");
        assertThat(new Easi(3, CLEAR, CLEAR, CLEAR, legs).score().value()).isEqualByComparingTo("7.2");
    }

    @Test
    void sumsTheWeightedRegions() {
        // head/neck   0.1 x 2 x (1 + 1 + 0 + 0)       = 0.4
        // upper limbs 0.2 x 3 x (2 + 1.5 + 1 + 1)     = 0.6 x 5.5 = 3.3
        // trunk       0.3 x 2 x (1 + 1 + 0.5 + 0.5)   = 0.6 x 3   = 1.8
        // lower limbs 0.4 x 4 x (2 + 2 + 1 + 1)       = 1.6 x 6   = 9.6
        // EASI = 0.4 + 3.3 + 1.8 + 9.6 = 15.1 -> moderate (6.0-22.9)
        Score score = new Easi(ADULT, region(1, 1, 0, 0, 2), region(2, 1.5, 1, 1, 3), region(1, 1, 0.5, 0.5, 2),
                region(2, 2, 1, 1, 4)).score();

        assertThat(score.value()).isEqualByComparingTo("15.1");
        assertThat(score.value().toPlainString()).isEqualTo("15.1");
        assertThat(score.band()).isEqualTo("moderate");
        assertThat(score.parts()).containsExactly(
                entry("headNeck", "0.4"), entry("upperLimbs", "3.3"), entry("trunk", "1.8"), entry("lowerLimbs", "9.6"));
    }

    @Test
    void fivePointNineIsMildAndSixIsModerateWithoutFloatingPointDrift() {
        // 5.9: head/neck 0.1 x 1 x (2+1+1+1 = 5) = 0.5 ; lower limbs 0.4 x 3 x (2+1+1+0.5 = 4.5) = 5.4 ; 0.5 + 5.4 = 5.9
        // 6.0: lower limbs 0.4 x 3 x (2+1+1+1 = 5) = 6.0
        Score justMild = new Easi(ADULT, region(2, 1, 1, 1, 1), CLEAR, CLEAR, region(2, 1, 1, 0.5, 3)).score();
        Score justModerate = new Easi(ADULT, CLEAR, CLEAR, CLEAR, region(2, 1, 1, 1, 3)).score();

        assertThat(justMild.value().toPlainString()).isEqualTo("5.9");
        assertThat(justMild.band()).isEqualTo("mild");
        assertThat(justModerate.value().toPlainString()).isEqualTo("6");
        assertThat(justModerate.band()).isEqualTo("moderate");
    }

    @Test
    void twentyTwoPointNineIsModerateAndTwentyThreeIsSevere() {
        // 22.9: lower limbs 0.4 x 5 x (3+3+3+2 = 11) = 22.0 ; head/neck 0.1 x 3 x (1+1+1+0 = 3) = 0.9 ; 22.9
        // 23.0: lower limbs 0.4 x 5 x (3+3+3+2.5 = 11.5) = 23.0
        Score moderate = new Easi(ADULT, region(1, 1, 1, 0, 3), CLEAR, CLEAR, region(3, 3, 3, 2, 5)).score();
        Score severe = new Easi(ADULT, CLEAR, CLEAR, CLEAR, region(3, 3, 3, 2.5, 5)).score();

        assertThat(moderate.value()).isEqualByComparingTo("22.9");
        assertThat(moderate.band()).isEqualTo("moderate");
        assertThat(severe.value()).isEqualByComparingTo("23.0");
        assertThat(severe.band()).isEqualTo("severe");
    }

    @Test
    void theSmallestScoreIsAHalfPointOnTheHeadAndIsMild() {
        // 0.1 x 1 x 0.5 = 0.05: exact, two decimals, above the clear 0
        Score score = new Easi(ADULT, region(0.5, 0, 0, 0, 1), CLEAR, CLEAR, CLEAR).score();

        assertThat(score.value().toPlainString()).isEqualTo("0.05");
        assertThat(score.band()).isEqualTo("mild");
    }

    @Test
    void signsWithoutAreaScoreNothing() {
        // area 0 -> 0.3 x 0 x 12 = 0
        assertThat(new Easi(ADULT, CLEAR, CLEAR, region(3, 3, 3, 3, 0), CLEAR).score().value()).isEqualByComparingTo("0");
    }

    @Test
    void refusesASignAboveThree() {
        assertRefused(() -> new Easi(ADULT, CLEAR, CLEAR, region(3.5, 0, 0, 0, 1), CLEAR),
                "trunk.erythema", "from 0 to 3 in half points", "was 3.5");
    }

    @Test
    void refusesASignThatIsNotAHalfPoint() {
        assertRefused(() -> new Easi(ADULT, CLEAR, region(1, 1, 1.3, 0, 1), CLEAR, CLEAR),
                "upperLimbs.excoriation", "half points", "was 1.3");
    }

    @Test
    void refusesANegativeSign() {
        assertRefused(() -> new Easi(ADULT, region(0, -0.5, 0, 0, 1), CLEAR, CLEAR, CLEAR),
                "headNeck.oedemaPapulation", "was -0.5");
    }

    @Test
    void refusesAnAreaScoreAboveSix() {
        assertRefused(() -> new Easi(ADULT, CLEAR, CLEAR, CLEAR, region(1, 1, 1, 1, 7)),
                "lowerLimbs.area", "whole number from 0 to 6", "was 7");
    }

    @Test
    void refusesANegativeAge() {
        assertRefused(() -> new Easi(-1, CLEAR, CLEAR, CLEAR, CLEAR), "ageYears", "from 0", "was -1");
    }

    @Test
    void refusesMissingComponents() {
        assertRefused(() -> new Easi(null, CLEAR, CLEAR, CLEAR, CLEAR), "ageYears", "required");
        assertRefused(() -> new Easi(ADULT, CLEAR, null, CLEAR, CLEAR), "upperLimbs", "required");
        assertRefused(() -> new Easi(ADULT, CLEAR, CLEAR, new Region(1.0, 1.0, null, 1.0, 2), CLEAR),
                "trunk.excoriation", "required");
        assertRefused(() -> new Easi(ADULT, new Region(1.0, 1.0, 1.0, 1.0, null), CLEAR, CLEAR, CLEAR),
                "headNeck.area", "required");
    }

    @Test
    void turnsAnAffectedPercentageIntoTheAreaScore() {
        assertThat(AreaScore.fromPercent("trunk.area", 0.0)).isZero();
        assertThat(AreaScore.fromPercent("trunk.area", 0.5)).isEqualTo(1);
        assertThat(AreaScore.fromPercent("trunk.area", 9.9)).isEqualTo(1);
        assertThat(AreaScore.fromPercent("trunk.area", 10.0)).isEqualTo(2);
        assertThat(AreaScore.fromPercent("trunk.area", 29.0)).isEqualTo(2);
        assertThat(AreaScore.fromPercent("trunk.area", 30.0)).isEqualTo(3);
        assertThat(AreaScore.fromPercent("trunk.area", 49.5)).isEqualTo(3);
        assertThat(AreaScore.fromPercent("trunk.area", 50.0)).isEqualTo(4);
        assertThat(AreaScore.fromPercent("trunk.area", 69.0)).isEqualTo(4);
        assertThat(AreaScore.fromPercent("trunk.area", 70.0)).isEqualTo(5);
        assertThat(AreaScore.fromPercent("trunk.area", 89.0)).isEqualTo(5);
        assertThat(AreaScore.fromPercent("trunk.area", 90.0)).isEqualTo(6);
        assertThat(AreaScore.fromPercent("trunk.area", 100.0)).isEqualTo(6);
    }

    @Test
    void refusesAPercentageOutsideZeroToHundred() {
        assertRefused(() -> AreaScore.fromPercent("trunk.area", 101.0), "trunk.area", "from 0 to 100 %", "was 101");
        assertRefused(() -> AreaScore.fromPercent("trunk.area", -1.0), "trunk.area", "was -1");
        assertRefused(() -> AreaScore.fromPercent("trunk.area", null), "trunk.area", "required");
    }

    private static java.util.Map.Entry<String, java.math.BigDecimal> entry(String key, String value) {
        return java.util.Map.entry(key, new java.math.BigDecimal(value));
    }
}
