package org.exotrace.course.web;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.exotrace.followup.Progress;
import org.exotrace.outcome.Bands;
import org.exotrace.outcome.ComponentEntry;
import org.exotrace.shared.chart.ChartNumbers;
import org.exotrace.shared.chart.NiceScale;
import org.exotrace.shared.chart.SvgPlot;

/**
 * One endpoint's values over time laid out for an inline SVG in a 640×240 box: a line through the
 * assessments by date, the baseline point and a dashed line at its value, and the lower bound of
 * each severity band (EASI "moderate" from 6) as a labelled line. The value axis runs from 0 to a
 * round number above the highest value, no higher than the instrument's maximum.
 */
record TrendChart(String line, List<Dot> dots, double baselineY, String baselineLabel, List<Level> bands, List<Tick> yTicks,
                  List<Tick> xTicks) implements SvgPlot {

    static final SvgPlot.Frame FRAME = new SvgPlot.Frame(640, 240, 44, 96, 14, 34);
    private static final int LEFT = FRAME.left();
    private static final int TOP = FRAME.top();

    /** An assessment: where it is drawn and what its tooltip says. */
    record Dot(double x, double y, boolean baseline, String title) {}

    /** A horizontal line with its label, at height {@code y}. */
    record Level(double y, String label) {}

    record Tick(double at, String label) {}

    /** The chart of a series whose points all have a value ({@link Progress.Series#numeric()}). */
    static TrendChart of(Progress.Series series) {
        List<Progress.Point> points = series.points();
        double top = points.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(0);
        NiceScale.Axis axis = NiceScale.fromZero(top * 1.15, 4);
        if (series.instrument().max().isPresent() && series.part() == null) {
            double capped = Math.min(axis.max(), series.instrument().max().get().doubleValue());
            axis = axis.endingAt(capped <= 0 ? 1 : capped);
        }
        double yMax = axis.max();
        double plotW = FRAME.plotWidth();
        double plotH = FRAME.plotHeight();
        long span = ChronoUnit.DAYS.between(points.get(0).on(), points.get(points.size() - 1).on());
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Progress.Point p = points.get(i);
            long day = ChronoUnit.DAYS.between(points.get(0).on(), p.on());
            double x = LEFT + (span == 0 ? plotW / 2 : day * plotW / span);
            double y = TOP + plotH * (1 - p.value().doubleValue() / yMax);
            dots.add(new Dot(x, y, i == 0, p.on() + ": " + p.value().toPlainString() + (p.band() == null ? "" : " (" + p.band() + ")")));
            line.append(line.isEmpty() ? "M" : " L").append(fmt(x)).append(',').append(fmt(y));
            if (points.size() <= 8 || i == 0 || i == points.size() - 1) xTicks.add(new Tick(x, p.on().toString()));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (double v : axis.ticks()) yTicks.add(new Tick(TOP + plotH * (1 - v / yMax), fmt(v)));
        List<Level> bands = new ArrayList<>();
        if (series.part() == null) {
            for (Bands.Band band : ComponentEntry.bands(series.instrument()).map(Bands::bands).orElse(List.of())) {
                double bound = band.bound().doubleValue();
                if (bound > 0 && bound <= yMax) {
                    bands.add(new Level(TOP + plotH * (1 - bound / yMax), band.label() + " ≥ " + plain(band.bound())));
                }
            }
        }
        Progress.Point baseline = points.get(0);
        return new TrendChart(line.toString(), dots, dots.get(0).y(), "baseline " + baseline.value().toPlainString(), bands, yTicks, xTicks);
    }

    @Override
    public SvgPlot.Frame frame() {
        return FRAME;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String fmt(double v) {
        return ChartNumbers.trimmed(v, 3);
    }
}
