package org.exotrace.deidentification;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.exotrace.evidence.AnalysisSpec;
import org.exotrace.evidence.CohortFilter;
import org.exotrace.evidence.Cohorts;
import org.exotrace.evidence.Course;
import org.exotrace.evidence.ResearchData;
import org.exotrace.followup.Assessments;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.treatment.Side;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * De-identified exports for statistics outside Exotrace: the courses of a cohort, one row per course
 * and visit, with a random study id per course and export (never the pseudonym, which is a key back
 * to the clinic), days from baseline instead of dates, ages in bands, the clinic as a code made for
 * the export, and k-anonymity on the quasi-identifiers ({@link KAnonymity}: age band, sex,
 * Fitzpatrick phototype, site) checked on what is written. Lot codes are left out: with the clinic's
 * records a lot and a day can point at a person. Every export is recorded (table
 * {@code evidence_export}) and audited, with the SHA-256 of the file handed out.
 *
 * <p>The least k is {@code exotrace.evidence.export.k} (default 5; below 2 the application refuses
 * to start); a request may ask for more, never less.
 */
@Service
public class DeidentifiedExport {

    private static final tools.jackson.databind.json.JsonMapper FILTER_JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Days before baseline a baseline reading may be. */

    /**
     * What to export: a saved cohort or a filter (neither: every course), the instrument, the visits
     * as days from baseline (0 is baseline), the window either side of a visit in days (default 14)
     * and k (default and least the configured one).
     */
    public record Request(UUID cohortId, CohortFilter filter, String instrument, List<Integer> visits, Integer window, Integer k) {}

    /** The file handed out and what it holds. */
    public record Export(UUID id, String fileName, byte[] zip, String sha256, int courses, int rows, int k, int kReached, int suppressed,
                         String generalisation) {}

    /** A past export, as the page lists it. */
    public record Past(UUID id, String createdBy, Instant createdAt, String criteria, String instrument, String visits, int courses, int rows,
                       int k, int kReached, int suppressed, String generalisation, String sha256) {}

    private final ResearchData data;
    private final Cohorts cohorts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final int leastK;
    private final SecureRandom random = new SecureRandom();

    DeidentifiedExport(ResearchData data, Cohorts cohorts, JdbcClient jdbc, ApplicationEventPublisher events,
                       @Value("${exotrace.evidence.export.k:5}") int leastK) {
        if (leastK < 2) throw new IllegalStateException("exotrace.evidence.export.k must be at least 2 (k-anonymity), was " + leastK);
        this.data = data;
        this.cohorts = cohorts;
        this.jdbc = jdbc;
        this.events = events;
        this.leastK = leastK;
    }

    /** The least k an export may use. */
    public int leastK() {
        return leastK;
    }

