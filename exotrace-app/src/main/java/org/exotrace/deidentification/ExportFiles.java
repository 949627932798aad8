package org.exotrace.deidentification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.exotrace.evidence.AnalysisSpec;
import org.exotrace.evidence.Course;
import org.exotrace.outcome.Instrument;

/**
 * The files of a de-identified export: {@code data.csv} (one row per course and visit),
 * {@code data-dictionary.csv} (one row per column of the data) and {@code README.txt}, zipped. The
 * columns are defined once, with their meaning, so the dictionary cannot miss one. Text cells that a
 * spreadsheet would run as a formula (beginning with =, +, -, @, a tab or a carriage return) are
 * written with a leading apostrophe.
 */
final class ExportFiles {

    /** One course of the export, generalised: its study id, its cell and the course. */
    record Row(String studyId, KAnonymity.Cell cell, Course course) {}

    /** What a row's cell is read from: the course's row, the visit's day and its value on the treated and control sides. */
    record Visit(Row row, int day, OptionalDouble score, OptionalDouble control) {}

    /** A column: name, meaning, type, unit, allowed values, how it was generalised, and how its cell is read. */
    record Column(String name, String meaning, String type, String unit, String allowed, String generalised, Function<Visit, Object> value) {}

    static final String NONE = "none";

    static List<Column> columns(Instrument instrument) {
        String scoreUnit = instrument.unit().isEmpty() ? "points" : instrument.unit();
        String range = instrument.min().map(m -> m + "-" + instrument.max().map(Object::toString).orElse("")).orElse("any number");
        return List.of(
                new Column("study_id", "a random id of the course, made for this export only; not the pseudonym, no key back to the clinic", "text", "",
                        "S followed by digits", "replaces the pseudonym", v -> v.row().studyId()),
                new Column("visit_day", "the visit asked for, in days from baseline (day 0 is the first session)", "integer", "days", "0 or more",
                        "dates given only as days from baseline", Visit::day),
                new Column("age_band", "age at baseline", "text", "years", "under 18, 18-29 ... 70-79, 80+ (or 18-39, 40-59, 60-79)",
                        "ten-year bands, twenty-year bands when needed for k", v -> v.row().cell().ageBand()),
                new Column("sex", "sex as recorded", "text", "", "FEMALE, MALE, OTHER", NONE, v -> v.row().cell().sex()),
                new Column("fitzpatrick", "Fitzpatrick skin phototype", "text", "", String.join(", ", KAnonymity.PHOTOTYPES),
                        "grouped I-II / III-IV / V-VI when needed for k", v -> v.row().cell().fitzpatrick()),
                new Column("site", "where the course was given", "text", "", "site-N (a code made for this export), a jurisdiction code, or any",
                        "clinic replaced by a random code; then by its jurisdiction, then by any when needed for k", v -> v.row().cell().site()),
                new Column("indication", "the indication of the course's protocol", "text", "", "as recorded", NONE, v -> v.row().course().indication()),
                new Column("product", "the product planned", "text", "", "product codes", NONE, v -> v.row().course().product()),
                new Column("source_type", "the source of the product", "text", "", "source type codes", NONE, v -> name(v.row().course().sourceType())),
                new Column("route", "how the product was delivered", "text", "", "route codes", NONE, v -> name(v.row().course().route())),
                new Column("design", "the course's design", "text", "", "design codes (SPLIT_FACE compares the treated with the control side)", NONE,
                        v -> name(v.row().course().design())),
                new Column("devices", "devices used in the sessions, in order of first use, separated by ;", "text", "", "as recorded", NONE,
                        v -> String.join("; ", v.row().course().devices())),
                new Column("sessions", "sessions given in the course", "integer", "sessions", "0 or more", NONE, v -> v.row().course().sessions()),
                new Column("dose_per_session", "mean dose per session over the sessions with a known dose", "number", "particles", "empty when unknown",
                        NONE, v -> v.row().course().dosePerSession()),
                new Column("dose_total", "total dose over the sessions with a known dose", "number", "particles", "empty when unknown", NONE,
                        v -> v.row().course().doseTotal()),
                new Column("lot_size_mode_nm", "mean of the lots' size mode (NTA)", "number", "nm", "empty when unmeasured", NONE,
                        v -> v.row().course().lots().sizeModeNm()),
                new Column("lot_d50_nm", "mean of the lots' median diameter D50", "number", "nm", "empty when unmeasured", NONE,
                        v -> v.row().course().lots().sizeD50Nm()),
                new Column("lot_particles_per_ug_protein", "mean of the lots' particles per µg protein (purity)", "number", "particles/µg",
                        "empty when unmeasured", NONE, v -> v.row().course().lots().particlesPerUgProtein()),
                new Column("instrument", "the outcome instrument of the scores", "text", "", instrument.code(), NONE, v -> instrument.code()),
                new Column("score", "the score at the visit: at day 0 the last reading up to " + AnalysisSpec.BASELINE_DAYS + " days before baseline; later the reading nearest the day "
                        + "within the window; on split-face courses the treated side as read by the blinded assessor", "number", scoreUnit, range
                        + "; empty when not assessed", NONE, v -> value(v.score())),
                new Column("control_score", "on split-face courses the untreated side's score at the visit, read as the score", "number", scoreUnit,
                        range + "; empty on other courses or when not assessed", NONE, v -> value(v.control())),
                new Column("adverse_events", "adverse events reported over the whole course", "integer", "events", "0 or more", NONE,
                        v -> v.row().course().adverseEvents().size()),
                new Column("serious_adverse_events", "serious adverse events over the whole course", "integer", "events", "0 or more", NONE,
                        v -> (int) v.row().course().adverseEvents().stream().filter(Course.AdverseEventFact::serious).count()));
    }

    private ExportFiles() {}

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** A cell as written: numbers plainly (no exponent), text guarded against formulas, null empty. */
    static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        if (value instanceof Number n) return n.toString();
        String s = value.toString();
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    static byte[] csv(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) printer.printRecord(row.stream().map(ExportFiles::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] data(List<Column> columns, List<Visit> visits) {
        return csv(columns.stream().map(Column::name).toList(),
                visits.stream().map(v -> columns.stream().map(c -> c.value().apply(v)).toList()).toList());
    }

    static byte[] dictionary(List<Column> columns) {
        return csv(List.of("name", "meaning", "type", "unit", "allowed_values", "generalisation"),
                columns.stream().map(c -> List.<Object>of(c.name(), c.meaning(), c.type(), c.unit(), c.allowed(), c.generalised())).toList());
    }

    static byte[] zip(byte[] data, byte[] dictionary, String readme) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "data.csv", data);
            entry(zip, "data-dictionary.csv", dictionary);
            entry(zip, "README.txt", readme.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }
}
