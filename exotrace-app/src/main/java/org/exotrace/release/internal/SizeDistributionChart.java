package org.exotrace.release.internal;

import static org.exotrace.shared.pdf.PdfCharts.AXIS;
import static org.exotrace.shared.pdf.PdfCharts.LINE;
import static org.exotrace.shared.pdf.PdfCharts.MARKER;

import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.exotrace.release.internal.CertificateContent.SizePoint;
import org.exotrace.shared.chart.ChartNumbers;
import org.exotrace.shared.chart.NiceScale;
import org.exotrace.shared.pdf.PdfCharts;

/**
 * Draws a number-weighted particle size distribution as vector graphics: filled area under
 * the curve, axes with 1-2-5 ticks, grid, axis titles and a marker at the modal diameter.
 */
final class SizeDistributionChart {

  private static final Color FILL = new Color(0xC6, 0xDB, 0xEF);

  private static final float LEFT = 52;
  private static final float BOTTOM = 34;
  private static final float TOP = 14;
  private static final float RIGHT = 14;

  private final BaseFont regular;
  private final BaseFont bold;

  SizeDistributionChart(BaseFont regular, BaseFont bold) {
    this.regular = regular;
    this.bold = bold;
  }

  Image draw(PdfWriter writer, List<SizePoint> distribution, float width, float height) {
    List<SizePoint> points = distribution.stream()
        .sorted(Comparator.comparingDouble(SizePoint::diameterNm))
        .toList();
    PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
    float plotWidth = width - LEFT - RIGHT;
    float plotHeight = height - BOTTOM - TOP;
    if (points.isEmpty() || plotWidth <= 0 || plotHeight <= 0) {
      throw new IllegalArgumentException("a chart needs points and room for its axes");
    }

    double maxDiameter = points.get(points.size() - 1).diameterNm();
    double maxFraction = points.stream().mapToDouble(SizePoint::fraction).max().orElse(0);
    double xStep = NiceScale.stepWithQuarters((maxDiameter > 0 ? maxDiameter : 100) / 8);
    double yStep = NiceScale.stepWithQuarters((maxFraction > 0 ? maxFraction * 1.08 : 1) / 5);
    double xMax = Math.max(xStep, Math.ceil(maxDiameter / xStep) * xStep);
    double yMax = Math.ceil((maxFraction > 0 ? maxFraction * 1.08 : 1) / yStep) * yStep;
    Scale scale = new Scale(LEFT, BOTTOM, plotWidth / xMax, plotHeight / yMax);

    drawGridAndTicks(canvas, scale, xStep, xMax, yStep, yMax, plotWidth, plotHeight);
    drawCurve(canvas, scale, points);
    drawModeMarker(canvas, scale, points, LEFT + plotWidth, plotHeight);
    PdfCharts.axes(canvas, LEFT, BOTTOM, plotWidth, plotHeight);
    drawAxisTitles(canvas, plotWidth, plotHeight);

    return PdfCharts.image(canvas, Element.ALIGN_CENTER, "size distribution chart");
  }

  private record Scale(float originX, float originY, double perNm, double perFraction) {
    float x(double nm) {
      return (float) (originX + nm * perNm);
    }

    float y(double fraction) {
      return (float) (originY + fraction * perFraction);
    }
  }