    @Transactional
    public Export export(Request request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instrument instrument = Assessments.instrument(request.instrument(), errors);
        List<Integer> visits = request.visits() == null ? List.of() : request.visits().stream().distinct().sorted().toList();
        if (visits.isEmpty()) errors.put("visits", "choose at least one visit (days from baseline; 0 is baseline)");
        else if (visits.size() > 20) errors.put("visits", "at most 20 visits");
        else if (visits.stream().anyMatch(v -> v == null || v < 0 || v > 3650)) errors.put("visits", "each visit is a day from 0 to 3650");
        int window = request.window() == null ? 14 : request.window();
        if (window < 0 || window > 180) errors.put("window", "the window is 0 to 180 days either side of a visit");
        int k = request.k() == null ? leastK : request.k();
        if (k < leastK) errors.put("k", "k is at least " + leastK);
        else if (k > 100) errors.put("k", "k is at most 100");
        if (request.cohortId() != null && request.filter() != null) errors.put("cohortId", "give a saved cohort or a filter, not both");
        if (!errors.isEmpty()) throw DomainProblem.invalid("The export cannot be made", errors);
        CohortFilter filter = request.cohortId() != null ? cohorts.get(request.cohortId()).filter()
                : request.filter() == null ? CohortFilter.ALL : request.filter();

        List<Course> courses = data.courses().stream().filter(filter::matches).toList();
        KAnonymity.Outcome outcome = KAnonymity.apply(quasi(courses), k);
        List<ExportFiles.Row> rows = studyRows(courses, outcome);
        List<ExportFiles.Visit> lines = new ArrayList<>();
        for (ExportFiles.Row row : rows) {
            Course c = row.course();
            Side treated = c.splitFace() ? c.treatedSide() : Side.BOTH;
            for (int day : visits) {
                lines.add(new ExportFiles.Visit(row, day, score(c, instrument, treated, day, window),
                        c.controlSide().map(side -> score(c, instrument, side, day, window)).orElse(OptionalDouble.empty())));
            }
        }
        List<ExportFiles.Column> columns = ExportFiles.columns(instrument);
        UUID id = UUID.randomUUID();
        String criteria = filter.describe().isEmpty() ? "every course" : String.join("; ", filter.describe());
        String visitText = String.join(", ", visits.stream().map(String::valueOf).toList());
        // The README names no lot: with the clinics' records a lot can point at people.
        String readme = readme(id, criteria.replaceAll("lot = [^;]*", "one lot (its code withheld)"), instrument, visitText, window, rows.size(),
                lines.size(), outcome);
        byte[] zip = ExportFiles.zip(ExportFiles.data(columns, lines), ExportFiles.dictionary(columns), readme);
        String sha = sha256(zip);

        jdbc.sql("""
                insert into evidence_export (id, created_by, cohort_id, filter, criteria, instrument, visits, courses, rows_written, k, k_reached,
                                             suppressed, generalisation, sha256)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Actors.current(), request.cohortId(), FILTER_JSON.writeValueAsString(filter), criteria, instrument.code(), visitText,
                        rows.size(), lines.size(), k, outcome.kReached(), outcome.suppressedCourses(), outcome.level().description(), sha)
                .update();
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("filter", criteria);
        if (request.cohortId() != null) audit.put("cohortId", request.cohortId().toString());
        audit.put("instrument", instrument.code());
        audit.put("visits", visitText);
        audit.put("courses", rows.size());
        audit.put("rows", lines.size());
        audit.put("k", k);
        audit.put("kReached", outcome.kReached());
        audit.put("suppressed", outcome.suppressedCourses());
        audit.put("generalisation", outcome.level().description());
        audit.put("sha256", sha);
        events.publishEvent(RecordChanged.created("evidence_export", id, audit));
        return new Export(id, "exotrace-export-" + id.toString().substring(0, 8) + ".zip", zip, sha, rows.size(), lines.size(), k,
                outcome.kReached(), outcome.suppressedCourses(), outcome.level().description());
    }

    /** Every export, newest first. */
    @Transactional(readOnly = true)
    public List<Past> past() {
        return jdbc.sql("select * from evidence_export order by created_at desc limit 200").query((rs, n) -> new Past(rs.getObject("id", UUID.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("criteria"), rs.getString("instrument"),
                rs.getString("visits"), rs.getInt("courses"), rs.getInt("rows_written"), rs.getInt("k"), rs.getInt("k_reached"),
                rs.getInt("suppressed"), rs.getString("generalisation"), rs.getString("sha256"))).list();
    }

    /** The instrument by its name (EASI, VIGA_AD) or its code (vIGA-AD); null with a field message when it is neither. */
    private static OptionalDouble score(Course c, Instrument instrument, Side side, int day, int window) {
        return day == 0 ? c.baseline(instrument, side, AnalysisSpec.BASELINE_DAYS) : c.at(instrument, side, day, window);
    }

    /** The quasi-identifiers, with each clinic replaced by a code drawn at random for this export. */
    private List<KAnonymity.Quasi> quasi(List<Course> courses) {
        List<String> clinics = new ArrayList<>(courses.stream().map(Course::clinicCode).distinct().toList());
        Collections.shuffle(clinics, random);
        Map<String, String> site = new HashMap<>();
        for (int i = 0; i < clinics.size(); i++) site.put(clinics.get(i), "site-" + (i + 1));
        return courses.stream().map(c -> new KAnonymity.Quasi(c.pseudonym(), c.ageAtBaseline(), c.sex().name(), c.fitzpatrick(),
                site.get(c.clinicCode()), c.jurisdiction() == null ? "unknown" : c.jurisdiction().toUpperCase(Locale.ROOT))).toList();
    }

    /** The courses kept, in a random order, numbered S001, S002, ... in that order. */
    private List<ExportFiles.Row> studyRows(List<Course> courses, KAnonymity.Outcome outcome) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < courses.size(); i++) if (!outcome.suppressed(i)) kept.add(i);
        Collections.shuffle(kept, random);
        int width = Math.max(3, String.valueOf(kept.size()).length());
        List<ExportFiles.Row> rows = new ArrayList<>();
        for (int n = 0; n < kept.size(); n++) {
            rows.add(new ExportFiles.Row("S" + String.format(Locale.ROOT, "%0" + width + "d", n + 1), outcome.cells().get(kept.get(n)),
                    courses.get(kept.get(n))));
        }
        return rows;
    }

    private static String readme(UUID id, String criteria, Instrument instrument, String visits, int window, int courses, int rows,
                                 KAnonymity.Outcome o) {
        return String.join("\r\n",
                "Exotrace de-identified export " + id,
                "Made by " + Actors.current() + "; when is in Exotrace's record of exports (no date is written in these files).",
                "",
                "Cohort: " + criteria + ".",
                "Instrument: " + instrument.code() + " (" + instrument.title() + "); visits (days from baseline): " + visits
                        + "; window: " + window + " days either side; baseline: the last reading up to " + AnalysisSpec.BASELINE_DAYS + " days before day 0.",
                "Written: " + courses + " courses, " + rows + " rows (one per course and visit) in data.csv; each column is described in data-dictionary.csv.",
                "",
                "De-identification",
                "- Only patients with a research-use consent in force. No names, pseudonyms, dates, lot codes or clinic names: a random study id per "
                        + "course (new at every export), days from baseline, age in bands, the clinic as a code made for this export.",
                "- Quasi-identifiers: age band, sex, Fitzpatrick phototype, site.",
                "- k-anonymity: k = " + o.k() + " asked; every combination of the quasi-identifiers written holds at least k people. "
                        + (courses == 0 ? "Nothing was written." : "Smallest combination written: " + o.kReached() + " people, in " + o.classes()
                        + " combinations."),
                "- Generalisation: " + o.level().description() + ".",
                "- Suppressed: " + o.suppressedCourses() + " courses of " + o.suppressedPeople() + " people, in combinations under k even after "
                        + "generalisation; their rows are left out.",
                "- Not protected against: linking by rare products, devices, doses or scores; identical outcomes within a combination.",
                "");
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
