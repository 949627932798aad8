package org.exotrace.nta.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The two real NanoSight exports of 100 nm polystyrene beads in ../shared/data/nanosight
 * (beads.csv: NTA 3.2, 12 videos; beads2.csv: NTA 3.4, 5 videos; licence in that folder). Expected
 * values were read off the files by hand and, for the distribution sums, with Python's csv module;
 * the files give two to three significant decimals, which are asserted exactly since parsing must
 * not change them.
 */
class NanoSightSummaryRealFilesTest extends SharedDataTest {

    private static NanoSightSummary beads() throws IOException {
        return NanoSightSummary.read(sharedFile("nanosight/beads.csv"));
    }

    private static NanoSightSummary beads2() throws IOException {
        return NanoSightSummary.read(sharedFile("nanosight/beads2.csv"));
    }

    @Test
    void beadsIdentifiesTheExperimentAndSoftware() throws IOException {
        NanoSightSummary summary = beads();
        assertThat(summary.experimentName()).isEqualTo("std_combined.nano");
        assertThat(summary.softwareVersion()).isEqualTo("Unknown");
        assertThat(summary.createdWith()).isEqualTo("NTA 3.2 Dev Build 3.2.16");
        assertThat(summary.analysisMethod()).isEqualTo("FTLA");
        assertThat(summary.weighting()).isEqualTo("Number");
    }

    @Test
    void beadsHasTwelveVideosWithTheirConditions() throws IOException {
        List<NanoSightSummary.Video> videos = beads().videos();
        assertThat(videos).hasSize(12);
        assertThat(videos.get(0).filename()).isEqualTo("std_10000_yes_2_00");
        assertThat(videos.get(11).filename()).isEqualTo("std_10000_no_1_02");
        assertThat(videos).extracting(v -> v.conditions().temperatureCelsius()).containsExactly(
                22.348, 22.368, 22.387, 22.154, 22.169, 22.212, 21.974, 21.996, 22.018, 21.666, 21.687, 21.677);
        NanoSightSummary.Conditions first = videos.get(0).conditions();
        assertThat(first.viscosityCentipoise()).isEqualTo(0.945113);
        assertThat(first.frameRateFps()).isEqualTo(24.9825);
        assertThat(first.cameraLevel()).isEqualTo(15);
        assertThat(first.shutterMs()).isEqualTo(30.15);
        assertThat(videos.get(3).conditions().cameraLevel()).isEqualTo(10);
        assertThat(videos.get(3).conditions().shutterMs()).isEqualTo(17.4);
    }

    @Test
    void beadsSettingsReadAutoMinimumTrackLengthAsAbsent() throws IOException {
        NanoSightSummary.Settings settings = beads().videos().get(0).settings();
        assertThat(settings.detectionThreshold()).isEqualTo(8);
        assertThat(settings.minTrackLength()).isEmpty();
        assertThat(settings.maxJumpDistancePx()).isEqualTo(14.0636);
        assertThat(settings.framesAnalysed()).isEqualTo(749);
    }

    @Test
    void beadsResultsPerVideoAndPooled() throws IOException {
        NanoSightSummary summary = beads();
        NanoSightSummary.Results first = summary.videos().get(0).results();
        assertThat(first.dilutionFactor()).isEmpty();
        assertThat(first.concentrationPerMl()).isEqualTo(1.43e9);
        assertThat(first.particlesPerFrame()).isEqualTo(156.3);
        assertThat(first.centresPerFrame()).isEqualTo(130.4);
        assertThat(first.completedTracks()).isEqualTo(10824);
        assertThat(first.xDriftPxPerFrame()).isEqualTo(-3.7);
        assertThat(first.yDriftPxPerFrame()).isEqualTo(0.2);
        assertThat(summary.average().results()).isEqualTo(new NanoSightSummary.PooledResults(1.47e9, 200.6, 146));
        assertThat(summary.standardError().results()).isEqualTo(new NanoSightSummary.PooledResults(1.07e8, 23, 8.6));
    }

    @Test
    void beadsAverageModeIs95Point3AndD50Is96Point4() throws IOException {
        NanoSightSummary summary = beads();
        assertThat(summary.average().size()).isEqualTo(new NanoSightSummary.SizeStatistics(100.5, 95.3, 19.1, 84.7, 96.4, 113.3));
        assertThat(summary.standardError().size()).isEqualTo(new NanoSightSummary.SizeStatistics(1.2, 0.5, 3.8, 0.8, 0.4, 1.2));
        NanoSightSummary.Video first = summary.videos().get(0);
        assertThat(first.size()).isEqualTo(new NanoSightSummary.SizeStatistics(98.7, 95.4, 10.9, 86.9, 96, 108.8));
        assertThat(first.validTracks()).isEqualTo(4286);
    }

    @Test
    void beadsConcentrationWarningsAreAllClear() throws IOException {
        NanoSightSummary summary = beads();
        assertThat(summary.videos().get(0).concentrationWarnings())
                .containsEntry("Validity of concentration measurement", "OK")
                .containsEntry("Noise level", "No")
                .hasSize(7);
        assertThat(summary.videos()).allSatisfy(v -> assertThat(v.concentrationWarnings().values()).allMatch(s -> s.equals("OK") || s.equals("No")));
    }

