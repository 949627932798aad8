package org.exotrace.course.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.exotrace.clinic.Clinic;
import org.exotrace.treatment.Design;
import org.exotrace.clinic.Patient;
import org.exotrace.followup.Progress;
import org.exotrace.treatment.ProtocolTemplate;
import org.exotrace.treatment.Side;
import org.exotrace.followup.Suggestion;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentSession;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;
import org.exotrace.outcome.Instrument;
import org.junit.jupiter.api.Test;

/** The progress report's layout without a database: a split-face plan read by its blinded assessor, and a suggestion not permitted here. */
class ProgressReportPdfTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);

    @Test
    void theBlindedAssessorsReportConcealsTheAllocationAndANotPermittedSuggestionSaysSo() throws IOException {
        Clinic clinic = new Clinic(UUID.randomUUID(), "SEOUL1", "Seoul Skin Clinic", "KR", "1 Gangnam-daero", "admin", Instant.now());
        Patient patient = new Patient(UUID.randomUUID(), clinic.id(), "P-SEOUL1-000007", "Mina", "Park", LocalDate.of(1990, 4, 2),
                Patient.Sex.FEMALE, null, "III", List.of("photoaging"), null, null, "doc", Instant.now());
        UUID templateId = UUID.randomUUID();
        ProtocolTemplate template = new ProtocolTemplate(templateId, "PHOTOAGING-MN", "Photoaging: microneedling with exosomes (split-face vs saline)",
                "photoaging", false, Route.TOPICAL_AFTER_MICRONEEDLING, 3, 21, List.of(42), "GAIS", null, null, "n = 28", null, null,
                Design.SPLIT_FACE, "saline");
        TreatmentPlan plan = new TreatmentPlan(UUID.randomUUID(), patient.id(), clinic.id(), templateId, "HMSC-EXO-SERUM",
                SourceType.UMBILICAL_CORD_MSC, Route.TOPICAL_AFTER_MICRONEEDLING, Purpose.COSMETIC, null, DAY0, RuleVerdict.PERMITTED_WITH_CAUTION,
                "Permitted with caution: ...", List.of(), "doc", Instant.now(), Design.SPLIT_FACE, Side.LEFT, "saline", true, "assessor", "ab", false)
                .concealedFrom("assessor");
        Progress.Series tewl = new Progress.Series(Instrument.TEWL, "TEWL", null, Side.BOTH, "g/m²/h", List.of(
                new Progress.Point(UUID.randomUUID(), DAY0, new BigDecimal("18.5"), null),
                new Progress.Point(UUID.randomUUID(), DAY0.plusDays(42), new BigDecimal("12"), null)), null, null, List.of());
        Suggestion refused = new Suggestion(plan.id(), "X-ROUTE", Suggestion.Kind.CHANGE_ROUTE, "Finding.", "Consider injecting.",
                Route.INTRADERMAL_INJECTION, false, "Not permitted here: Prohibited: injection. Citation X", null, true);
        ProgressReportContent content = new ProgressReportContent(clinic, patient,
                List.of(new ProgressReportContent.PlanSection(plan, template, List.of(), List.of(refused), "Human MSC exosome serum")),
                new Progress(patient.id(), patient.pseudonym(), DAY0.plusDays(42), null, List.of(tewl)), List.of(),
                Instant.parse("2026-02-16T09:30:00Z"), "assessor", ZoneId.of("Asia/Seoul"));

        byte[] pdf = new ProgressReportPdf().render(content);
        Files.write(Path.of("target", "progress-report-unit.pdf"), pdf);
        String text = text(pdf);

        assertThat(text).contains("Seoul Skin Clinic", "Park, Mina", "P-SEOUL1-000007", "Fitzpatrick III", "photoaging")
                .contains("split-face", "allocation concealed").doesNotContain("exosome product Left")
                .contains("TEWL", "g/m²/h", "18.5", "No session recorded yet.")
                .contains("Human MSC exosome serum (").doesNotContain("HMSC-EXO-SERUM")
                .contains("Change of route", "Not permitted here: Prohibited", "Decision: Not permitted here: not offered.")
                .contains("None reported.", "Generated 2026-02-16 18:30 +09:00 by assessor", "Page 1 of 1",
                        "Decision support, not medical or legal advice.");
    }

    @Test
    void aSessionsDoseIsWrittenWithARaisedPowerOfTenNotACaret() throws IOException {
        Clinic clinic = new Clinic(UUID.randomUUID(), "HK1", "Central Skin Clinic", "HK", null, "admin", Instant.now());
        Patient patient = new Patient(UUID.randomUUID(), clinic.id(), "P-HK1-000001", "Ka-yan", "Chan", LocalDate.of(1986, 5, 20),
                Patient.Sex.FEMALE, null, "III", List.of("melasma"), null, null, "doc", Instant.now());
        ProtocolTemplate template = new ProtocolTemplate(UUID.randomUUID(), "MELASMA-MN", "Melasma: microneedling with exosomes",
                "melasma", false, Route.TOPICAL_AFTER_MICRONEEDLING, 4, 28, List.of(28), "mMASI", null, null, "n = 20", null, null,
                Design.PARALLEL, null);
        TreatmentPlan plan = new TreatmentPlan(UUID.randomUUID(), patient.id(), clinic.id(), template.id(), "HMSC-EXO-SERUM",
                SourceType.UMBILICAL_CORD_MSC, Route.TOPICAL_AFTER_MICRONEEDLING, Purpose.COSMETIC, null, DAY0, RuleVerdict.PERMITTED,
                "Permitted.", List.of(), "doc", Instant.now(), Design.PARALLEL, null, null, false, null, null, false);
        TreatmentSession session = new TreatmentSession(UUID.randomUUID(), plan.id(), patient.id(), clinic.id(), 1, DAY0, "L-2026-0001-U001",
                UUID.randomUUID(), "L-2026-0001", "HMSC-EXO-SERUM", List.of(SourceType.UMBILICAL_CORD_MSC), 0.5, 4.0e9,
                TreatmentSession.ConcentrationSource.MEASURED, "measured", 2.0e9, Route.TOPICAL_AFTER_MICRONEEDLING,
                new TreatmentSession.Device("Dermapen 4", 0.5, null, 3, null), "doc", "full face", Side.BOTH, RuleVerdict.PERMITTED,
                "Permitted.", List.of(), "doc", Instant.now());
        ProgressReportContent content = new ProgressReportContent(clinic, patient,
                List.of(new ProgressReportContent.PlanSection(plan, template, List.of(session), List.of(), "Human MSC exosome serum")),
                new Progress(patient.id(), patient.pseudonym(), DAY0, null, List.of()), List.of(),
                Instant.parse("2026-02-16T09:30:00Z"), "doc", ZoneId.of("Asia/Hong_Kong"));

        byte[] pdf = new ProgressReportPdf().render(content);
        Files.write(Path.of("target", "progress-report-dose.pdf"), pdf);

        assertThat(text(pdf)).contains("2 × 109 particles").doesNotContain("10^9");
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder all = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) all.append(extractor.getTextFromPage(page)).append(' ');
            return all.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }
}
