package org.exotrace.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.exotrace.outcome.BaselineComparison.Response;
import org.exotrace.outcome.BaselineComparison.Response.Outcome;
import org.junit.jupiter.api.Test;

class BaselineComparisonUnitTest {

    private static Score score(Instrument instrument, String value) {
        return new Score(instrument, new BigDecimal(value), null, Map.of());
    }

    private static BaselineComparison compare(Instrument instrument, String baseline, String current) {
        return BaselineComparison.of(score(instrument, baseline), score(instrument, current));
    }

    private static Outcome outcome(BaselineComparison comparison, String name) {
        return comparison.response(name).map(Response::outcome).orElseThrow();
    }

    @Test
    void easiTwentyToEightIsSixtyPercentBetterAnEasi50ButNotAnEasi75() {
        // (20 - 8) / 20 = 12 / 20 = 60 %
        BaselineComparison comparison = compare(Instrument.EASI, "20", "8");

        assertThat(comparison.percent()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("60"));
        assertThat(comparison.change()).isEqualByComparingTo("-12");
        assertThat(comparison.responses()).extracting(Response::name).containsExactly("EASI-50", "EASI-75", "EASI-90", "EASI-100");
        assertThat(comparison.responses()).extracting(Response::outcome)
                .containsExactly(Outcome.ACHIEVED, Outcome.NOT_ACHIEVED, Outcome.NOT_ACHIEVED, Outcome.NOT_ACHIEVED);
    }

    @Test
    void exactlySeventyFivePercentIsAnEasi75() {
        // (20 - 5) / 20 = 15 / 20 = 75 % -> EASI-75 ; (20 - 5.1) / 20 = 14.9 / 20 = 74.5 % -> not
        assertThat(outcome(compare(Instrument.EASI, "20", "5"), "EASI-75")).isEqualTo(Outcome.ACHIEVED);
        assertThat(outcome(compare(Instrument.EASI, "20", "5.1"), "EASI-75")).isEqualTo(Outcome.NOT_ACHIEVED);
        assertThat(compare(Instrument.EASI, "20", "5.1").percentImprovement()).isEqualByComparingTo("74.5");
    }

    @Test
    void decidesOnTheExactValueNotTheRoundedPercent() {
        // (10 - 2.505) / 10 = 74.95 % -> shown as 75.0 but not an EASI-75
        BaselineComparison comparison = compare(Instrument.EASI, "10", "2.505");

        assertThat(comparison.percentImprovement()).isEqualByComparingTo("75.0");
        assertThat(outcome(comparison, "EASI-75")).isEqualTo(Outcome.NOT_ACHIEVED);
    }

    @Test
    void clearingComputedScoresIsAnEasi100() {
        // all 3s, area 6 -> 72 ; clear -> 0 ; (72 - 0) / 72 = 100 %
        Easi.Region worst = new Easi.Region(3.0, 3.0, 3.0, 3.0, 6);
        Easi.Region clear = Easi.Region.CLEAR;
        BaselineComparison comparison = BaselineComparison.of(
                new Easi(40, worst, worst, worst, worst).score(), new Easi(40, clear, clear, clear, clear).score());

        assertThat(comparison.percentImprovement()).isEqualByComparingTo("100");
        assertThat(comparison.responses()).allMatch(Response::achieved);
    }

    @Test
    void worseningIsANegativeImprovement() {
        // (10 - 12) / 10 = -20 %
        BaselineComparison comparison = compare(Instrument.EASI, "10", "12");

        assertThat(comparison.percentImprovement()).isEqualByComparingTo("-20");
        assertThat(comparison.responses()).noneMatch(Response::achieved);
    }

    @Test
    void roundsThePercentShownToOneDecimal() {
        // (3 - 2) / 3 = 33.333... % -> 33.3
        assertThat(compare(Instrument.EASI, "3", "2").percentImprovement().toPlainString()).isEqualTo("33.3");
    }

