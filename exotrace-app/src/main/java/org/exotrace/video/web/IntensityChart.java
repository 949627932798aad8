package org.exotrace.video.web;

import java.util.ArrayList;
import java.util.List;
import org.exotrace.shared.chart.ChartNumbers;
import org.exotrace.shared.chart.SvgPlot;
import org.exotrace.video.TrackSizes;

/**
 * The intensity-versus-size scatter of a video's tracks laid out for an inline SVG in a 560×340
 * box: each track's diameter (from its own D) across, its mean scattered intensity up, both axes
 * logarithmic with ticks at round numbers (see {@link LogAxis}), and a dashed line at the smallest intensity detection accepts, the floor the small
 * particles sink to. At most {@link #MOST_DRAWN} tracks are drawn, evenly spaced in track order,
 * so the page stays small (some 80 kB); the download holds every track.
 *
 * <p>The dots are one path of zero-length segments with round caps, a few bytes each, rather than a
 * circle element per track.
 *
 * @param dots        the path of the dots
 * @param density     how crowded they are, the class that sizes them: {@code few}, {@code some} or {@code many} (smaller and fainter,
 *                    so that a crowd shows where it is densest)
 * @param xTicks      the diameter ticks
 * @param yTicks      the intensity ticks
 * @param thresholdY  where the detection threshold's line is; NaN when it is not known or off the chart
 * @param sized       tracks sized
 * @param plotted     of those, with a positive diameter and intensity (plottable on log axes)
 * @param drawn       of those, drawn
 * @param minNm       the smallest diameter among the plotted tracks
 * @param maxNm       the largest
 * @param minMass     the lowest mean intensity among the plotted tracks
 * @param maxMass     the highest
 */
