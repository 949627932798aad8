package org.exotrace.evidence.web;

import java.util.ArrayList;
import java.util.List;
import org.exotrace.evidence.AnalysisReport.Bar;
import org.exotrace.evidence.AnalysisReport.ForestRow;
import org.exotrace.evidence.AnalysisReport.Line;
import org.exotrace.evidence.AnalysisReport.Point;
import org.exotrace.evidence.AnalysisReport.Series;
import org.exotrace.evidence.AnalysisReport.TrajectoryPoint;
import org.exotrace.shared.chart.Canvas;
import org.exotrace.shared.chart.ChartNumbers;
import org.exotrace.shared.chart.NiceScale;

/**
 * The evidence pictures, drawn once for both the page (SVG) and the report (PDF): a forest plot of
 * estimates with their 95 % intervals, a waterfall of each patient's percent change, mean
 * trajectories over the visits with their intervals, and a dose-response scatter with its line.
 */
final class EvidenceCharts {

    static final int WIDTH = 640;
    static final String INK = "#222222";
    static final String MUTED = "#5f5f5f";
    static final String GRID = "#dddddd";
    static final String BLUE = "#1f5a8c";
    static final String RED = "#b03a2e";
    /** Colour-blind-safe series colours (Okabe-Ito), dark enough on white. */
    static final String[] SERIES = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56780f"};

    private EvidenceCharts() {}

    /** A linear axis over [lo, hi] widened to round ticks. */
    record Axis(double lo, double hi, double step) {

        static Axis over(double min, double max, int intervals) {
            if (!(max > min)) {
                max = min + 1;
                min = min - 1;
            }
            double step = NiceScale.step((max - min) / intervals);
            return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
        }

        double at(double v, double from, double to) {
            return from + (v - lo) / (hi - lo) * (to - from);
        }

        List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            for (double v = lo; v <= hi + step / 1000; v += step) out.add(Math.abs(v) < step / 1e6 ? 0 : v);
            return out;
        }

