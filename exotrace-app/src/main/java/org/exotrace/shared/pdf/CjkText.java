package org.exotrace.shared.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.util.List;

/**
 * Korean, Japanese and Chinese text in a PDF whose fonts are the standard (WinAnsi) ones: names and
 * notes typed in a clinic in Seoul, Tokyo or Taipei must not print as "???". Such text is set in the
 * Adobe Asian fonts OpenPDF knows by name (Korean, Japanese, simplified and traditional Chinese,
 * with their UCS-2 CMaps), not embedded: the text stays real Unicode text that a reader can copy and
 * search, and a viewer draws it with the CJK font it has. Everything else keeps the page's font.
 */
public final class CjkText {

    private static final String[][] FONTS = {
        {"HYGoThic-Medium", "UniKS-UCS2-H"},
        {"HeiseiKakuGo-W5", "UniJIS-UCS2-H"},
        {"STSong-Light", "UniGB-UCS2-H"},
        {"MHei-Medium", "UniCNS-UCS2-H"},
    };

    private static volatile List<BaseFont> fonts;

    private CjkText() {}

    /** Whether the character is written in a CJK script (Hangul, Han, kana, bopomofo), is a kana mark such as ー, CJK punctuation or a full-width form. */
    public static boolean isCjk(char ch) {
        Character.UnicodeScript script = Character.UnicodeScript.of(ch);
        if (script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(ch);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA;
    }

    public static boolean contains(String text) {
        return text != null && text.chars().anyMatch(c -> isCjk((char) c));
    }

    /**
     * The text as a phrase in {@code font}; CJK characters in it are set in the first Asian font that
     * has them, at the same size, style and colour; superscript exponents are raised ({@link RaisedExponents}).
     * Characters neither font can show are spelled out or replaced as {@link WinAnsiText#legible} does.
     */
    public static Phrase phrase(String text, Font font) {
        if (RaisedExponents.contains(text)) return RaisedExponents.phrase(text, font);
        if (MathSymbols.contains(text)) return MathSymbols.phrase(text, font);
        if (!contains(text)) return new Phrase(WinAnsiText.legible(text), font);
        StringBuilder kept = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isCjk(text.charAt(i))) {
                kept.append(WinAnsiText.legible(text.substring(start, i)));
                if (i < text.length()) kept.append(text.charAt(i));
                start = i + 1;
            }
        }
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        for (BaseFont cjk : fonts()) selector.addFont(new Font(cjk, font.getSize(), font.getStyle(), font.getColor()));
        Phrase phrase = selector.process(kept.toString());
        phrase.setLeading(new Phrase("", font).getLeading());
        return phrase;
    }

    private static List<BaseFont> fonts() {
        List<BaseFont> loaded = fonts;
        if (loaded == null) {
            try {
                BaseFont[] created = new BaseFont[FONTS.length];
                for (int i = 0; i < FONTS.length; i++) created[i] = BaseFont.createFont(FONTS[i][0], FONTS[i][1], BaseFont.NOT_EMBEDDED);
                loaded = List.of(created);
            } catch (java.io.IOException | com.lowagie.text.DocumentException e) {
                throw new IllegalStateException("OpenPDF's Asian font definitions are missing from the classpath", e);
            }
            fonts = loaded;
        }
        return loaded;
    }
}
