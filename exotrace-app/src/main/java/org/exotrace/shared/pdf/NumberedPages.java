package org.exotrace.shared.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Lays out a document whose every page ends with a footer: a thin rule, under it a text on the
 * left and "Page X of Y" on the right, and under those a centred line. A PDF writer learns the
 * page total only at the end, so the document is laid out twice: the first pass only counts the
 * pages that the second pass prints. The layout must therefore not depend on the pass.
 */
public final class NumberedPages {

    /**
     * What the footer prints.
     *
     * @param left the text left under the rule, in regular 8 pt
     * @param centre the centred line below it
     * @param centreFont the face of the centred line
     * @param centreSize its size in points
     * @param ruleGap how far the rule lies below the bottom margin, in points
     */
    public record Footer(String left, String centre, BaseFont centreFont, float centreSize, float ruleGap) {}

    /** Adds the document's elements; called once per pass with the opened document. */
    @FunctionalInterface
    public interface Body {
        void layOut(Document document, PdfWriter writer) throws DocumentException;
    }

    private final StandardFonts fonts;
    private final Rectangle pageSize;
    private final float margin;
    private final float footerSpace;

    /**
     * @param margin the left, right and top margin in points
     * @param footerSpace the bottom margin in points, which holds the footer
     */
    public NumberedPages(StandardFonts fonts, Rectangle pageSize, float margin, float footerSpace) {
        this.fonts = fonts;
        this.pageSize = pageSize;
        this.margin = margin;
        this.footerSpace = footerSpace;
    }

    /**
     * The PDF bytes.
     *
     * @param describe sets the document information (title, author ...) before the document opens
     * @throws DocumentException when the body cannot be laid out
     */
    public byte[] render(Footer footer, Consumer<Document> describe, Body body) throws DocumentException {
        Pass draft = pass(footer, describe, body, 0);
        return pass(footer, describe, body, draft.pages()).bytes();
    }

    private record Pass(byte[] bytes, int pages) {}

    private Pass pass(Footer footer, Consumer<Document> describe, Body body, int totalPages) throws DocumentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(pageSize, margin, margin, margin, footerSpace);
        FooterEvent event = new FooterEvent(footer, totalPages);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(event);
        describe.accept(document);
        document.open();
        body.layOut(document, writer);
        document.close();
        return new Pass(out.toByteArray(), event.pages);
    }

    private final class FooterEvent extends PdfPageEventHelper {

        private final String left;
        private final String centre;
        private final Footer footer;
        private final int totalPages;
        private int pages;

        FooterEvent(Footer footer, int totalPages) {
            this.left = WinAnsiText.legible(footer.left());
            this.centre = WinAnsiText.legible(footer.centre());
            this.footer = footer;
            this.totalPages = totalPages;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages = writer.getPageNumber();
            PdfContentByte cb = writer.getDirectContent();
            float leftX = document.left();
            float rightX = document.right();
            float ruleY = document.bottom() - footer.ruleGap();
            cb.saveState();
            cb.setColorStroke(PdfStyle.RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(leftX, ruleY);
            cb.lineTo(rightX, ruleY);
            cb.stroke();
            cb.restoreState();
            String page = totalPages > 0 ? "Page " + pages + " of " + totalPages : "Page " + pages;
            cb.beginText();
            cb.setColorFill(PdfStyle.MUTED);
            cb.setFontAndSize(fonts.regular(), 8);
            cb.showTextAligned(Element.ALIGN_LEFT, left, leftX, ruleY - 11, 0);
            cb.showTextAligned(Element.ALIGN_RIGHT, page, rightX, ruleY - 11, 0);
            cb.setFontAndSize(footer.centreFont(), footer.centreSize());
            cb.showTextAligned(Element.ALIGN_CENTER, centre, (leftX + rightX) / 2, ruleY - 23, 0);
            cb.endText();
        }
    }
}
