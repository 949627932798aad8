package org.exotrace.deidentification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exotrace.clinic.Patient;
import org.exotrace.compliance.Route;
import org.exotrace.donor.SourceType;
import org.exotrace.evidence.Course;
import org.exotrace.outcome.Instrument;
import org.exotrace.treatment.Design;
import org.junit.jupiter.api.Test;

/** The export's files: every column of the data is in the dictionary, and text that a spreadsheet would run is defused. */
class ExportFilesTest {

    private static List<CSVRecord> parse(byte[] csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
    }

    private static Course course(String device, String indication) {
        return new Course(UUID.randomUUID(), "P-HK-000123", "CLINIC1", "HK", Patient.Sex.FEMALE, 41, "III", indication, "T-1", "HMSC-EXO-SERUM",
                SourceType.values()[0], Route.values()[0], Design.values()[0], null, null, LocalDate.of(2026, 3, 4), List.of(device), List.of("L-2026-0001"),
                3, 1.5e9, 4.5e9, new Course.LotProfile(98.4, null, 2.0e10), List.of(), List.of());
    }

    @Test
    void everyColumnOfTheDataIsDescribedInTheDictionaryWithItsMeaningTypeAndGeneralisation() throws IOException {
        List<ExportFiles.Column> columns = ExportFiles.columns(Instrument.EASI);
        ExportFiles.Row row = new ExportFiles.Row("S001", new KAnonymity.Cell("40-49", "FEMALE", "III", "site-1"), course("Dermapen 4", "AD"));
        byte[] data = ExportFiles.data(columns, List.of(new ExportFiles.Visit(row, 28, OptionalDouble.of(12.5), OptionalDouble.empty())));
        List<CSVRecord> dictionary = parse(ExportFiles.dictionary(columns));
        List<String> header = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(new String(data, StandardCharsets.UTF_8)))
                .getHeaderNames();

        assertThat(dictionary.stream().map(r -> r.get("name")).toList()).containsExactlyElementsOf(header);
        assertThat(header).contains("study_id", "visit_day", "age_band", "sex", "fitzpatrick", "site", "score", "adverse_events")
                .doesNotContain("pseudonym", "lot_code", "baseline_on", "clinic_code");
        for (CSVRecord r : dictionary) {
            assertThat(List.of(r.get("meaning"), r.get("type"), r.get("allowed_values"), r.get("generalisation"))).as(r.get("name"))
                    .allSatisfy(v -> assertThat(v).isNotBlank());
        }
        CSVRecord only = parse(data).get(0);
        assertThat(only.get("study_id")).isEqualTo("S001");
        assertThat(only.get("score")).isEqualTo("12.5");
        assertThat(only.get("control_score")).isEmpty();
        assertThat(only.get("dose_total")).isEqualTo("4500000000");
        assertThat(only.get("lot_d50_nm")).isEmpty();
        assertThat(new String(data, StandardCharsets.UTF_8)).doesNotContain("P-HK-000123").doesNotContain("2026-03-04").doesNotContain("L-2026-0001")
                .doesNotContain("CLINIC1");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenWithALeadingApostropheButNumbersAreNot() throws IOException {
        assertThat(ExportFiles.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ExportFiles.cell("+1")).isEqualTo("'+1");
        assertThat(ExportFiles.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(ExportFiles.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExportFiles.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(ExportFiles.cell("Dermapen 4")).isEqualTo("Dermapen 4");
        assertThat(ExportFiles.cell(-3.0)).isEqualTo("-3");
        assertThat(ExportFiles.cell(-12)).isEqualTo("-12");
        assertThat(ExportFiles.cell(null)).isEmpty();

        ExportFiles.Row row = new ExportFiles.Row("S001", new KAnonymity.Cell("40-49", "FEMALE", "III", "site-1"),
                course("=cmd|' /C calc'!A0", "@evil"));
        CSVRecord written = parse(ExportFiles.data(ExportFiles.columns(Instrument.EASI),
                List.of(new ExportFiles.Visit(row, 0, OptionalDouble.of(-1), OptionalDouble.empty())))).get(0);
        assertThat(written.get("devices")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(written.get("indication")).isEqualTo("'@evil");
        assertThat(written.get("score")).isEqualTo("-1");
    }
}
