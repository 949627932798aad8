package org.exotrace.shared.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/**
 * The house style of Exotrace's PDF documents: its colours and the small building blocks (fonts,
 * text, cells, headings, a letterhead rule, table header and zebra rows) that every document
 * combines. All text passes through {@link WinAnsiText#legible}, so characters the standard fonts
 * cannot encode are spelled out instead of lost.
 */
public final class PdfStyle {

    public static final Color INK = new Color(0x22, 0x22, 0x22);
    public static final Color MUTED = new Color(0x66, 0x66, 0x66);
    public static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    public static final Color RULE = new Color(0xBF, 0xBF, 0xBF);
    public static final Color ZEBRA = new Color(0xF3, 0xF6, 0xF9);

    private PdfStyle() {}

    public static Font font(BaseFont base, float size, Color color) {
        return new Font(base, size, Font.NORMAL, color);
    }

    /** The text in {@code font}, with any Korean, Japanese or Chinese in it set in an Asian font ({@link CjkText}). */
    public static Phrase phrase(String text, Font font) {
        return CjkText.phrase(text, font);
    }

    public static Paragraph paragraph(String text, Font font, float spacingBefore) {
        Paragraph paragraph = CjkText.contains(text) || MathSymbols.contains(text) || RaisedExponents.contains(text) ? new Paragraph(CjkText.phrase(text, font))
                : new Paragraph(WinAnsiText.legible(text), font);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    /** A section heading: {@code text} in {@code font} with the given space above and below. */
    public static Paragraph heading(String text, Font font, float spacingBefore, float spacingAfter) {
        Paragraph heading = paragraph(text, font, spacingBefore);
        heading.setSpacingAfter(spacingAfter);
        return heading;
    }

    /** An empty cell without border or padding, to hold other elements. */
    public static PdfPCell borderless() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    /** Underlines the first row of a letterhead table with the accent rule. */
    public static void letterheadRule(PdfPTable letterhead) {
        for (PdfPCell cell : letterhead.getRow(0).getCells()) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(ACCENT);
            cell.setBorderWidth(1.2f);
            cell.setPaddingBottom(8);
        }
    }

    /** A column heading: light text on the accent colour. */
    public static PdfPCell headerCell(String text, Font font, float padding) {
        PdfPCell cell = new PdfPCell(phrase(text, font));
        cell.setBackgroundColor(ACCENT);
        cell.setBorderColor(ACCENT);
        cell.setPadding(padding);
        return cell;
    }

    /** A body cell with a thin rule, shaded by {@link #zebra(int)}. */
    public static PdfPCell bodyCell(String text, Font font, Color shade, float padding) {
        PdfPCell cell = new PdfPCell(phrase(text, font));
        cell.setBackgroundColor(shade);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(padding);
        return cell;
    }

    /** The shade of body row {@code index} (from 0): white and light blue in turn. */
    public static Color zebra(int index) {
        return index % 2 == 0 ? Color.WHITE : ZEBRA;
    }

    /**
     * A key and its value as two cells with a thin rule below, the value spanning {@code valueColumns}.
     */
    public static void detail(PdfPTable table, String key, Font keyFont, String value, Font valueFont, int valueColumns,
            float paddingTop, float paddingBottom) {
        PdfPCell keyCell = new PdfPCell(phrase(key, keyFont));
        PdfPCell valueCell = new PdfPCell(phrase(value, valueFont));
        valueCell.setColspan(valueColumns);
        for (PdfPCell cell : new PdfPCell[] {keyCell, valueCell}) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(RULE);
            cell.setBorderWidth(0.5f);
            cell.setPaddingTop(paddingTop);
            cell.setPaddingBottom(paddingBottom);
            table.addCell(cell);
        }
    }

    /** A full-width table whose first row, {@code headers}, repeats on every page. */
    public static PdfPTable headedTable(float[] widths, Font head, float padding, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headers) t.addCell(headerCell(h, head, padding));
        return t;
    }

    /** One body row of {@code cells} on a shade ("-" for a missing value). */
    public static void bodyRow(PdfPTable t, Font font, Color shade, float padding, String... cells) {
        for (String cell : cells) t.addCell(bodyCell(cell == null ? "-" : cell, font, shade, padding));
    }
}
