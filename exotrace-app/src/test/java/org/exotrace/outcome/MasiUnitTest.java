package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.outcome.Refusals.assertRefused;

import org.junit.jupiter.api.Test;

class MasiUnitTest {

    private static final Masi.Region CLEAR = Masi.Region.CLEAR;

    private static Masi example() {
        return new Masi(new Masi.Region(2, 2, 1), new Masi.Region(3, 3, 2), new Masi.Region(3, 2, 2), new Masi.Region(1, 1, 1));
    }

    @Test
    void theMaximumIs48AndTheModifiedMaximum24() {
        // MASI:  3 x 0.3 x 6 x (4 + 4) + 0.1 x 6 x (4 + 4) = 3 x 14.4 + 4.8 = 48
        // mMASI: 3 x 0.3 x 6 x 4 + 0.1 x 6 x 4 = 3 x 7.2 + 2.4 = 24
        Masi.Region worst = new Masi.Region(6, 4, 4);
        Masi masi = new Masi(worst, worst, worst, worst);

        assertThat(masi.score().value()).isEqualByComparingTo("48");
        assertThat(masi.score().parts().get("chin")).isEqualByComparingTo("4.8");
        assertThat(masi.modified().score().value()).isEqualByComparingTo("24");
    }

    @Test
    void weighsTheForeheadAndMalarRegionsThreeTimesTheChin() {
        // forehead    0.3 x 2 x (2 + 1) = 1.8
        // right malar 0.3 x 3 x (3 + 2) = 4.5
        // left malar  0.3 x 3 x (2 + 2) = 3.6
        // chin        0.1 x 1 x (1 + 1) = 0.2
        // MASI = 1.8 + 4.5 + 3.6 + 0.2 = 10.1
        Score score = example().score();

        assertThat(score.value().toPlainString()).isEqualTo("10.1");
        assertThat(score.parts().keySet()).containsExactly("forehead", "rightMalar", "leftMalar", "chin");
        assertThat(score.band()).isNull();
    }

    @Test
    void theModifiedScoreLeavesOutHomogeneity() {
        // 0.3 x 2 x 2 + 0.3 x 3 x 3 + 0.3 x 3 x 2 + 0.1 x 1 x 1 = 1.2 + 2.7 + 1.8 + 0.1 = 5.8
        Score score = example().modified().score();

        assertThat(score.instrument()).isEqualTo(Instrument.MMASI);
        assertThat(score.value().toPlainString()).isEqualTo("5.8");
        assertThat(score.band()).as("mMASI bands are UNVERIFIED: none built in").isNull();
    }

    @Test
    void bandsTheModifiedScoreOnlyWithTheProtocolsBands() {
        Bands protocol = Bands.of(Bands.Band.from("0", "protocol low"), Bands.Band.from("5.8", "protocol high"));

        assertThat(example().modified().withBands(protocol).score().band()).isEqualTo("protocol high");
        // 5.8 - 0.1 (chin darkness 0) = 5.7
        Mmasi lower = new Mmasi(new Mmasi.Region(2, 2), new Mmasi.Region(3, 3), new Mmasi.Region(3, 2), new Mmasi.Region(1, 0), protocol);
        assertThat(lower.score().value()).isEqualByComparingTo("5.7");
        assertThat(lower.score().band()).isEqualTo("protocol low");
    }

    @Test
    void refusesOutOfRangeOrMissingComponents() {
        assertRefused(() -> new Masi(CLEAR, CLEAR, CLEAR, new Masi.Region(1, 5, 0)), "chin.darkness", "from 0 to 4", "was 5");
        assertRefused(() -> new Masi(new Masi.Region(7, 1, 1), CLEAR, CLEAR, CLEAR), "forehead.area", "from 0 to 6", "was 7");
        assertRefused(() -> new Masi(CLEAR, new Masi.Region(1, 1, -1), CLEAR, CLEAR), "rightMalar.homogeneity", "was -1");
        assertRefused(() -> new Mmasi(CLEAR_M, CLEAR_M, new Mmasi.Region(1, null), CLEAR_M), "leftMalar.darkness", "required");
        assertRefused(() -> new Mmasi(null, CLEAR_M, CLEAR_M, CLEAR_M), "forehead", "required");
    }

    private static final Mmasi.Region CLEAR_M = Mmasi.Region.CLEAR;
}