    @Test
    void aZeroBaselineHasNoPercentChangeAndNoResponse() {
        BaselineComparison comparison = compare(Instrument.EASI, "0", "0");

        assertThat(comparison.percent()).isEmpty();
        assertThat(comparison.responses()).hasSize(4).allSatisfy(response -> {
            assertThat(response.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(response.reason()).contains("baseline is 0");
        });
        assertThat(compare(Instrument.POEM, "0", "2").responses()).singleElement()
                .satisfies(response -> assertThat(response.outcome()).isEqualTo(Outcome.NOT_APPLICABLE));
        assertThat(compare(Instrument.POEM, "0", "2").change()).isEqualByComparingTo("2");
    }

    @Test
    void scorad35IsAThirtyFivePercentReduction() {
        // (40 - 26) / 40 = 14 / 40 = 35 % -> SCORAD-35 ; (40 - 26.1) / 40 = 13.9 / 40 = 34.75 % -> shown 34.8, not
        assertThat(outcome(compare(Instrument.SCORAD, "40", "26"), "SCORAD-35")).isEqualTo(Outcome.ACHIEVED);
        assertThat(outcome(compare(Instrument.SCORAD, "40", "26.1"), "SCORAD-35")).isEqualTo(Outcome.NOT_ACHIEVED);
        assertThat(compare(Instrument.SCORAD, "40", "26.1").percentImprovement()).isEqualByComparingTo("34.8");
        // oSCORAD 30 -> 19.5: 10.5 / 30 = 35 %
        assertThat(outcome(compare(Instrument.OSCORAD, "30", "19.5"), "oSCORAD-35")).isEqualTo(Outcome.ACHIEVED);
    }

    @Test
    void pasiResponses() {
        // (10 - 1) / 10 = 90 % -> PASI-75 and PASI-90, not PASI-100
        assertThat(compare(Instrument.PASI, "10", "1").responses()).extracting(Response::name, Response::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PASI-75", Outcome.ACHIEVED),
                org.assertj.core.groups.Tuple.tuple("PASI-90", Outcome.ACHIEVED),
                org.assertj.core.groups.Tuple.tuple("PASI-100", Outcome.NOT_ACHIEVED));
    }

    @Test
    void patientReportedScoresRespondByTheirMinimalImportantChange() {
        // POEM 10 -> 7: 3 points = MCID 3 ; 10 -> 8: 2 points, not
        assertThat(compare(Instrument.POEM, "10", "7").responses()).singleElement().satisfies(response -> {
            assertThat(response.name()).isEqualTo("POEM minimal important change (3 points)");
            assertThat(response.achieved()).isTrue();
        });
        assertThat(compare(Instrument.POEM, "10", "8").responses().get(0).achieved()).isFalse();
        // DLQI 12 -> 8: 4 points = MCID 4 ; 12 -> 9: 3 points, not
        assertThat(compare(Instrument.DLQI, "12", "8").responses().get(0).achieved()).isTrue();
        assertThat(compare(Instrument.DLQI, "12", "9").responses().get(0).achieved()).isFalse();
    }

    @Test
    void aProtocolMaySetItsOwnMinimalImportantChange() {
        // POEM 10 -> 7 is 3 points, short of a protocol's 4
        BaselineComparison comparison = BaselineComparison.of(score(Instrument.POEM, "10"), score(Instrument.POEM, "7"),
                List.of(ResponseCriterion.minimalImportantChange(Instrument.POEM, BigDecimal.valueOf(4))));

        assertThat(comparison.responses()).singleElement().satisfies(response -> {
            assertThat(response.name()).isEqualTo("POEM minimal important change (4 points)");
            assertThat(response.achieved()).isFalse();
        });
    }

    @Test
    void instrumentsWithoutUsualResponsesStillGetThePercent() {
        // GAGS 20 -> 15: 5 / 20 = 25 %
        BaselineComparison comparison = compare(Instrument.GAGS, "20", "15");

        assertThat(comparison.percentImprovement()).isEqualByComparingTo("25");
        assertThat(comparison.responses()).isEmpty();
    }

    @Test
    void refusesToCompareDifferentInstrumentsOrGrades() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> BaselineComparison.of(score(Instrument.EASI, "10"), score(Instrument.PASI, "5")));
        assertThatIllegalArgumentException().isThrownBy(
                () -> BaselineComparison.of(new VigaAd(3).score(), new VigaAd(1).score()));
    }
}
