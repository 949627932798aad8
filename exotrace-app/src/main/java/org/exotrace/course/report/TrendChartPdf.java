package org.exotrace.course.report;

import static org.exotrace.shared.pdf.PdfCharts.AXIS;
import static org.exotrace.shared.pdf.PdfCharts.LINE;
import static org.exotrace.shared.pdf.PdfCharts.MARKER;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.exotrace.followup.Progress;
import org.exotrace.shared.chart.ChartNumbers;
import org.exotrace.shared.chart.NiceScale;
import org.exotrace.shared.pdf.PdfCharts;
import org.exotrace.shared.pdf.WinAnsiText;

/**
 * One endpoint's values over time as vector graphics, like the progress page's chart: a line
 * through the assessments by date, the baseline point in red with a dashed line at its value, the
 * value axis from 0 to a round number above the highest value (no higher than the instrument's
 * maximum), dates under the points.
 */
final class TrendChartPdf {

    private static final float LEFT = 40;
    private static final float RIGHT = 30;
    private static final float TOP = 12;
    private static final float BOTTOM = 30;

    private final BaseFont regular;

    TrendChartPdf(BaseFont regular) {
        this.regular = regular;
    }

    /** The chart of a series whose points all have a value. */
    Image draw(PdfWriter writer, Progress.Series series, float width, float height) {
        List<Progress.Point> points = series.points();
        PdfTemplate cb = writer.getDirectContent().createTemplate(width, height);
        float plotW = width - LEFT - RIGHT;
        float plotH = height - TOP - BOTTOM;
        double top = points.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(0);
        NiceScale.Axis axis = NiceScale.fromZero(top * 1.15, 4);
        if (series.instrument().max().isPresent() && series.part() == null) {
            double capped = Math.min(axis.max(), series.instrument().max().get().doubleValue());
            axis = axis.endingAt(capped <= 0 ? 1 : capped);
        }
        List<Double> ticks = axis.ticks();
        LocalDate first = points.get(0).on();
        long span = ChronoUnit.DAYS.between(first, points.get(points.size() - 1).on());
        double max = axis.max();
        java.util.function.ToDoubleFunction<Progress.Point> x = p -> LEFT + (span == 0 ? plotW / 2
                : ChronoUnit.DAYS.between(first, p.on()) * plotW / span);
        java.util.function.DoubleUnaryOperator y = v -> BOTTOM + plotH * v / max;

        PdfCharts.horizontalGrid(cb, LEFT, plotW, ticks.subList(1, ticks.size()).stream().map(v -> (float) y.applyAsDouble(v)).toList());
        PdfCharts.axes(cb, LEFT, BOTTOM, plotW, plotH);
        cb.saveState();
        float baseY = (float) y.applyAsDouble(points.get(0).value().doubleValue());
        cb.setColorStroke(MARKER);
        cb.setLineWidth(0.7f);
        cb.setLineDash(4f, 2.5f, 0);
        cb.moveTo(LEFT, baseY);
        cb.lineTo(LEFT + plotW, baseY);
        cb.stroke();
        cb.setLineDash(0);
        cb.setColorStroke(LINE);
        cb.setLineWidth(1.5f);
        cb.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        for (int i = 0; i < points.size(); i++) {
            float px = (float) x.applyAsDouble(points.get(i));
            float py = (float) y.applyAsDouble(points.get(i).value().doubleValue());
            if (i == 0) cb.moveTo(px, py);
            else cb.lineTo(px, py);
        }
        cb.stroke();
        for (int i = 0; i < points.size(); i++) {
            cb.setColorFill(i == 0 ? MARKER : LINE);
            cb.circle((float) x.applyAsDouble(points.get(i)), (float) y.applyAsDouble(points.get(i).value().doubleValue()), 2.8f);
            cb.fill();
        }
        cb.restoreState();

        cb.beginText();
        cb.setColorFill(AXIS);
        cb.setFontAndSize(regular, 7);
        for (double v : ticks) {
            cb.showTextAligned(Element.ALIGN_RIGHT, ChartNumbers.trimmed(v, 3), LEFT - 4, (float) y.applyAsDouble(v) - 2.5f, 0);
        }
        for (int i = 0; i < points.size(); i++) {
            if (points.size() <= 6 || i == 0 || i == points.size() - 1) {
                cb.showTextAligned(Element.ALIGN_CENTER, points.get(i).on().toString(), (float) x.applyAsDouble(points.get(i)), BOTTOM - 11, 0);
            }
        }
        cb.setColorFill(MARKER);
        cb.showTextAligned(Element.ALIGN_LEFT, "baseline " + points.get(0).value().toPlainString(), LEFT + 4, baseY + 3, 0);
        cb.setColorFill(AXIS);
        cb.showTextAligned(Element.ALIGN_CENTER, WinAnsiText.legible(series.endpoint()
                        + (series.unit().isEmpty() ? "" : " (" + series.unit() + ")") + " by date"),
                LEFT + plotW / 2, 3, 0);
        cb.endText();
        return PdfCharts.image(cb, Element.ALIGN_LEFT, "trend chart of " + series.endpoint());
    }
}