  private void drawGridAndTicks(PdfContentByte cb, Scale s, double xStep, double xMax,
      double yStep, double yMax, float plotWidth, float plotHeight) {
    List<Float> gridYs = new ArrayList<>();
    for (int i = 1; i * yStep <= yMax + yStep / 1000; i++) {
      gridYs.add(s.y(i * yStep));
    }
    PdfCharts.horizontalGrid(cb, LEFT, plotWidth, gridYs);
    cb.saveState();
    cb.setColorStroke(AXIS);
    cb.setLineWidth(0.6f);
    for (int i = 0; i * xStep <= xMax + xStep / 1000; i++) {
      float x = s.x(i * xStep);
      cb.moveTo(x, BOTTOM);
      cb.lineTo(x, BOTTOM - 3);
    }
    for (int i = 0; i * yStep <= yMax + yStep / 1000; i++) {
      float y = s.y(i * yStep);
      cb.moveTo(LEFT, y);
      cb.lineTo(LEFT - 3, y);
    }
    cb.stroke();
    cb.restoreState();

    int yDecimals = ChartNumbers.decimals(yStep);
    cb.beginText();
    cb.setColorFill(AXIS);
    cb.setFontAndSize(regular, 7.5f);
    for (int i = 0; i * xStep <= xMax + xStep / 1000; i++) {
      cb.showTextAligned(Element.ALIGN_CENTER, ChartNumbers.fixed(i * xStep, ChartNumbers.decimals(xStep)), s.x(i * xStep), BOTTOM - 11, 0);
    }
    for (int i = 0; i * yStep <= yMax + yStep / 1000; i++) {
      cb.showTextAligned(Element.ALIGN_RIGHT, ChartNumbers.fixed(i * yStep, yDecimals), LEFT - 5, s.y(i * yStep) - 2.5f, 0);
    }
    cb.endText();
  }

  private void drawCurve(PdfContentByte cb, Scale s, List<SizePoint> points) {
    cb.saveState();
    cb.setColorFill(FILL);
    cb.moveTo(s.x(points.get(0).diameterNm()), s.y(0));
    for (SizePoint p : points) {
      cb.lineTo(s.x(p.diameterNm()), s.y(p.fraction()));
    }
    cb.lineTo(s.x(points.get(points.size() - 1).diameterNm()), s.y(0));
    cb.closePath();
    cb.fill();
    cb.setColorStroke(LINE);
    cb.setLineWidth(1.2f);
    cb.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
    cb.moveTo(s.x(points.get(0).diameterNm()), s.y(points.get(0).fraction()));
    for (SizePoint p : points) {
      cb.lineTo(s.x(p.diameterNm()), s.y(p.fraction()));
    }
    cb.stroke();
    cb.restoreState();
  }

  private void drawModeMarker(PdfContentByte cb, Scale s, List<SizePoint> points, float plotRight,
      float plotHeight) {
    SizePoint mode = points.stream().max(Comparator.comparingDouble(SizePoint::fraction)).orElseThrow();
    if (mode.fraction() <= 0) {
      return;
    }
    float x = s.x(mode.diameterNm());
    float top = s.y(mode.fraction());
    cb.saveState();
    cb.setColorStroke(MARKER);
    cb.setLineWidth(0.7f);
    cb.setLineDash(2.5f, 2f, 0);
    cb.moveTo(x, BOTTOM);
    cb.lineTo(x, top);
    cb.stroke();
    cb.restoreState();
    cb.beginText();
    cb.setColorFill(MARKER);
    cb.setFontAndSize(regular, 7.5f);
    String label = "mode " + ChartNumbers.fixed(mode.diameterNm(), 0) + " nm";
    float labelY = Math.min(top + 4, BOTTOM + plotHeight + 4);
    if (x + 3 + regular.getWidthPoint(label, 7.5f) <= plotRight) {
      cb.showTextAligned(Element.ALIGN_LEFT, label, x + 3, labelY, 0);
    } else {
      cb.showTextAligned(Element.ALIGN_RIGHT, label, x - 3, labelY, 0);
    }
    cb.endText();
  }

  private void drawAxisTitles(PdfContentByte cb, float plotWidth, float plotHeight) {
    cb.beginText();
    cb.setColorFill(AXIS);
    cb.setFontAndSize(bold, 8.5f);
    cb.showTextAligned(Element.ALIGN_CENTER, "Diameter (nm)", LEFT + plotWidth / 2, 4, 0);
    cb.showTextAligned(Element.ALIGN_CENTER, "Relative number per nm", 10, BOTTOM + plotHeight / 2, 90);
    cb.endText();
  }
}
