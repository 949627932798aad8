package org.exotrace.shared.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.util.Map;

/**
 * The comparison signs of specification limits (≥, ≤, ≠, ±…) that WinAnsi lacks, set in the
 * standard Symbol font, so that a certificate prints "≥ 1.5E9" and not "&gt;= 1.5E9". The Symbol
 * font is one of the 14 standard PDF fonts (not embedded); its glyph names map back to Unicode,
 * so the text extracted from the PDF keeps the signs.
 */
final class MathSymbols {

    /** Unicode sign → its code in the Symbol font's built-in encoding. */
    private static final Map<Character, Character> SYMBOL_CODES = Map.of(
            '≥', (char) 0xB3, '≤', (char) 0xA3, '≠', (char) 0xB9, '≈', (char) 0xBB, '∞', (char) 0xA5, '→', (char) 0xAE);

    private static volatile BaseFont symbol;

    private MathSymbols() {}

    static boolean contains(String text) {
        return text != null && text.chars().anyMatch(c -> SYMBOL_CODES.containsKey((char) c));
    }

    /** The text in {@code font}, its signs in Symbol at the same size and colour; the rest as {@link CjkText#phrase} sets it. */
    static Phrase phrase(String text, Font font) {
        Phrase phrase = new Phrase("", font);
        Font signs = new Font(symbol(), font.getSize(), Font.NORMAL, font.getColor());
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            Character code = SYMBOL_CODES.get(text.charAt(i));
            if (code == null) continue;
            if (i > start) phrase.addAll(CjkText.phrase(text.substring(start, i), font));
            phrase.add(new Chunk(String.valueOf(code), signs));
            start = i + 1;
        }
        if (start < text.length()) phrase.addAll(CjkText.phrase(text.substring(start), font));
        return phrase;
    }

    private static BaseFont symbol() {
        BaseFont loaded = symbol;
        if (loaded == null) {
            try {
                loaded = BaseFont.createFont(BaseFont.SYMBOL, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            } catch (java.io.IOException | com.lowagie.text.DocumentException e) {
                throw new IllegalStateException("The standard Symbol font is unavailable", e);
            }
            symbol = loaded;
        }
        return loaded;
    }
}
