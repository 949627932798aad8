package org.exotrace.clinic.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exotrace.clinic.AdverseEvent;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Progress;
import org.exotrace.clinic.Suggestion;
import org.exotrace.clinic.TreatmentPlan;
import org.exotrace.clinic.TreatmentSession;

/**
 * Renders a patient's progress report as an A4 portrait PDF: the clinic and the patient (name,
 * pseudonym, birth date, phototype, indications); each plan (template, product, route, purpose,
 * start, compliance message, the split-face allocation as the reader may see it) with its sessions
 * (date, unit, lot, volume, dose, device settings) and its suggestions with their decisions; per
 * endpoint a table of the assessments, a trend chart and the response statuses; the adverse
 * events. Every page has a footer with the generation time, who generated it, "Page X of Y" and
 * the statement that this is decision support, not medical or legal advice.
 *
 * <p>Text is set in the standard Helvetica fonts and stays extractable; characters those fonts
 * cannot encode are spelled out ("10⁹" becomes "10^9", "≥" becomes ">="). Instances keep no state
 * between renders.
 */
final class ProgressReportPdf {

    static final String DISCLAIMER = "Decision support, not medical or legal advice.";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x66, 0x66, 0x66);
    private static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    private static final Color RULE = new Color(0xBF, 0xBF, 0xBF);
    private static final Color ZEBRA = new Color(0xF3, 0xF6, 0xF9);
    private static final Color SUGGESTION = new Color(0xFF, 0xF6, 0xE0);
    private static final Color SUGGESTION_EDGE = new Color(0xC9, 0x8B, 0x2B);
    private static final Color REFUSED = new Color(0xC6, 0x28, 0x28);
    private static final float MARGIN = 40;
    private static final float FOOTER_SPACE = 56;

    private final BaseFont regular;
    private final BaseFont bold;

    ProgressReportPdf() {
        try {
            regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("Standard Helvetica fonts are unavailable", e);
        }
    }

    /** The PDF bytes; rendered twice, the first pass only counting the pages the footers print. */
    byte[] render(ProgressReportContent c) {
        Rendered draft = pass(c, 0);
        return pass(c, draft.pages()).bytes();
    }

    private record Rendered(byte[] bytes, int pages) {}

    private Rendered pass(ProgressReportContent c, int totalPages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_SPACE);
        Footer footer = new Footer(c, totalPages);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(footer);
            document.addTitle("Progress report " + c.patient().pseudonym());
            document.addCreator("Exotrace");
            document.open();
            header(document, c);
            for (ProgressReportContent.PlanSection plan : c.plans()) plan(document, plan, c);
            if (c.plans().isEmpty()) document.add(paragraph("No treatment plan.", font(regular, 9.5f, MUTED), 6));
            endpoints(document, writer, c.progress());
            adverseEvents(document, c.adverseEvents());
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the progress report of " + c.patient().pseudonym(), e);
        }
        return new Rendered(out.toByteArray(), footer.pages);
    }

    private void header(Document document, ProgressReportContent c) throws DocumentException {
        PdfPTable header = new PdfPTable(new float[] {60, 40});
        header.setWidthPercentage(100);
        PdfPCell clinic = borderless();
        clinic.addElement(paragraph(c.clinic().name(), font(bold, 13, ACCENT), 0));
        clinic.addElement(paragraph(c.clinic().code() + " \u00b7 " + c.clinic().jurisdiction()
                + (c.clinic().address() == null ? "" : " \u00b7 " + c.clinic().address()), font(regular, 8.5f, MUTED), 0));
        header.addCell(clinic);
        PdfPCell title = borderless();
        Paragraph t = paragraph("Progress report", font(bold, 16, INK), 0);
        t.setAlignment(Element.ALIGN_RIGHT);
        title.addElement(t);
        header.addCell(title);
        for (PdfPCell cell : header.getRow(0).getCells()) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(ACCENT);
            cell.setBorderWidth(1.2f);
            cell.setPaddingBottom(8);
        }
        header.setSpacingAfter(10);
        document.add(header);
        Patient p = c.patient();
        PdfPTable details = new PdfPTable(new float[] {16, 34, 16, 34});
        details.setWidthPercentage(100);
        details.setSpacingAfter(8);
        detail(details, "Patient", p.familyName() + ", " + p.givenName(), 1);
        detail(details, "Pseudonym", p.pseudonym(), 1);
        detail(details, "Born", p.dateOfBirth().toString(), 1);
        detail(details, "Phototype", p.fitzpatrick() == null ? "not assessed" : "Fitzpatrick " + p.fitzpatrick(), 1);
        detail(details, "Indications", p.indications().isEmpty() ? "none recorded" : String.join(", ", p.indications()), 3);
        if (c.progress().nextVisit() != null) detail(details, "Next visit", c.progress().nextVisit().text(), 3);
        document.add(details);
    }

    private void plan(Document document, ProgressReportContent.PlanSection section, ProgressReportContent c) throws DocumentException {
        TreatmentPlan plan = section.plan();
        document.add(heading("Plan: " + section.template().name() + " (" + section.template().code() + ")"));
        PdfPTable details = new PdfPTable(new float[] {16, 34, 16, 34});
        details.setWidthPercentage(100);
        details.setSpacingAfter(6);
        detail(details, "Product", plan.productCode() + " (" + plan.sourceType().label() + ")", 1);
        detail(details, "Route", plan.route().label(), 1);
        detail(details, "Purpose", plan.purpose().label() + (plan.trialId() == null ? "" : ", trial " + plan.trialId()), 1);
        detail(details, "Start", plan.startOn().toString(), 1);
        if (plan.splitFace()) {
            detail(details, "Design", "split-face", 1);
            detail(details, "Allocation", plan.allocationVisibleTo(c.generatedBy()) ? plan.allocation() : TreatmentPlan.CONCEALED, 1);
        }
        detail(details, "Compliance", plan.complianceMessage(), 3);
        document.add(details);

        if (section.sessions().isEmpty()) {
            document.add(paragraph("No session recorded yet.", font(regular, 9, MUTED), 2));
        } else {
            PdfPTable sessions = table(new float[] {5, 11, 19, 14, 8, 13, 30}, "#", "Date", "Unit", "Lot", "mL", "Dose", "Device settings");
            int row = 0;
            for (TreatmentSession s : section.sessions()) {
                Color shade = row++ % 2 == 0 ? Color.WHITE : ZEBRA;
                cells(sessions, shade, String.valueOf(s.number()), s.performedOn().toString(), s.unitCode(), s.lotCode(),
                        plain(s.volumeMl()), s.doseParticles() == null ? "unknown" : scientific(s.doseParticles()) + " particles",
                        device(s));
            }
            document.add(sessions);
        }
        if (!section.suggestions().isEmpty()) {
            document.add(paragraph("Suggestions and decisions", font(bold, 9.5f, ACCENT), 8));
            for (Suggestion s : section.suggestions()) document.add(suggestion(s));
        }
    }

    private PdfPTable suggestion(Suggestion s) {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setSpacingBefore(4);
        box.setKeepTogether(true);
        PdfPCell cell = new PdfPCell();
        cell.setBackgroundColor(SUGGESTION);
        cell.setBorderColor(SUGGESTION_EDGE);
        cell.setBorderWidth(0.8f);
        cell.setPadding(6);
        Paragraph title = new Paragraph();
        title.add(new Chunk(legible(s.label()) + "   ", font(bold, 8.5f, SUGGESTION_EDGE)));
        title.add(new Chunk(legible(s.kind().label()), font(bold, 9.5f, INK)));
        cell.addElement(title);
        cell.addElement(paragraph(s.finding(), font(regular, 8.5f, MUTED), 1));
        cell.addElement(paragraph(s.text(), font(regular, 9.5f, INK), 1));
        if (s.compliance() != null) cell.addElement(paragraph(s.compliance(), font(regular, 8, s.permitted() ? MUTED : REFUSED), 1));
        String decision = s.decision() != null ? s.decision().text() : !s.permitted() ? "Not permitted here: not offered." : "Open: no decision yet.";
        cell.addElement(paragraph("Decision: " + decision, font(bold, 9, INK), 2));
        box.addCell(cell);
        return box;
    }

    private void endpoints(Document document, PdfWriter writer, Progress progress) throws DocumentException {
        if (progress.series().isEmpty()) {
            document.add(heading("Endpoints against baseline"));
            document.add(paragraph("No assessments yet.", font(regular, 9.5f, MUTED), 0));
            return;
        }
        TrendChartPdf charts = new TrendChartPdf(regular);
        boolean first = true;
        for (Progress.Series s : progress.series()) {
            PdfPTable block = new PdfPTable(new float[] {42, 58});
            block.setWidthPercentage(100);
            block.setKeepTogether(true);
            block.setSpacingBefore(6);
            block.setSpacingAfter(4);
            PdfPCell title = borderless();
            title.setColspan(2);
            title.setPaddingBottom(4);
            if (first) title.addElement(heading("Endpoints against baseline"));
            first = false;
            title.addElement(paragraph(s.endpoint() + " \u00b7 " + s.side().label() + (s.unit().isEmpty() ? "" : " \u00b7 " + s.unit()),
                    font(bold, 10, INK), 0));
            block.addCell(title);
            PdfPTable values = table(new float[] {38, 24, 38}, "Date", "Value", "Band");
            values.setSpacingAfter(0);
            int row = 0;
            for (Progress.Point p : s.points()) {
                Color shade = row++ % 2 == 0 ? Color.WHITE : ZEBRA;
                cells(values, shade, p.on().toString(), p.value() == null ? "" : p.value().toPlainString(), p.band() == null ? "" : p.band());
            }
            PdfPCell left = borderless();
            left.setPaddingRight(8);
            left.addElement(values);
            if (s.change() != null) {
                left.addElement(paragraph("Change " + s.change().difference().toPlainString()
                        + (s.change().percentChange() == null ? "" : " (" + s.change().percentChange().toPlainString() + " %)"),
                        font(regular, 8.5f, INK), 3));
            }
            for (Progress.ResponseStatus r : s.responses()) left.addElement(paragraph(r.text(), font(regular, 8.5f, INK), 1));
            block.addCell(left);
            PdfPCell chart = borderless();
            if (s.numeric()) {
                float width = (document.right() - document.left()) * 0.58f;
                chart.addElement(charts.draw(writer, s, width, 130));
            } else {
                chart.addElement(paragraph("Ratings without numbers: no chart.", font(regular, 8.5f, MUTED), 0));
            }
            block.addCell(chart);
            document.add(block);
        }
    }

    private void adverseEvents(Document document, List<AdverseEvent> events) throws DocumentException {
        if (events.isEmpty()) {
            document.add(heading("Adverse events"));
            document.add(paragraph("None reported.", font(regular, 9.5f, MUTED), 0));
            return;
        }
        PdfPTable table = table(new float[] {11, 27, 11, 9, 13, 13, 16}, "Onset", "Term", "Severity", "Serious", "Causality", "Outcome", "Unit");
        int row = 0;
        for (AdverseEvent e : events) {
            Color shade = row++ % 2 == 0 ? Color.WHITE : ZEBRA;
            cells(table, shade, e.onsetOn().toString(), e.term() + (e.actionTaken() == null ? "" : " (action: " + e.actionTaken() + ")"),
                    lower(e.severity().name()), e.serious() ? "yes" : "no", lower(e.causality().name()), lower(e.outcome().name()), e.unitCode());
        }
        document.add(withHeading("Adverse events", table));
    }

    private static String device(TreatmentSession s) {
        TreatmentSession.Device d = s.device();
        List<String> parts = new ArrayList<>();
        if (d.name() != null) parts.add(d.name());
        if (d.needleDepthMm() != null) parts.add("needle " + plain(d.needleDepthMm()) + " mm");
        if (d.energyMj() != null) parts.add(plain(d.energyMj()) + " mJ");
        if (d.passes() != null) parts.add(d.passes() + " passes");
        if (d.note() != null) parts.add(d.note());
        parts.add(s.route().label());
        return String.join(", ", parts);
    }

    private PdfPTable table(float[] widths, String... headings) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(6);
        for (String h : headings) {
            PdfPCell cell = new PdfPCell(phrase(h, font(bold, 8.5f, Color.WHITE)));
            cell.setBackgroundColor(ACCENT);
            cell.setBorderColor(ACCENT);
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    private void cells(PdfPTable table, Color shade, String... values) {
        for (String v : values) {
            PdfPCell cell = new PdfPCell(phrase(v, font(regular, 8.5f, INK)));
            cell.setBackgroundColor(shade);
            cell.setBorderColor(RULE);
            cell.setBorderWidth(0.5f);
            cell.setPadding(3.5f);
            table.addCell(cell);
        }
    }

    private void detail(PdfPTable table, String key, String value, int valueColumns) {
        PdfPCell keyCell = new PdfPCell(phrase(key, font(bold, 8.5f, MUTED)));
        PdfPCell valueCell = new PdfPCell(phrase(value, font(regular, 9, INK)));
        valueCell.setColspan(valueColumns);
        for (PdfPCell cell : new PdfPCell[] {keyCell, valueCell}) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(RULE);
            cell.setBorderWidth(0.5f);
            cell.setPaddingTop(3);
            cell.setPaddingBottom(4);
            table.addCell(cell);
        }
    }

    /** The heading and what follows it on one page when they fit, so a heading never ends a page alone. */
    private PdfPTable withHeading(String heading, PdfPTable content) {
        PdfPTable block = new PdfPTable(1);
        block.setWidthPercentage(100);
        block.setKeepTogether(true);
        PdfPCell top = borderless();
        top.addElement(heading(heading));
        block.addCell(top);
        PdfPCell body = borderless();
        body.addElement(content);
        block.addCell(body);
        return block;
    }

    private Paragraph heading(String text) {
        Paragraph heading = paragraph(text, font(bold, 11.5f, ACCENT), 10);
        heading.setSpacingAfter(5);
        return heading;
    }

    private static PdfPCell borderless() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static Font font(BaseFont base, float size, Color color) {
        return new Font(base, size, Font.NORMAL, color);
    }

    private static Phrase phrase(String text, Font font) {
        return new Phrase(legible(text), font);
    }

    private static Paragraph paragraph(String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(legible(text), font);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Three significant digits times a power of ten: "1.5 x 10^9". */
    static String scientific(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) return String.valueOf(value);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= 0 && exponent < 4) return rounded.stripTrailingZeros().toPlainString();
        return rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString() + " \u00d7 10^" + exponent;
    }

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Map<Character, String> SPELLED = Map.of('\u2265', ">=", '\u2264', "<=", '\u2192', "->", '\u2212', "-",
            '\u2009', " ", '\u202f', " ", '\u2248', "~");
    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b";

    /** The text as the standard fonts (WinAnsi) can print it: superscripts as "^9", other characters spelled out, or "?". */
    static String legible(String text) {
        if (text == null) return "";
        CharsetEncoder encoder = CP1252.newEncoder();
        if (encoder.canEncode(text)) return text;
        StringBuilder out = new StringBuilder();
        boolean inSuperscript = false;
        for (char ch : text.toCharArray()) {
            int sup = SUPERSCRIPTS.indexOf(ch);
            if (sup >= 0) {
                if (!inSuperscript) out.append('^');
                out.append(sup == 10 ? "-" : String.valueOf(sup));
                inSuperscript = true;
                continue;
            }
            inSuperscript = false;
            out.append(encoder.canEncode(ch) ? String.valueOf(ch) : SPELLED.getOrDefault(ch, "?"));
        }
        return out.toString();
    }

    private final class Footer extends PdfPageEventHelper {

        private final String generated;
        private final int totalPages;
        private int pages;

        Footer(ProgressReportContent c, int totalPages) {
            this.generated = legible("Generated " + DATE_TIME.format(c.generatedAt().atZone(c.zone())) + " by " + c.generatedBy()
                    + "  |  " + c.patient().pseudonym());
            this.totalPages = totalPages;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages = writer.getPageNumber();
            PdfContentByte cb = writer.getDirectContent();
            float left = document.left();
            float right = document.right();
            float ruleY = document.bottom() - 14;
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(left, ruleY);
            cb.lineTo(right, ruleY);
            cb.stroke();
            cb.restoreState();
            cb.beginText();
            cb.setColorFill(MUTED);
            cb.setFontAndSize(regular, 8);
            cb.showTextAligned(Element.ALIGN_LEFT, generated, left, ruleY - 11, 0);
            cb.showTextAligned(Element.ALIGN_RIGHT, totalPages > 0 ? "Page " + pages + " of " + totalPages : "Page " + pages, right, ruleY - 11, 0);
            cb.setFontAndSize(bold, 8);
            cb.showTextAligned(Element.ALIGN_CENTER, DISCLAIMER, (left + right) / 2, ruleY - 23, 0);
            cb.endText();
        }
    }
}
