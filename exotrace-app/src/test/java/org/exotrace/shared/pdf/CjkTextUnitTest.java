package org.exotrace.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Korean, Japanese and Chinese typed in a clinic come out of a PDF as the same text, not as question marks. */
class CjkTextUnitTest {

    private static final String PDFTOTEXT = "/usr/bin/pdftotext";

    @Test
    void cjkTextIsSetInAnAsianFontAndReadsBackAsTheSameText() throws Exception {
        Font body = PdfStyle.font(StandardFonts.helvetica().regular(), 10, Color.BLACK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(PdfStyle.paragraph("Patient: 박민아 (Park Mina), atopic dermatitis", body, 0));
        PdfPTable table = new PdfPTable(2);
        PdfStyle.detail(table, "History", body, "アトピー性皮膚炎 since 2019; 湿疹 µ", body, 1, 2, 2);
        document.add(table);
        document.close();

        java.nio.file.Path file = java.nio.file.Path.of("target", "cjk-text.pdf");
        java.nio.file.Files.write(file, out.toByteArray());
        // OpenPDF's own extractor does not decode CID fonts; poppler's pdftotext (as a reader's viewer would) does.
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of(PDFTOTEXT)),
                "pdftotext (poppler-utils) is not installed; CI installs it");
        Process process = new ProcessBuilder(PDFTOTEXT, file.toString(), "-").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(text).contains("박민아 (Park Mina)", "アトピー性皮膚炎 since 2019", "湿疹 µ");
        String raw = new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/HYGoThic-Medium").contains("/UniKS-UCS2-H");
    }

    @Test
    void textWithoutCjkIsUnchanged() {
        Font body = PdfStyle.font(StandardFonts.helvetica().regular(), 10, Color.BLACK);
        assertThat(CjkText.phrase("EASI 7 (moderate) α", body).getContent()).isEqualTo(WinAnsiText.legible("EASI 7 (moderate) α"));
        assertThat(CjkText.contains("Park, Mina")).isFalse();
        assertThat(CjkText.contains("박")).isTrue();
    }
}
