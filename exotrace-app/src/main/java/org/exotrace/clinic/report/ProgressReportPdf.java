package org.exotrace.clinic.report;

import static org.exotrace.shared.pdf.PdfStyle.ACCENT;
import static org.exotrace.shared.pdf.PdfStyle.INK;
import static org.exotrace.shared.pdf.PdfStyle.MUTED;
import static org.exotrace.shared.pdf.PdfStyle.bodyCell;
import static org.exotrace.shared.pdf.PdfStyle.borderless;
import static org.exotrace.shared.pdf.PdfStyle.font;
import static org.exotrace.shared.pdf.PdfStyle.headerCell;
import static org.exotrace.shared.pdf.PdfStyle.letterheadRule;
import static org.exotrace.shared.pdf.PdfStyle.paragraph;
import static org.exotrace.shared.pdf.PdfStyle.phrase;
import static org.exotrace.shared.pdf.PdfStyle.zebra;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exotrace.clinic.AdverseEvent;
import org.exotrace.clinic.Patient;
import org.exotrace.clinic.Progress;
import org.exotrace.clinic.Doses;
import org.exotrace.clinic.Suggestion;
import org.exotrace.clinic.TreatmentPlan;
import org.exotrace.clinic.TreatmentSession;
import org.exotrace.shared.Texts;
import org.exotrace.shared.pdf.NumberedPages;
import org.exotrace.shared.pdf.PdfStyle;
import org.exotrace.shared.pdf.StandardFonts;
import org.exotrace.shared.pdf.WinAnsiText;

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
    private static final Color SUGGESTION = new Color(0xFF, 0xF6, 0xE0);
    private static final Color SUGGESTION_EDGE = new Color(0xC9, 0x8B, 0x2B);
    private static final Color REFUSED = new Color(0xC6, 0x28, 0x28);
    private static final float MARGIN = 40;
    private static final float FOOTER_SPACE = 56;

    private final BaseFont regular;
    private final BaseFont bold;
    private final NumberedPages pages;

    ProgressReportPdf() {
        StandardFonts fonts = StandardFonts.helvetica();
        regular = fonts.regular();
        bold = fonts.bold();
        pages = new NumberedPages(fonts, PageSize.A4, MARGIN, FOOTER_SPACE);
    }

    /** The PDF bytes; rendered twice, the first pass only counting the pages the footers print. */
    byte[] render(ProgressReportContent c) {
        NumberedPages.Footer footer = new NumberedPages.Footer("Generated " + DATE_TIME.format(c.generatedAt().atZone(c.zone()))
                + " by " + c.generatedBy() + "  |  " + c.patient().pseudonym(), DISCLAIMER, bold, 8, 14);
        try {
            return pages.render(footer, document -> {
                document.addTitle("Progress report " + c.patient().pseudonym());
                document.addCreator("Exotrace");
            }, (document, writer) -> {
                header(document, c);
                for (ProgressReportContent.PlanSection plan : c.plans()) plan(document, plan, c);
                if (c.plans().isEmpty()) document.add(paragraph("No treatment plan.", font(regular, 9.5f, MUTED), 6));
                endpoints(document, writer, c.progress());
                adverseEvents(document, c.adverseEvents());
            });
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the progress report of " + c.patient().pseudonym(), e);
        }
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
        letterheadRule(header);
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
        detail(details, "Product", section.productName() + " (" + plan.sourceType().label() + ")", 1);
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
                Color shade = zebra(row++);
                cells(sessions, shade, String.valueOf(s.number()), s.performedOn().toString(), s.unitCode(), s.lotCode(),
                        Texts.number(s.volumeMl()), s.doseParticles() == null ? "unknown" : Doses.particles(s.doseParticles()),
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
        title.add(new Chunk(WinAnsiText.legible(s.label()) + "   ", font(bold, 8.5f, SUGGESTION_EDGE)));
        title.add(new Chunk(WinAnsiText.legible(s.kind().label()), font(bold, 9.5f, INK)));
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
                Color shade = zebra(row++);
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
            Color shade = zebra(row++);
            cells(table, shade, e.onsetOn().toString(), e.term() + (e.actionTaken() == null ? "" : " (action: " + e.actionTaken() + ")"),
                    lower(e.severity().name()), e.serious() ? "yes" : "no", lower(e.causality().name()), lower(e.outcome().name()), e.unitCode());
        }
        document.add(withHeading("Adverse events", table));
    }

    private static String device(TreatmentSession s) {
        List<String> parts = new ArrayList<>(s.device().settings());
        parts.add(s.route().label());
        return String.join(", ", parts);
    }

    private PdfPTable table(float[] widths, String... headings) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(6);
        for (String h : headings) {
            table.addCell(headerCell(h, font(bold, 8.5f, Color.WHITE), 4));
        }
        return table;
    }

    private void cells(PdfPTable table, Color shade, String... values) {
        for (String v : values) table.addCell(bodyCell(v, font(regular, 8.5f, INK), shade, 3.5f));
    }

    private void detail(PdfPTable table, String key, String value, int valueColumns) {
        PdfStyle.detail(table, key, font(bold, 8.5f, MUTED), value, font(regular, 9, INK), valueColumns, 3, 4);
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
        return PdfStyle.heading(text, font(bold, 11.5f, ACCENT), 10, 5);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
