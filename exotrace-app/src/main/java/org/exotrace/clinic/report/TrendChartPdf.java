package org.exotrace.clinic.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.exotrace.clinic.Progress;
import org.exotrace.shared.pdf.WinAnsiText;

/**
 * One endpoint's values over time as vector graphics, like the progress page's chart: a line
 * through the assessments by date, the baseline point in red with a dashed line at its value, the
 * value axis from 0 to a round number above the highest value (no higher than the instrument's
 * maximum), dates under the points.
 */
final class TrendChartPdf {

    private static final Color AXIS = new Color(0x33, 0x33, 0x33);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color LINE = new Color(0x1F, 0x5A, 0x8C);
    private static final Color BASELINE = new Color(0xB0, 0x3A, 0x2E);

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
        double step = niceStep(Math.max(top * 1.15, 1e-3) / 4);
        double yMax = Math.max(step, Math.ceil(top * 1.15 / step) * step);
        if (series.instrument().max().isPresent() && series.part() == null) {
            yMax = Math.min(yMax, series.instrument().max().get().doubleValue());
            if (yMax <= 0) yMax = 1;
        }
        LocalDate first = points.get(0).on();
        long span = ChronoUnit.DAYS.between(first, points.get(points.size() - 1).on());
        double max = yMax;
        java.util.function.ToDoubleFunction<Progress.Point> x = p -> LEFT + (span == 0 ? plotW / 2
                : ChronoUnit.DAYS.between(first, p.on()) * plotW / span);
        java.util.function.DoubleUnaryOperator y = v -> BOTTOM + plotH * v / max;

        cb.saveState();
        cb.setLineWidth(0.4f);
        cb.setColorStroke(GRID);
        for (double v = step; v <= yMax + step / 1000; v += step) {
            cb.moveTo(LEFT, (float) y.applyAsDouble(v));
            cb.lineTo(LEFT + plotW, (float) y.applyAsDouble(v));
        }
        cb.stroke();
        cb.setColorStroke(AXIS);
        cb.setLineWidth(0.8f);
        cb.moveTo(LEFT, BOTTOM + plotH);
        cb.lineTo(LEFT, BOTTOM);
        cb.lineTo(LEFT + plotW, BOTTOM);
        cb.stroke();
        float baseY = (float) y.applyAsDouble(points.get(0).value().doubleValue());
        cb.setColorStroke(BASELINE);
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
            cb.setColorFill(i == 0 ? BASELINE : LINE);
            cb.circle((float) x.applyAsDouble(points.get(i)), (float) y.applyAsDouble(points.get(i).value().doubleValue()), 2.8f);
            cb.fill();
        }
        cb.restoreState();

        cb.beginText();
        cb.setColorFill(AXIS);
        cb.setFontAndSize(regular, 7);
        for (double v = 0; v <= yMax + step / 1000; v += step) {
            cb.showTextAligned(Element.ALIGN_RIGHT, format(v), LEFT - 4, (float) y.applyAsDouble(v) - 2.5f, 0);
        }
        for (int i = 0; i < points.size(); i++) {
            if (points.size() <= 6 || i == 0 || i == points.size() - 1) {
                cb.showTextAligned(Element.ALIGN_CENTER, points.get(i).on().toString(), (float) x.applyAsDouble(points.get(i)), BOTTOM - 11, 0);
            }
        }
        cb.setColorFill(BASELINE);
        cb.showTextAligned(Element.ALIGN_LEFT, "baseline " + points.get(0).value().toPlainString(), LEFT + 4, baseY + 3, 0);
        cb.setColorFill(AXIS);
        cb.showTextAligned(Element.ALIGN_CENTER, WinAnsiText.legible(series.endpoint()
                        + (series.unit().isEmpty() ? "" : " (" + series.unit() + ")") + " by date"),
                LEFT + plotW / 2, 3, 0);
        cb.endText();
        try {
            Image image = Image.getInstance(cb);
            image.setAlignment(Element.ALIGN_LEFT);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("Could not place the trend chart of " + series.endpoint(), e);
        }
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
    }

    private static String format(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString().toLowerCase(Locale.ROOT);
    }
}
