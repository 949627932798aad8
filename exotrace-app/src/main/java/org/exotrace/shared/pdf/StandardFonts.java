package org.exotrace.shared.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;

/**
 * The two standard Helvetica faces, WinAnsi (cp1252) encoded and not embedded, in which every
 * Exotrace PDF is set; its text stays extractable. Pass text through {@link WinAnsiText#legible}
 * first (or build text with {@link PdfStyle#phrase}, which sets Korean, Japanese and Chinese in an
 * Asian font): characters outside cp1252 would otherwise vanish.
 */
public record StandardFonts(BaseFont regular, BaseFont bold) {

    /** Loads Helvetica and Helvetica Bold; fails only when the PDF library is broken. */
    public static StandardFonts helvetica() {
        try {
            return new StandardFonts(
                    BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED),
                    BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED));
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Standard Helvetica fonts are unavailable", e);
        }
    }
}
