package org.exotrace.video.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.exotrace.video.TrackSizes;
import org.junit.jupiter.api.Test;

class IntensityChartUnitTest {

    private static final Pattern DOT = Pattern.compile("M([0-9.]+) ([0-9.]+)h0");

    @Test
    void logAxesEndOnRoundNumbersWithTicksAt125OrAtPowersOfTenOverWideRanges() {
        assertThat(IntensityChart.LogAxis.covering(80, 450).ticks()).containsExactly(50.0, 100.0, 200.0, 300.0, 500.0);
        assertThat(IntensityChart.LogAxis.covering(230, 470).ticks()).containsExactly(200.0, 300.0, 400.0, 500.0);
        assertThat(IntensityChart.LogAxis.covering(230, 290).ticks()).containsExactly(200.0, 250.0, 300.0);
        assertThat(IntensityChart.LogAxis.covering(40, 900).ticks()).containsExactly(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0);
        IntensityChart.LogAxis wide = IntensityChart.LogAxis.covering(150, 80_000);
        assertThat(wide.ticks()).containsExactly(100.0, 1000.0, 10_000.0, 100_000.0);
        assertThat(wide.fraction(100)).isCloseTo(0, within(1e-12));
        assertThat(wide.fraction(100_000)).isCloseTo(1, within(1e-12));
        assertThat(wide.fraction(1000)).isCloseTo(1.0 / 3, within(1e-12));
        // one value: an axis around it
        assertThat(IntensityChart.LogAxis.covering(300, 300).ticks()).contains(200.0, 300.0, 500.0);
    }

    @Test
    void anAxisReaching10000IsLabelledInPowersOfTen() {
        assertThat(IntensityChart.label(50, false)).isEqualTo("50");
        assertThat(IntensityChart.label(0.5, false)).isEqualTo("0.5");
        assertThat(IntensityChart.label(2000, false)).isEqualTo("2000");
        assertThat(IntensityChart.label(100, true)).isEqualTo("10²");
        assertThat(IntensityChart.label(200_000, true)).isEqualTo("2×10⁵");
        assertThat(IntensityChart.label(1500, true)).isEqualTo("1.5×10³");
        assertThat(IntensityChart.label(0.01, true)).isEqualTo("10⁻²");
        assertThat(IntensityChart.LogAxis.covering(40, 3e7).powers()).isTrue();
        assertThat(IntensityChart.LogAxis.covering(40, 900).powers()).isFalse();
    }

    @Test
    void drawsEveryPlottableTrackInsideThePlotWithTheThresholdBelowThem() {
        List<TrackSizes.Track> tracks = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            double d = 50 + 400 * random.nextDouble();
            tracks.add(new TrackSizes.Track(i, 30, 4.4 / d, 0.2, d, 300 * Math.pow(d / 50, 3)));
        }
        tracks.add(new TrackSizes.Track(200, 5, -0.1, 0.3, Double.NaN, 500));
        tracks.add(new TrackSizes.Track(201, 5, 0.1, 0.3, 44, Double.NaN));

        IntensityChart chart = IntensityChart.of(new TrackSizes(tracks), 250).orElseThrow();

        assertThat(chart.sized()).isEqualTo(202);
        assertThat(chart.plotted()).isEqualTo(200);
        assertThat(chart.drawn()).isEqualTo(200);
        List<double[]> dots = dots(chart);
        assertThat(dots).hasSize(200);
        for (double[] xy : dots) {
            assertThat(xy[0]).isBetween((double) chart.plotLeft(), (double) chart.plotRight());
            assertThat(xy[1]).isBetween((double) chart.plotTop(), chart.thresholdY());
        }
        assertThat(chart.hasThreshold()).isTrue();
        assertThat(chart.thresholdY()).isLessThanOrEqualTo(chart.plotBottom());
        // larger, brighter: the dots of larger diameters lie higher (smaller y)
        double[] smallest = dots.get(IntStream.range(0, 200).boxed().min((a, b) -> Double.compare(tracks.get(a).diameterNm(),
                tracks.get(b).diameterNm())).orElseThrow());
        assertThat(dots.stream().mapToDouble(xy -> xy[1]).max().orElseThrow()).isEqualTo(smallest[1]);
    }

    @Test
    void drawsAtMost5000TracksEvenlySpacedAndTheSameEachTime() {
        List<TrackSizes.Track> tracks = new ArrayList<>();
        for (int i = 0; i < 12_345; i++) tracks.add(new TrackSizes.Track(i, 20, 0.01, 0.002, 100 + i % 300, 1000 + i));

        IntensityChart chart = IntensityChart.of(new TrackSizes(tracks), Double.NaN).orElseThrow();

        assertThat(chart.drawn()).isEqualTo(IntensityChart.MOST_DRAWN);
        assertThat(chart.plotted()).isEqualTo(12_345);
        assertThat(chart.hasThreshold()).isFalse();
        assertThat(dots(chart)).hasSize(IntensityChart.MOST_DRAWN);
        assertThat(chart.dots()).isEqualTo(IntensityChart.of(new TrackSizes(tracks), Double.NaN).orElseThrow().dots());
        // some 16 bytes a dot
        assertThat(chart.dots().length()).isLessThan(20 * IntensityChart.MOST_DRAWN);
        List<Integer> sample = IntensityChart.sample(IntStream.range(0, 12_345).boxed().toList(), 5000);
        assertThat(sample.get(0)).isZero();
        assertThat(sample.get(4999)).isGreaterThan(12_340);
        for (int i = 1; i < sample.size(); i++) assertThat(sample.get(i) - sample.get(i - 1)).isBetween(2, 3);
    }

    @Test
    void noPlottableTrackGivesNoChart() {
        assertThat(IntensityChart.of(new TrackSizes(List.of(new TrackSizes.Track(1, 5, -0.2, 0.3, Double.NaN, 800))), 100)).isEmpty();
        assertThat(IntensityChart.of(new TrackSizes(List.of()), 100)).isEmpty();
    }

    private static List<double[]> dots(IntensityChart chart) {
        List<double[]> dots = new ArrayList<>();
        Matcher m = DOT.matcher(chart.dots());
        while (m.find()) dots.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        return dots;
    }
}