record IntensityChart(String dots, String density, List<Tick> xTicks, List<Tick> yTicks, double thresholdY, int sized, int plotted, int drawn,
                      double minNm, double maxNm, double minMass, double maxMass) implements SvgPlot {

    /** The most tracks drawn. */
    static final int MOST_DRAWN = 5000;

    static final SvgPlot.Frame FRAME = new SvgPlot.Frame(560, 340, 78, 24, 12, 48);

    record Tick(double at, String label) {}

    /** The chart of {@code sizes}, with the line at {@code massThreshold} (camera units; NaN for none); empty when no track is plottable. */
    static java.util.Optional<IntensityChart> of(TrackSizes sizes, double massThreshold) {
        List<TrackSizes.Track> plottable = sizes.tracks().stream().filter(TrackSizes.Track::plottable).toList();
        if (plottable.isEmpty()) return java.util.Optional.empty();
        double minNm = Double.POSITIVE_INFINITY;
        double maxNm = 0;
        double minMass = Double.POSITIVE_INFINITY;
        double maxMass = 0;
        for (TrackSizes.Track t : plottable) {
            minNm = Math.min(minNm, t.diameterNm());
            maxNm = Math.max(maxNm, t.diameterNm());
            minMass = Math.min(minMass, t.meanMass());
            maxMass = Math.max(maxMass, t.meanMass());
        }
        boolean threshold = massThreshold > 0 && Double.isFinite(massThreshold);
        LogAxis x = LogAxis.covering(minNm, maxNm);
        LogAxis y = LogAxis.covering(threshold ? Math.min(minMass, massThreshold) : minMass, maxMass);
        double left = FRAME.left();
        double bottom = FRAME.height() - FRAME.bottom();
        StringBuilder dots = new StringBuilder(16 * Math.min(plottable.size(), MOST_DRAWN));
        List<TrackSizes.Track> drawn = sample(plottable, MOST_DRAWN);
        for (TrackSizes.Track t : drawn) {
            dots.append('M').append(fmt(left + x.fraction(t.diameterNm()) * FRAME.plotWidth())).append(' ')
                    .append(fmt(bottom - y.fraction(t.meanMass()) * FRAME.plotHeight())).append("h0");
        }
        List<Tick> xTicks = new ArrayList<>();
        for (double v : x.ticks()) xTicks.add(new Tick(left + x.fraction(v) * FRAME.plotWidth(), label(v, x.powers())));
        List<Tick> yTicks = new ArrayList<>();
        for (double v : y.ticks()) yTicks.add(new Tick(bottom - y.fraction(v) * FRAME.plotHeight(), label(v, y.powers())));
        String density = drawn.size() <= 300 ? "few" : drawn.size() <= 1500 ? "some" : "many";
        return java.util.Optional.of(new IntensityChart(dots.toString(), density, xTicks, yTicks,
                threshold ? bottom - y.fraction(massThreshold) * FRAME.plotHeight() : Double.NaN, sizes.tracks().size(), plottable.size(),
                drawn.size(), minNm, maxNm, minMass, maxMass));
    }

    /** Every track when there are at most {@code most}; else {@code most} of them evenly spaced in their order (the same each time). */
    static <T> List<T> sample(List<T> all, int most) {
        if (all.size() <= most) return all;
        List<T> some = new ArrayList<>(most);
        for (int i = 0; i < most; i++) some.add(all.get((int) ((long) i * all.size() / most)));
        return some;
    }

    /** Whether the line at the detection threshold is drawn. */
    public boolean hasThreshold() {
        return !Double.isNaN(thresholdY);
    }

    @Override
    public SvgPlot.Frame frame() {
        return FRAME;
    }

    /**
     * A logarithmic axis from a round number at or below the lowest value to one at or above the
     * highest, with the round numbers in between as ticks: 1, 2 or 5 times a power of ten over 1.2
     * to 2.5 decades; also 3 below 1.2 decades, 1.5, 4 and 7 below 0.6, and 1.2, 2.5, 6 and 8 (not 7)
     * below 0.3; only the powers of ten above 2.5 decades.
     */
    record LogAxis(double low, double high, List<Double> ticks) {

        static LogAxis covering(double lowest, double highest) {
            double lo = lowest;
            double hi = highest;
            if (!(hi > lo)) {
                lo = lo / 2;
                hi = hi * 2;
            }
            double decades = Math.log10(hi / lo);
            double[] mantissas = decades > 2.5 ? new double[] {1} : decades > 1.2 ? new double[] {1, 2, 5}
                    : decades > 0.6 ? new double[] {1, 2, 3, 5} : decades > 0.3 ? new double[] {1, 1.5, 2, 3, 4, 5, 7}
                    : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8};
            double low = round(lo, mantissas, false);
            double high = round(hi, mantissas, true);
            List<Double> ticks = new ArrayList<>();
            for (int k = (int) Math.floor(Math.log10(low)); k <= (int) Math.ceil(Math.log10(high)); k++) {
                for (double m : mantissas) {
                    double v = m * Math.pow(10, k);
                    if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) ticks.add(v);
                }
            }
            return new LogAxis(low, high, List.copyOf(ticks));
        }

        /** Whether the ticks are labelled as powers of ten: when the axis reaches 10,000, so labels stay short and alike. */
        boolean powers() {
            return high >= 1e4 * (1 - 1e-9);
        }

        /** Where {@code v} falls between the ends, 0 to 1. */
        double fraction(double v) {
            return Math.log(v / low) / Math.log(high / low);
        }

        /** The largest round number at or below {@code v} (or the smallest at or above it). */
        private static double round(double v, double[] mantissas, boolean up) {
            int k = (int) Math.floor(Math.log10(v));
            if (up) {
                for (int e = k; e <= k + 1; e++) {
                    for (double m : mantissas) {
                        double r = m * Math.pow(10, e);
                        if (r >= v * (1 - 1e-9)) return r;
                    }
                }
                return Math.pow(10, k + 1);
            }
            double best = Math.pow(10, k);
            for (double m : mantissas) {
                double r = m * Math.pow(10, k);
                if (r <= v * (1 + 1e-9)) best = r;
            }
            return best;
        }
    }

    /** A tick's label: the number as is (50, 0.5, 2000), or as a power of ten (10⁴, 2×10⁵, 1.5×10³). */
    static String label(double v, boolean powers) {
        if (!powers) return ChartNumbers.trimmed(v, 3);
        int k = (int) Math.floor(Math.log10(v) + 1e-9);
        String m = ChartNumbers.trimmed(v / Math.pow(10, k), 1);
        return ("1".equals(m) ? "" : m + "×") + "10" + superscript(k);
    }

    private static String superscript(int k) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(k).toCharArray()) s.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        return s.toString();
    }

    private static String fmt(double v) {
        return ChartNumbers.fixed(v, 1);
    }
}