        String label(double v) {
            return ChartNumbers.fixed(v, ChartNumbers.decimals(step));
        }
    }

    static int forestHeight(List<ForestRow> rows) {
        return 40 + 26 * rows.size() + 30;
    }

    /** Rows top to bottom: label and n on the left, the interval and the estimate in the middle, the numbers on the right. */
    static void forest(Canvas c, List<ForestRow> rows, String unit) {
        int height = forestHeight(rows);
        double left = 200;
        double right = WIDTH - 150;
        double min = Math.min(0, rows.stream().mapToDouble(ForestRow::lower).filter(Double::isFinite).min().orElse(0));
        double max = Math.max(0, rows.stream().mapToDouble(ForestRow::upper).filter(Double::isFinite).max().orElse(1));
        Axis x = Axis.over(min, max, 6);
        double bottom = height - 30;
        for (double t : x.ticks()) {
            double px = x.at(t, left, right);
            c.line(px, 24, px, bottom, GRID, 0.6, false);
            c.text(px, bottom + 14, x.label(t), Canvas.Anchor.MIDDLE, 10, MUTED);
        }
        double zero = x.at(0, left, right);
        c.line(zero, 20, zero, bottom, INK, 1, true);
        c.text(left - 8, 16, "group (n)", Canvas.Anchor.END, 10, MUTED);
        c.text((left + right) / 2, 16, unit + ", 95 % CI", Canvas.Anchor.MIDDLE, 10, MUTED);
        for (int i = 0; i < rows.size(); i++) {
            ForestRow r = rows.get(i);
            double y = 40 + 26 * i;
            c.text(left - 8, y + 4, shorten(r.label(), 30) + " (" + r.n() + ")", Canvas.Anchor.END, 11, INK);
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                c.line(x.at(r.lower(), left, right), y, x.at(r.upper(), left, right), y, BLUE, 2, false);
            }
            c.rect(x.at(r.estimate(), left, right) - 4, y - 4, 8, 8, BLUE);
            c.text(right + 8, y + 4, ChartNumbers.fixed(r.estimate(), 1) + " (" + ChartNumbers.fixed(r.lower(), 1) + " to "
                    + ChartNumbers.fixed(r.upper(), 1) + ")", Canvas.Anchor.START, 10, INK);
        }
        c.line(left, bottom, right, bottom, INK, 0.8, false);
    }

    static final int WATERFALL_HEIGHT = 260;

    /** One bar per patient, largest rise on the left, responders in blue, the responder line dashed. */
    static void waterfall(Canvas c, List<Bar> bars, Integer responderPercent, String yLabel) {
        double left = 56;
        double right = WIDTH - 12;
        double top = 14;
        double bottom = WATERFALL_HEIGHT - 30;
        double min = Math.min(-10, bars.stream().mapToDouble(Bar::percentChange).min().orElse(0));
        double max = Math.max(10, bars.stream().mapToDouble(Bar::percentChange).max().orElse(0));
        Axis y = Axis.over(min, max, 6);
        for (double t : y.ticks()) {
            double py = y.at(t, bottom, top);
            c.line(left, py, right, py, GRID, 0.6, false);
            c.text(left - 6, py + 4, y.label(t), Canvas.Anchor.END, 10, MUTED);
        }
        double zero = y.at(0, bottom, top);
        double slot = (right - left) / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double py = y.at(b.percentChange(), bottom, top);
            c.rect(left + i * slot + slot * 0.1, Math.min(py, zero), Math.max(0.5, slot * 0.8), Math.abs(py - zero), b.responder() ? BLUE : RED,
                    b.id() + ": " + ChartNumbers.fixed(b.percentChange(), 1) + " %");
        }
        c.line(left, zero, right, zero, INK, 1, false);
        if (responderPercent != null) {
            double py = y.at(-responderPercent, bottom, top);
            if (py <= bottom && py >= top) c.line(left, py, right, py, INK, 1, true);
        }
        c.text(left, WATERFALL_HEIGHT - 8, yLabel + " by patient, sorted; blue: responder, red: not", Canvas.Anchor.START, 10, MUTED);
    }

    static final int TRAJECTORY_HEIGHT = 260;

    /** Each series' mean percent change at each visit, with its interval as a bar, the series joined by lines. */
    static void trajectories(Canvas c, List<Series> series) {
        double left = 56;
        double right = WIDTH - 150;
        double top = 14;
        double bottom = TRAJECTORY_HEIGHT - 34;
        double maxDay = series.stream().flatMap(s -> s.points().stream()).mapToDouble(TrajectoryPoint::day).max().orElse(1);
        double min = Math.min(0, series.stream().flatMap(s -> s.points().stream()).mapToDouble(TrajectoryPoint::lower).min().orElse(0));
        double max = Math.max(0, series.stream().flatMap(s -> s.points().stream()).mapToDouble(TrajectoryPoint::upper).max().orElse(0));
        Axis x = Axis.over(0, maxDay, 6);
        Axis y = Axis.over(min, max, 6);
        for (double t : y.ticks()) {
            double py = y.at(t, bottom, top);
            c.line(left, py, right, py, GRID, 0.6, false);
            c.text(left - 6, py + 4, y.label(t), Canvas.Anchor.END, 10, MUTED);
        }
        for (double t : x.ticks()) c.text(x.at(t, left, right), bottom + 14, x.label(t), Canvas.Anchor.MIDDLE, 10, MUTED);
        c.line(left, bottom, right, bottom, INK, 0.8, false);
        c.text((left + right) / 2, TRAJECTORY_HEIGHT - 4, "days from baseline", Canvas.Anchor.MIDDLE, 10, MUTED);
        for (int s = 0; s < series.size(); s++) {
            String colour = SERIES[s % SERIES.length];
            List<TrajectoryPoint> points = series.get(s).points();
            double offset = (s - (series.size() - 1) / 2.0) * 3;
            for (int i = 0; i < points.size(); i++) {
                TrajectoryPoint p = points.get(i);
                double px = x.at(p.day(), left, right) + offset;
                c.line(px, y.at(p.lower(), bottom, top), px, y.at(p.upper(), bottom, top), colour, 1.2, false);
                c.circle(px, y.at(p.mean(), bottom, top), 3.2, colour);
                if (i > 0) {
                    TrajectoryPoint q = points.get(i - 1);
                    c.line(x.at(q.day(), left, right) + offset, y.at(q.mean(), bottom, top), px, y.at(p.mean(), bottom, top), colour, 1.5, false);
                }
            }
            c.rect(right + 12, top + 4 + 18 * s, 10, 10, colour);
            c.text(right + 28, top + 13 + 18 * s, shorten(series.get(s).name(), 18), Canvas.Anchor.START, 10, INK);
        }
    }

    static final int SCATTER_HEIGHT = 280;

    /** One point per course and the fitted line across the observed range. */
    static void scatter(Canvas c, List<Point> points, Line fit, String xLabel, String yLabel) {
        double left = 56;
        double right = WIDTH - 16;
        double top = 14;
        double bottom = SCATTER_HEIGHT - 38;
        Axis x = Axis.over(points.stream().mapToDouble(Point::x).min().orElse(0), points.stream().mapToDouble(Point::x).max().orElse(1), 6);
        Axis y = Axis.over(Math.min(0, points.stream().mapToDouble(Point::y).min().orElse(0)),
                Math.max(0, points.stream().mapToDouble(Point::y).max().orElse(1)), 6);
        for (double t : y.ticks()) {
            double py = y.at(t, bottom, top);
            c.line(left, py, right, py, GRID, 0.6, false);
            c.text(left - 6, py + 4, y.label(t), Canvas.Anchor.END, 10, MUTED);
        }
        for (double t : x.ticks()) c.text(x.at(t, left, right), bottom + 14, x.label(t), Canvas.Anchor.MIDDLE, 10, MUTED);
        c.line(left, bottom, right, bottom, INK, 0.8, false);
        for (Point p : points) c.circle(x.at(p.x(), left, right), y.at(p.y(), bottom, top), 2.6, BLUE);
        if (fit != null) {
            c.line(x.at(fit.x1(), left, right), y.at(fit.y1(), bottom, top), x.at(fit.x2(), left, right), y.at(fit.y2(), bottom, top), RED, 2, false);
        }
        c.text((left + right) / 2, SCATTER_HEIGHT - 8, xLabel + "; y: " + yLabel, Canvas.Anchor.MIDDLE, 10, MUTED);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
