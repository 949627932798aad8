package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.exotrace.outcome.Scorad.Extent;
import org.exotrace.outcome.Scorad.Intensity;
import org.junit.jupiter.api.Test;

class ScoradUnitTest {

    /** Intensity items that sum to {@code b}, filling the items in order with 3s. */
    private static Intensity intensity(int b) {
        int[] items = new int[6];
        for (int i = 0; i < 6; i++) {
            items[i] = Math.min(3, Math.max(0, b - 3 * i));
        }
        return new Intensity(items[0], items[1], items[2], items[3], items[4], items[5]);
    }

    private static Score scorad(double extent, int b, double pruritus, double sleeplessness) {
        return new Scorad(Extent.total(extent), intensity(b), pruritus, sleeplessness).score();
    }

    private static Score objective(double extent, int b) {
        return new ObjectiveScorad(Extent.total(extent), intensity(b)).score();
    }

    @Test
    void theMaximumIs103AndTheObjectiveMaximum83() {
        // A 100, B 18, C 10 + 10: 100/5 + 7 x 18 / 2 + 20 = 20 + 63 + 20 = 103 ; objective 20 + 63 = 83
        Scorad worst = new Scorad(Extent.total(100.0), new Intensity(3, 3, 3, 3, 3, 3), 10.0, 10.0);

        assertThat(worst.score().value()).isEqualByComparingTo("103");
        assertThat(worst.score().band()).isEqualTo("severe");
        assertThat(worst.objective().score().value()).isEqualByComparingTo("83");
        assertThat(worst.objective().score().band()).isEqualTo("severe");
    }

    @Test
    void nothingIsZeroAndClear() {
        assertThat(scorad(0, 0, 0, 0).value()).isEqualByComparingTo("0");
        assertThat(scorad(0, 0, 0, 0).band()).isEqualTo("clear");
        assertThat(objective(0, 0).band()).isEqualTo("clear");
    }

    @Test
    void weighsIntensityBySevenHalvesNotOneHalf() {
        // A 30, B 2+2+1+1+1+2 = 9, pruritus 6, sleeplessness 4
        // 30/5 + 7 x 9 / 2 + (6 + 4) = 6 + 31.5 + 10 = 47.5 -> moderate (29-48.9)
        // (the wrong B/2 would give 6 + 4.5 + 10 = 20.5)
        Scorad scorad = new Scorad(Extent.total(30.0), new Intensity(2, 2, 1, 1, 1, 2), 6.0, 4.0);

        Score score = scorad.score();
        assertThat(score.value()).isEqualByComparingTo("47.5");
        assertThat(score.band()).isEqualTo("moderate");
        assertThat(score.parts()).containsOnlyKeys("extent", "intensity", "symptoms");
        assertThat(score.parts().get("extent")).isEqualByComparingTo("6");
        assertThat(score.parts().get("intensity")).isEqualByComparingTo("31.5");
        assertThat(score.parts().get("symptoms")).isEqualByComparingTo("10");
        // objective: 6 + 31.5 = 37.5 -> moderate (24-37.9)
        assertThat(scorad.objective().score().value()).isEqualByComparingTo("37.5");
        assertThat(scorad.objective().score().band()).isEqualTo("moderate");
    }

    @Test
    void scoradBandEdges() {
        // 12/5 + 7x2/2 + 0.5 = 2.4 + 7 + 0.5 = 9.9 clear ; 15/5 + 7 + 0 = 10 mild
        assertThat(scorad(12, 2, 0.5, 0)).satisfies(s -> {
            assertThat(s.value().toPlainString()).isEqualTo("9.9");
            assertThat(s.band()).isEqualTo("clear");
        });
        assertThat(scorad(15, 2, 0, 0)).satisfies(s -> {
            assertThat(s.value()).isEqualByComparingTo("10");
            assertThat(s.band()).isEqualTo("mild");
        });
        // 2/5 + 7x8/2 + 0.5 = 0.4 + 28 + 0.5 = 28.9 mild ; 0.4 + 28 + 0.6 = 29 moderate
        assertThat(scorad(2, 8, 0.5, 0).band()).isEqualTo("mild");
        assertThat(scorad(2, 8, 0.5, 0).value()).isEqualByComparingTo("28.9");
        assertThat(scorad(2, 8, 0.3, 0.3).value()).isEqualByComparingTo("29");
        assertThat(scorad(2, 8, 0.3, 0.3).band()).isEqualTo("moderate");
        // 20/5 + 7x12/2 + 2.9 = 4 + 42 + 2.9 = 48.9 moderate ; + 3 = 49 severe
        assertThat(scorad(20, 12, 2.9, 0).value()).isEqualByComparingTo("48.9");
        assertThat(scorad(20, 12, 2.9, 0).band()).isEqualTo("moderate");
        assertThat(scorad(20, 12, 1.5, 1.5).value()).isEqualByComparingTo("49");
        assertThat(scorad(20, 12, 1.5, 1.5).band()).isEqualTo("severe");
    }