    @Test
    void beadsDistributionHasAThousandOneNanometreBinsAndAnIntactAverageColumn() throws IOException {
        NanoSightSummary.Distribution distribution = beads().distribution();
        assertThat(distribution.binCount()).isEqualTo(1000);
        assertThat(distribution.binCentresNm()).containsExactly(IntStream.range(0, 1000).mapToDouble(i -> i + 0.5).toArray());
        assertThat(distribution.columnLabels()).hasSize(14).endsWith("Concentration average", "Standard Error");
        assertThat(distribution.columnLabels().get(0)).isEqualTo("Concentration (particles / ml)");

        double[] average = distribution.average().orElseThrow();
        assertThat(average[95]).isEqualTo(59_846_933);
        assertThat(distribution.video(0)[95]).isEqualTo(72_411_064);
        assertThat(distribution.video(11)[95]).isEqualTo(40_342_887);
        assertThat(distribution.standardError().orElseThrow()[95]).isEqualTo(4_170_523);
        assertThat(Arrays.stream(average).sum()).isEqualTo(1_466_257_178.0);
        assertThat(Arrays.stream(distribution.video(0)).sum()).isEqualTo(1_432_404_245.0);
    }

    @Test
    void beadsDistributionSumsToTheReportedConcentration() throws IOException {
        NanoSightSummary summary = beads();
        double binnedTotal = Arrays.stream(summary.distribution().average().orElseThrow()).sum();
        assertThat(binnedTotal).isCloseTo(summary.average().results().concentrationPerMl(), within(0.005e9));
    }

    @Test
    void beadsKeepsOtherSectionsAndQuotedCommasRaw() throws IOException {
        NanoSightSummary summary = beads();
        assertThat(summary.sections().get("Experiment Details").get("Remarks")).containsExactly(
                "Created from combined experiments: std_10000_yes_2_.nano, std_10000_no_2_.nano, std_10000_yes_1_.nano, std_10000_no_1_.nano");
        assertThat(summary.sections().get("Information").get("Vibration detected")).hasSize(12).containsOnly("No");
        assertThat(summary.sections().get("Exclusion Regions")).containsKey("No Exclusion Regions Used");
        assertThat(summary.sections().get("Percentile").get("50")).startsWith("96", "95", "97").hasSize(12);
        assertThat(summary.sections().get("Conditions").get("Laser Type")).containsOnly("Blue488");
    }

    @Test
    void beads2IsAFiveVideoNta34Export() throws IOException {
        NanoSightSummary summary = beads2();
        assertThat(summary.experimentName()).isEqualTo("stdv34_.nano");
        assertThat(summary.softwareVersion()).isEqualTo("NTA 3.4 Build 3.4.003");
        assertThat(summary.createdWith()).isEqualTo("NTA 3.4 Build 3.4.003");
        assertThat(summary.videos()).extracting(NanoSightSummary.Video::filename)
                .containsExactly("stdv34_00", "stdv34_01", "stdv34_02", "stdv34_03", "stdv34_04");
        assertThat(summary.videos()).allSatisfy(v -> {
            assertThat(v.conditions()).isEqualTo(new NanoSightSummary.Conditions(22.0, 0.952941, 24.9825, 11, 22.25));
            assertThat(v.settings().detectionThreshold()).isEqualTo(5);
            assertThat(v.settings().framesAnalysed()).isEqualTo(499);
            assertThat(v.results().dilutionFactor()).hasValue(1.0e4);
        });
        assertThat(summary.sections().get("Experiment Details")).containsEntry("Sample Description", List.of("100nmbeads"));
        assertThat(summary.sections().get("Information").get("Vibration detected")).first().isEqualTo("Moderate vibration");
    }

    @Test
    void beads2ResultsAndSizeData() throws IOException {
        NanoSightSummary summary = beads2();
        NanoSightSummary.Results first = summary.videos().get(0).results();
        assertThat(first.concentrationPerMl()).isEqualTo(5.91e12);
        assertThat(first.completedTracks()).isEqualTo(4677);
        assertThat(first.xDriftPxPerFrame()).isEqualTo(-3.8);
        assertThat(summary.videos().get(1).results().yDriftPxPerFrame()).isEqualTo(-0.1);
        assertThat(summary.average().results()).isEqualTo(new NanoSightSummary.PooledResults(6.09e12, 113.3, 101.7));
        assertThat(summary.standardError().results().concentrationPerMl()).isEqualTo(6.67e10);
        assertThat(summary.average().size()).isEqualTo(new NanoSightSummary.SizeStatistics(101.5, 98.4, 12.8, 88.7, 99.8, 115.3));
        assertThat(summary.videos()).extracting(NanoSightSummary.Video::validTracks).containsExactly(1872, 1898, 1879, 1948, 1929);
    }

    @Test
    void beads2DistributionKeepsItsSevenColumns() throws IOException {
        NanoSightSummary summary = beads2();
        NanoSightSummary.Distribution distribution = summary.distribution();
        assertThat(distribution.binCount()).isEqualTo(1000);
        assertThat(distribution.binCentresNm()[0]).isEqualTo(0.5);
        assertThat(distribution.binCentresNm()[999]).isEqualTo(999.5);
        assertThat(distribution.columnLabels()).hasSize(7);
        double[] average = distribution.average().orElseThrow();
        assertThat(average[98]).isEqualTo(257_812_449_704.0);
        assertThat(Arrays.stream(average).sum()).isEqualTo(6_090_889_635_603.0);
        assertThat(Arrays.stream(average).sum()).isCloseTo(summary.average().results().concentrationPerMl(), within(0.005e12));
    }
}
