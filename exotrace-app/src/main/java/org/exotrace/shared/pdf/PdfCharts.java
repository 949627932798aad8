package org.exotrace.shared.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;

/**
 * What the vector charts in Exotrace's PDFs share: their colours, the axis lines, the horizontal
 * grid and placing the drawn template as an image. Coordinates are points from the template's
 * lower left corner.
 */
public final class PdfCharts {

    public static final Color AXIS = new Color(0x33, 0x33, 0x33);
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    /** The data line. */
    public static final Color LINE = new Color(0x1F, 0x5A, 0x8C);
    /** A marked value: a baseline, a mode. */
    public static final Color MARKER = new Color(0xB0, 0x3A, 0x2E);

    private PdfCharts() {}

    /** The value axis up the left and the other axis along the bottom of the plot area. */
    public static void axes(PdfContentByte cb, float left, float bottom, float plotWidth, float plotHeight) {
        cb.saveState();
        cb.setColorStroke(AXIS);
        cb.setLineWidth(0.8f);
        cb.moveTo(left, bottom + plotHeight);
        cb.lineTo(left, bottom);
        cb.lineTo(left + plotWidth, bottom);
        cb.stroke();
        cb.restoreState();
    }

    /** Thin grey lines across the plot area at each of the heights {@code ys}. */
    public static void horizontalGrid(PdfContentByte cb, float left, float plotWidth, Iterable<Float> ys) {
        cb.saveState();
        cb.setLineWidth(0.4f);
        cb.setColorStroke(GRID);
        for (float y : ys) {
            cb.moveTo(left, y);
            cb.lineTo(left + plotWidth, y);
        }
        cb.stroke();
        cb.restoreState();
    }

    /** The drawn chart as an image element with the given alignment ({@code Element.ALIGN_...}). */
    public static Image image(PdfTemplate chart, int alignment, String what) {
        try {
            Image image = Image.getInstance(chart);
            image.setAlignment(alignment);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("Could not place the " + what, e);
        }
    }
}
