package org.exotrace.shared.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;

/**
 * Powers of ten in a PDF ("1.47 × 10⁹", {@link org.exotrace.shared.ScientificNotation}): the standard
 * fonts lack most superscript digits (WinAnsi has only ¹ ² ³), so a run of superscript characters is
 * set as ordinary digits and minus in a smaller size, raised above the baseline (text rise), which
 * prints the same exponent in every viewer without embedding a font. Text extracted from the PDF
 * reads the exponent as plain digits after the 10 ("10" then "9").
 */
final class RaisedExponents {

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻";
    private static final String PLAIN = "0123456789+-";

    /** The exponent's size against the text's. */
    static final float SCALE = 0.7f;

    /** How far the exponent's baseline sits above the text's, against the text's size. */
    static final float RISE = 0.38f;

    private RaisedExponents() {}

    static boolean contains(String text) {
        return text != null && text.chars().anyMatch(c -> SUPERSCRIPTS.indexOf(c) >= 0);
    }

    /** The text in {@code font}, each superscript run raised and smaller; the rest as {@link CjkText#phrase} sets it. */
    static Phrase phrase(String text, Font font) {
        Phrase phrase = new Phrase("", font);
        Font small = font.getBaseFont() != null ? new Font(font.getBaseFont(), font.getSize() * SCALE, font.getStyle(), font.getColor())
                : new Font(font.getFamily(), font.getSize() * SCALE, font.getStyle(), font.getColor());
        int i = 0;
        int start = 0;
        while (i < text.length()) {
            if (SUPERSCRIPTS.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            if (i > start) phrase.addAll(CjkText.phrase(text.substring(start, i), font));
            StringBuilder run = new StringBuilder();
            while (i < text.length() && SUPERSCRIPTS.indexOf(text.charAt(i)) >= 0) {
                run.append(PLAIN.charAt(SUPERSCRIPTS.indexOf(text.charAt(i))));
                i++;
            }
            Chunk exponent = new Chunk(run.toString(), small);
            exponent.setTextRise(font.getSize() * RISE);
            phrase.add(exponent);
            start = i;
        }
        if (start < text.length()) phrase.addAll(CjkText.phrase(text.substring(start), font));
        return phrase;
    }
}
