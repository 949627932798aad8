package org.exotrace.evidence.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exotrace.clinic.Patient;
import org.exotrace.compliance.Route;
import org.exotrace.donor.SourceType;
import org.exotrace.evidence.AnalysisKind;
import org.exotrace.evidence.AnalysisSpec;
import org.exotrace.evidence.CohortFilter;
import org.exotrace.evidence.DoseMeasure;
import org.exotrace.evidence.Grouping;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.Choices;

/**
 * The workbench form as typed: the cohort's criteria and the analysis's settings, all text, so that
 * a refused value is shown back as it was typed with its field message. Doses are typed in 10⁹
 * particles per session and purity in 10⁹ particles per µg protein, as the pages show them.
 */
record EvidenceForm(String cohort, String indication, String instrument, String sourceType, String product, String lotCode, String route,
                    String device, String jurisdiction, String fitzpatrick, String sex, String ageBand, String minSessions,
                    String maxSessions, String sizeModeMin, String sizeModeMax, String d50Min, String d50Max, String purityMin,
                    String purityMax, String doseMin, String doseMax, String kind, String day, String window, String responderPercent,
                    String groupBy, String measure) {

    static final EvidenceForm EMPTY = new EvidenceForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The form showing a saved filter, the analysis settings as they were. */
    EvidenceForm withFilter(String cohortId, CohortFilter f) {
        return new EvidenceForm(cohortId, f.indication(), f.instrument() == null ? instrument : f.instrument().name(), name(f.sourceType()),
                f.product(), f.lotCode(), name(f.route()), f.device(), f.jurisdiction(), f.fitzpatrick(), name(f.sex()), f.ageBand(),
                text(f.minSessions()), text(f.maxSessions()), text(f.sizeModeMin()), text(f.sizeModeMax()), text(f.d50Min()), text(f.d50Max()),
                scaledText(f.purityMin()), scaledText(f.purityMax()), scaledText(f.doseMin()), scaledText(f.doseMax()), kind, day, window,
                responderPercent, groupBy, measure);
    }

    /** The same form asking for another analysis: one plan locks several kinds with the same settings. */
    EvidenceForm withKind(String analysisKind) {
        return new EvidenceForm(cohort, indication, instrument, sourceType, product, lotCode, route, device, jurisdiction, fitzpatrick, sex,
                ageBand, minSessions, maxSessions, sizeModeMin, sizeModeMax, d50Min, d50Max, purityMin, purityMax, doseMin, doseMax,
                analysisKind, day, window, responderPercent, groupBy, measure);
    }

    /** The cohort's criteria; a value that cannot be read is put in {@code errors} under its field. */
    CohortFilter filter(Map<String, String> errors) {
        return new CohortFilter(blank(indication), choice(Instrument.class, instrument, "instrument", errors),
                choice(SourceType.class, sourceType, "sourceType", errors), blank(product), blank(lotCode), choice(Route.class, route, "route", errors),
                blank(device), blank(jurisdiction), blank(fitzpatrick), choice(Patient.Sex.class, sex, "sex", errors), blank(ageBand),
                whole(minSessions, "minSessions", errors), whole(maxSessions, "maxSessions", errors), number(sizeModeMin, "sizeModeMin", 1, errors),
                number(sizeModeMax, "sizeModeMax", 1, errors), number(d50Min, "d50Min", 1, errors), number(d50Max, "d50Max", 1, errors),
                number(purityMin, "purityMin", 1e9, errors), number(purityMax, "purityMax", 1e9, errors), number(doseMin, "doseMin", 1e9, errors),
                number(doseMax, "doseMax", 1e9, errors));
    }

    /** The analysis's settings (defaults are filled in when it is run). */
    AnalysisSpec spec(Map<String, String> errors) {
        AnalysisKind k = blank(kind) == null ? null : choice(AnalysisKind.class, kind, "kind", errors);
        if (k == null && !errors.containsKey("kind")) errors.put("kind", "choose an analysis");
        return new AnalysisSpec(k, choice(Instrument.class, instrument, "instrument", errors), whole(day, "day", errors), whole(window, "window", errors),
                whole(responderPercent, "responderPercent", errors), choice(Grouping.class, groupBy, "groupBy", errors),
                choice(DoseMeasure.class, measure, "measure", errors));
    }

    /** The fields that hold a value, in the form's order, as name and value: the hidden fields of the save and lock forms. */
    public List<String[]> pairs() {
        String[][] all = {{"indication", indication}, {"instrument", instrument}, {"sourceType", sourceType}, {"product", product},
            {"lotCode", lotCode}, {"route", route}, {"device", device}, {"jurisdiction", jurisdiction}, {"fitzpatrick", fitzpatrick}, {"sex", sex},
            {"ageBand", ageBand}, {"minSessions", minSessions}, {"maxSessions", maxSessions}, {"sizeModeMin", sizeModeMin},
            {"sizeModeMax", sizeModeMax}, {"d50Min", d50Min}, {"d50Max", d50Max}, {"purityMin", purityMin}, {"purityMax", purityMax},
            {"doseMin", doseMin}, {"doseMax", doseMax}, {"kind", kind}, {"day", day}, {"window", window}, {"responderPercent", responderPercent},
            {"groupBy", groupBy}, {"measure", measure}};
        List<String[]> out = new ArrayList<>();
        for (String[] pair : all) if (pair[1] != null && !pair[1].isBlank()) out.add(new String[] {pair[0], pair[1].strip()});
        return out;
    }

    /** The value typed in the field with this name, or "". */
    public String value(String field) {
        return pairs().stream().filter(p -> p[0].equals(field)).map(p -> p[1]).findFirst().orElse("");
    }

    /** The form as a query string, for the links to the same analysis as a PDF or a table as CSV. */
    String query() {
        StringBuilder q = new StringBuilder();
        for (String[] pair : pairs()) {
            q.append(q.isEmpty() ? "" : "&").append(pair[0]).append('=').append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Map<String, String> errors) {
        return blank(value) == null ? null : Choices.parse(type, value, field, errors);
    }

    private static Integer whole(String value, String field, Map<String, String> errors) {
        if (blank(value) == null) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "'" + value.strip() + "' is not a whole number");
            return null;
        }
    }

    private static Double number(String value, String field, double scale, Map<String, String> errors) {
        if (blank(value) == null) return null;
        try {
            double v = Double.parseDouble(value.strip());
            if (!Double.isFinite(v) || v < 0) {
                errors.put(field, "must be a number of at least 0");
                return null;
            }
            return v * scale;
        } catch (NumberFormatException e) {
            errors.put(field, "'" + value.strip() + "' is not a number");
            return null;
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String text(Number n) {
        if (n == null) return null;
        double v = n.doubleValue();
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String scaledText(Double v) {
        return v == null ? null : text(v / 1e9);
    }
}