    @Test
    void objectiveScoradBandEdges() {
        // 4.5/5 + 7x2/2 = 0.9 + 7 = 7.9 clear ; 5/5 + 7 = 8 mild
        assertThat(objective(4.5, 2).value()).isEqualByComparingTo("7.9");
        assertThat(objective(4.5, 2).band()).isEqualTo("clear");
        assertThat(objective(5, 2).value()).isEqualByComparingTo("8");
        assertThat(objective(5, 2).band()).isEqualTo("mild");
        // 14.5/5 + 7x6/2 = 2.9 + 21 = 23.9 mild ; 15/5 + 21 = 24 moderate
        assertThat(objective(14.5, 6).band()).isEqualTo("mild");
        assertThat(objective(15, 6).value()).isEqualByComparingTo("24");
        assertThat(objective(15, 6).band()).isEqualTo("moderate");
        // 14.5/5 + 7x10/2 = 2.9 + 35 = 37.9 moderate ; 15/5 + 35 = 38 severe
        assertThat(objective(14.5, 10).value()).isEqualByComparingTo("37.9");
        assertThat(objective(14.5, 10).band()).isEqualTo("moderate");
        assertThat(objective(15, 10).band()).isEqualTo("severe");
    }

    @Test
    void sumsTheExtentOverTheRuleOfNinesRegions() {
        // 4.5 + 9 + 2 + 0 + 9 + 6 + 3.5 + 0 = 34 % -> A/5 = 6.8 ; B 0 -> oSCORAD 6.8
        Extent extent = Extent.byRegion(4.5, 9.0, 2.0, 0.0, 9.0, 6.0, 3.5, 0.0);

        assertThat(extent.percent()).isEqualByComparingTo("34");
        assertThat(extent.regions()).containsKeys("headNeck", "leftUpperLimb", "back", "genitals");
        assertThat(new ObjectiveScorad(extent, intensity(0)).score().value()).isEqualByComparingTo("6.8");
    }

    @Test
    void everyRegionAtItsShareIsTheWholeBody() {
        // 9 + 9 + 9 + 18 + 18 + 18 + 18 + 1 = 100
        assertThat(Extent.byRegion(9.0, 9.0, 9.0, 18.0, 18.0, 18.0, 18.0, 1.0).percent()).isEqualByComparingTo("100");
    }

    @Test
    void refusesAnExtentAboveTheWholeBody() {
        assertRefused(() -> Extent.total(101.0), "extent", "from 0 to 100", "was 101");
        assertRefused(() -> Extent.total(-0.1), "extent", "was -0.1");
    }

    @Test
    void refusesARegionAboveItsShareOfTheBody() {
        assertRefused(() -> Extent.byRegion(10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), "extent.headNeck", "from 0 to 9", "was 10");
        assertRefused(() -> Extent.byRegion(0.0, 0.0, 0.0, 18.5, 0.0, 0.0, 0.0, 0.0), "extent.leftLowerLimb", "to 18");
        assertRefused(() -> Extent.byRegion(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.5), "extent.genitals", "from 0 to 1 ");
        assertRefused(() -> Extent.byRegion(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, null, 0.0), "extent.back", "required");
    }

    @Test
    void refusesAnIntensityItemAboveThree() {
        assertRefused(() -> new Scorad(Extent.total(10.0), new Intensity(0, 0, 0, 0, 0, 4), 0.0, 0.0),
                "intensity.dryness", "whole number from 0 to 3", "was 4");
        assertRefused(() -> new ObjectiveScorad(Extent.total(10.0), new Intensity(0, -1, 0, 0, 0, 0)),
                "intensity.oedemaPapulation", "was -1");
    }

    @Test
    void refusesSymptomsOutsideTheVisualAnalogueScale() {
        assertRefused(() -> new Scorad(Extent.total(10.0), intensity(3), 10.5, 0.0), "pruritus", "from 0 to 10", "was 10.5");
        assertRefused(() -> new Scorad(Extent.total(10.0), intensity(3), 0.0, -1.0), "sleeplessness", "was -1");
        assertRefused(() -> new Scorad(Extent.total(10.0), intensity(3), null, 0.0), "pruritus", "required");
    }

    @Test
    void refusesMissingParts() {
        assertRefused(() -> new Scorad(null, intensity(3), 0.0, 0.0), "extent", "required");
        assertRefused(() -> new ObjectiveScorad(Extent.total(1.0), null), "intensity", "required");
    }
}
