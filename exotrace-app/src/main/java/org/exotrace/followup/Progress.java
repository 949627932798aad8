package org.exotrace.followup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.exotrace.clinic.Patient;
import org.exotrace.outcome.BaselineComparison;
import org.exotrace.outcome.BaselineComparison.Response.Outcome;
import org.exotrace.outcome.Gais;
import org.exotrace.outcome.Instrument;
import org.exotrace.outcome.Score;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentSession;

/**
 * A patient's progress, as the progress page shows it and a report would print it: per endpoint
 * the valid assessments over time, the baseline (the first valid assessment of that endpoint and
 * side), the latest change from baseline and each response's status, and the next visit due.
 * Holds the pseudonym, never the patient's name.
 *
 * @param asOf the day the progress was put together (for the next visit due)
 * @param nextVisit the earliest visit of the patient's plans due on or after {@code asOf} that is not done yet (a session visit is
 *     done once its plan has a recorded session of that number), or null
 * @param series one per endpoint and side, in the order the instruments are listed
 */
public record Progress(UUID patientId, String pseudonym, LocalDate asOf, NextVisit nextVisit, List<Series> series) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Progress {
        series = List.copyOf(series);
    }

    /** A scheduled visit of one of the patient's plans. */
    public record NextVisit(UUID planId, TreatmentPlan.VisitKind kind, int number, LocalDate dueOn) {

        /** "Session 3 on 2026-05-04", "Follow-up 1 on ...". */
        @JsonProperty("text")
        public String text() {
            return (kind == TreatmentPlan.VisitKind.SESSION ? "Session " : "Follow-up ") + number + " on " + dueOn;
        }
    }

    /** One assessment's value on the series. */
    public record Point(UUID assessmentId, LocalDate on, BigDecimal value, String band) {}

    /**
     * The latest value against baseline.
     *
     * @param difference current − baseline
     * @param percentChange (current − baseline) / baseline × 100, one decimal, negative for a
     *     decrease; null when the baseline is 0
     */
    public record Change(BigDecimal baseline, BigDecimal current, BigDecimal difference, BigDecimal percentChange) {}

    /**
     * Whether a response criterion is met by the latest assessment, and since when.
     *
     * @param firstAchievedOn the first follow-up that met it, or null
     * @param text for people: "EASI-50 achieved at week 4", "EASI-75 not yet"
     */
    public record ResponseStatus(String name, Outcome outcome, LocalDate firstAchievedOn, String text) {}

    /**
     * One endpoint on one side.
     *
     * @param endpoint what is plotted: the instrument's code, or "Cutometer R5" for one of its ratios
     * @param part the part plotted (the Cutometer ratio), or null for the assessment's value
     * @param points the valid assessments by date; a GAIS rating has a null value
     * @param change the latest point against the baseline; null with a single point or without numbers
     * @param comparison the latest score against the baseline for a computed score (EASI, SCORAD, POEM...), else null
     * @param responses each response criterion's status; empty when the instrument has none
     */
    public record Series(Instrument instrument, String endpoint, String part, Side side, String unit, List<Point> points,
                         Change change, BaselineComparison comparison, List<ResponseStatus> responses) {

        public Series {
            points = List.copyOf(points);
            responses = List.copyOf(responses);
        }

        @JsonProperty("baseline")
        public Point baseline() {
            return points.get(0);
        }

        @JsonProperty("latest")
        public Point latest() {
            return points.get(points.size() - 1);
        }

        /** Whether every point has a number, so the series can be drawn. */
        public boolean numeric() {
            return points.stream().allMatch(p -> p.value() != null);
        }
    }

    /** The progress from the patient's assessments (corrected ones are left out) and plans, as if no session were recorded yet. */
    static Progress of(Patient patient, List<Assessment> assessments, List<TreatmentPlan> plans, LocalDate asOf) {
        return of(patient, assessments, plans, List.of(), asOf);
    }

    /**
     * The progress from the patient's assessments (corrected ones are left out), plans and the sessions recorded under them: a
     * plan's session visit n is done when the plan has a session numbered n, whatever day it was given on.
     */
    static Progress of(Patient patient, List<Assessment> assessments, List<TreatmentPlan> plans, List<TreatmentSession> sessions,
                       LocalDate asOf) {
        List<Assessment> valid = assessments.stream().filter(Assessment::valid)
                .sorted(Comparator.comparing(Assessment::assessedOn).thenComparing(Assessment::createdAt)).toList();
        Map<String, List<Assessment>> byEndpoint = new LinkedHashMap<>();
        for (Instrument instrument : Instrument.values()) {
            for (Side side : Side.values()) {
                List<Assessment> these = valid.stream().filter(a -> a.instrument() == instrument && a.side() == side).toList();
                if (!these.isEmpty()) byEndpoint.put(instrument.name() + "/" + side.name(), these);
            }
        }
        List<Series> series = new ArrayList<>();
        for (List<Assessment> these : byEndpoint.values()) {
            Instrument instrument = these.get(0).instrument();
            if (instrument == Instrument.CUTOMETER) {
                for (String ratio : List.of("R2", "R5", "R7")) series.add(series(these, ratio));
            } else {
                series.add(series(these, null));
            }
        }
        Set<String> done = new HashSet<>();
        sessions.forEach(s -> done.add(s.planId() + "/" + s.number()));
        NextVisit next = plans.stream().flatMap(p -> p.visits().stream().filter(v -> !v.dueOn().isBefore(asOf))
                        .filter(v -> v.kind() != TreatmentPlan.VisitKind.SESSION || !done.contains(p.id() + "/" + v.number()))
                        .map(v -> new NextVisit(p.id(), v.kind(), v.number(), v.dueOn())))
                .min(Comparator.comparing(NextVisit::dueOn)).orElse(null);
        return new Progress(patient.id(), patient.pseudonym(), asOf, next, series);
    }

    private static Series series(List<Assessment> these, String part) {
        Assessment first = these.get(0);
        Instrument instrument = first.instrument();
        List<Point> points = these.stream().map(a -> new Point(a.id(), a.assessedOn(),
                part == null ? a.value() : a.parts().get(part), part == null ? a.band() : null)).toList();
        Point baseline = points.get(0);
        Point latest = points.get(points.size() - 1);
        Change change = null;
        if (points.size() > 1 && baseline.value() != null && latest.value() != null) {
            BigDecimal difference = latest.value().subtract(baseline.value());
            BigDecimal percent = baseline.value().signum() == 0 ? null
                    : plain(difference.multiply(HUNDRED).divide(baseline.value(), 1, RoundingMode.HALF_UP));
            change = new Change(baseline.value(), latest.value(), plain(difference), percent);
        }
        BaselineComparison comparison = null;
        List<ResponseStatus> responses = List.of();
        if (instrument.kind() == Instrument.Kind.SCORE) {
            Score base = first.score().orElseThrow();
            comparison = BaselineComparison.of(base, these.get(these.size() - 1).score().orElseThrow());
            responses = scoreResponses(these, base, comparison);
        } else if (instrument == Instrument.VIGA_AD || instrument == Instrument.GAIS) {
            responses = List.of(success(these));
        }
        String endpoint = part == null ? instrument.code() : instrument.code() + " " + part;
        return new Series(instrument, endpoint, part, first.side(), instrument.unit(), points, change, comparison, responses);
    }

    private static List<ResponseStatus> scoreResponses(List<Assessment> these, Score base, BaselineComparison latest) {
        LocalDate baselineOn = these.get(0).assessedOn();
        List<ResponseStatus> statuses = new ArrayList<>();
        for (BaselineComparison.Response response : latest.responses()) {
            LocalDate first = these.stream().skip(1)
                    .filter(a -> BaselineComparison.of(base, a.score().orElseThrow()).response(response.name())
                            .map(BaselineComparison.Response::achieved).orElse(false))
                    .map(Assessment::assessedOn).findFirst().orElse(null);
            statuses.add(new ResponseStatus(response.name(), response.outcome(), first,
                    text(response.name(), response.outcome(), first, baselineOn, these)));
        }
        return statuses;
    }

    /** vIGA-AD 0/1 (clear or almost clear) and GAIS improved: judged on the latest assessment alone. */
    private static ResponseStatus success(List<Assessment> these) {
        Instrument instrument = these.get(0).instrument();
        String name = instrument == Instrument.VIGA_AD ? "vIGA-AD 0/1 (clear or almost clear)" : "GAIS improved";
        java.util.function.Predicate<Assessment> met = instrument == Instrument.VIGA_AD
                ? a -> a.value().compareTo(BigDecimal.ONE) <= 0
                : a -> Gais.valueOf(Objects.toString(a.components().get("rating"))).improved();
        LocalDate baselineOn = these.get(0).assessedOn();
        List<Assessment> followUps = instrument == Instrument.GAIS ? these : these.subList(1, these.size());
        LocalDate first = followUps.stream().filter(met).map(Assessment::assessedOn).findFirst().orElse(null);
        Outcome outcome = followUps.isEmpty() ? Outcome.NOT_ACHIEVED
                : met.test(these.get(these.size() - 1)) ? Outcome.ACHIEVED : Outcome.NOT_ACHIEVED;
        if (instrument == Instrument.GAIS) {
            // GAIS is itself a comparison with the pre-treatment appearance: its first rating is no baseline to count weeks from.
            String text = outcome == Outcome.ACHIEVED ? name + " (rated " + these.get(these.size() - 1).band() + " on "
                    + these.get(these.size() - 1).assessedOn() + ")" : name + " not yet";
            return new ResponseStatus(name, outcome, first, text);
        }
        return new ResponseStatus(name, outcome, first, text(name, outcome, first, baselineOn, these));
    }

    private static String text(String name, Outcome outcome, LocalDate first, LocalDate baselineOn, List<Assessment> these) {
        if (outcome == Outcome.NOT_APPLICABLE) return name + " not applicable: the baseline is 0";
        if (outcome == Outcome.ACHIEVED) return name + " achieved at " + when(baselineOn, first);
        if (first != null) {
            return name + " achieved at " + when(baselineOn, first) + ", not held at " + when(baselineOn, these.get(these.size() - 1).assessedOn());
        }
        return name + " not yet" + (these.size() == 1 ? " (no follow-up since the baseline)" : "");
    }

    /** "week 4" for a whole number of weeks after baseline, else "day 30"; "baseline" on its day. */
    static String when(LocalDate baselineOn, LocalDate on) {
        long days = ChronoUnit.DAYS.between(baselineOn, on);
        if (days == 0) return "baseline";
        return days % 7 == 0 ? "week " + days / 7 : "day " + days;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
