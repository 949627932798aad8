package org.exotrace.shared.chart;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Locale;
import org.exotrace.shared.pdf.WinAnsiText;
import org.springframework.web.util.HtmlUtils;

/**
 * Where a chart draws: the same drawing goes to an inline SVG for the page and to a
 * PDF template for the report. Coordinates have their origin at the top left, y downwards, in
 * SVG user units (the PDF turns them into points from the bottom).
 */
public interface Canvas {

    enum Anchor { START, MIDDLE, END }

    void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed);

    void rect(double x, double y, double w, double h, String fill);

    /** A rectangle that names what it stands for where the medium can (a tooltip in SVG); the PDF draws it plain. */
    default void rect(double x, double y, double w, double h, String fill, String title) {
        rect(x, y, w, h, fill);
    }

    void circle(double cx, double cy, double r, String fill);

    void text(double x, double y, String text, Anchor anchor, double size, String color);

    /** An SVG document fragment with a title for screen readers. */
    final class Svg implements Canvas {
        private final StringBuilder out = new StringBuilder();
        private final int width;
        private final int height;

        public Svg(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                    x1, y1, x2, y2, color, width, dashed ? " stroke-dasharray=\"4 3\"" : ""));
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill) {
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y, w, h, fill));
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, String title) {
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                    x, y, w, h, fill, HtmlUtils.htmlEscape(title)));
        }

        @Override
        public void circle(double cx, double cy, double r, String fill) {
            out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", cx, cy, r, fill));
        }

        @Override
        public void text(double x, double y, String text, Anchor anchor, double size, String color) {
            String a = switch (anchor) {
                case START -> "start";
                case MIDDLE -> "middle";
                case END -> "end";
            };
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.1f\" fill=\"%s\">%s</text>",
                    x, y, a, size, color, HtmlUtils.htmlEscape(text)));
        }

        /** The drawing as an {@code <svg role="img">} labelled by its title. */
        public String svg(String id, String title) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + width + " " + height + "\" role=\"img\" aria-labelledby=\""
                    + id + "-title\"><title id=\"" + id + "-title\">" + HtmlUtils.htmlEscape(title) + "</title>" + out + "</svg>";
        }
    }

    /** A PDF template of the same size in points. */
    final class Pdf implements Canvas {
        private final PdfContentByte cb;
        private final float height;
        private final BaseFont font;

        public Pdf(PdfContentByte cb, float height, BaseFont font) {
            this.cb = cb;
            this.height = height;
            this.font = font;
        }

        private float y(double y) {
            return (float) (height - y);
        }

        private static Color color(String hex) {
            return Color.decode(hex);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
            cb.saveState();
            cb.setColorStroke(color(color));
            cb.setLineWidth((float) width);
            if (dashed) cb.setLineDash(4, 3, 0);
            cb.moveTo((float) x1, y(y1));
            cb.lineTo((float) x2, y(y2));
            cb.stroke();
            cb.restoreState();
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill) {
            cb.saveState();
            cb.setColorFill(color(fill));
            cb.rectangle((float) x, y(y + h), (float) w, (float) h);
            cb.fill();
            cb.restoreState();
        }

        @Override
        public void circle(double cx, double cy, double r, String fill) {
            cb.saveState();
            cb.setColorFill(color(fill));
            cb.circle((float) cx, y(cy), (float) r);
            cb.fill();
            cb.restoreState();
        }

        @Override
        public void text(double x, double y, String text, Anchor anchor, double size, String color) {
            int align = switch (anchor) {
                case START -> Element.ALIGN_LEFT;
                case MIDDLE -> Element.ALIGN_CENTER;
                case END -> Element.ALIGN_RIGHT;
            };
            cb.beginText();
            cb.setColorFill(color(color));
            cb.setFontAndSize(font, (float) size);
            cb.showTextAligned(align, WinAnsiText.legible(text), (float) x, y(y), 0);
            cb.endText();
        }
    }
}
