package org.exotrace.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.data.Offset.offset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.exotrace.clinic.Patient;
import org.exotrace.compliance.Route;
import org.exotrace.donor.SourceType;
import org.exotrace.evidence.AnalysisReport.Estimate;
import org.exotrace.evidence.AnalysisReport.Provenance;
import org.exotrace.evidence.AnalysisReport.VisitCount;
import org.exotrace.evidence.Course.AdverseEventFact;
import org.exotrace.evidence.Course.Observation;
import org.exotrace.outcome.Instrument;
import org.exotrace.stats.Multiplicity;
import org.exotrace.treatment.Design;
import org.exotrace.treatment.Side;
import org.junit.jupiter.api.Test;

/**
 * The analysis layer against ground truth, without a database: cohorts simulated with known effects
 * (the intervals cover them, and over 200 seeded cohorts about 95 % of the time), small cases worked
 * by hand, and degenerate data that must give warnings, never an exception.
 */
class AnalysesUnitTest {

    private final Analyses analyses = new Analyses(null);

    // The simulated truth: mean % change in EASI at day 84 by source, the route's effect, the slope per 10⁹ particles per session.
    private static final Map<SourceType, Double> SOURCE_EFFECT = Map.of(SourceType.UMBILICAL_CORD_MSC, -40.0, SourceType.ADIPOSE_MSC, -30.0,
            SourceType.PLANT, -20.0);
    private static final Map<SourceType, Double> AE_RISK = Map.of(SourceType.UMBILICAL_CORD_MSC, 0.10, SourceType.ADIPOSE_MSC, 0.20,
            SourceType.PLANT, 0.05);
    private static final double ELECTROPORATION_EFFECT = -10;
    private static final double SLOPE = -3;
    private static final double MEAN_DOSE = 3;
    private static final double NOISE_SD = 15;
    private static final double MEAN_BASELINE = 25;
    /** Split-face: the treated side's mean % change and the control side's. */
    private static final double TREATED = -45;
    private static final double CONTROL = -15;
    /** E(% change) = mean of the sources (-30) + half the route effect (-5); E(change) = E(baseline) E(%) / 100, as they are independent. */
    private static final double TRUE_PERCENT = -35;
    private static final double TRUE_CHANGE = MEAN_BASELINE * TRUE_PERCENT / 100;

    // ---- simulated cohorts -------------------------------------------------------------------------------------------

    /** {@code n} whole-area courses and {@code split} split-face ones; 10 % are lost before day 84. */
    static List<Course> cohort(SplittableRandom rnd, int n, int split) {
        List<Course> out = new ArrayList<>();
        SourceType[] sources = SOURCE_EFFECT.keySet().stream().sorted().toArray(SourceType[]::new);
        for (int i = 0; i < n; i++) {
            SourceType source = sources[rnd.nextInt(sources.length)];
            Route route = rnd.nextBoolean() ? Route.ELECTROPORATION : Route.TOPICAL_INTACT_SKIN;
            double dose = rnd.nextDouble(1, 5);
            double pct = SOURCE_EFFECT.get(source) + (route == Route.ELECTROPORATION ? ELECTROPORATION_EFFECT : 0) + SLOPE * (dose - MEAN_DOSE)
                    + NOISE_SD * gaussian(rnd);
            double baseline = rnd.nextDouble(10, 40);
            List<Observation> obs = new ArrayList<>();
            obs.add(new Observation(Instrument.EASI, -rnd.nextInt(0, 8), Side.BOTH, baseline, "dr"));
            obs.add(new Observation(Instrument.EASI, 28 + rnd.nextInt(-5, 6), Side.BOTH, baseline * (1 + pct / 200), "dr"));
            if (rnd.nextDouble() > 0.10) obs.add(new Observation(Instrument.EASI, 84 + rnd.nextInt(-10, 11), Side.BOTH, baseline * (1 + pct / 100), "dr"));
            List<AdverseEventFact> events = rnd.nextDouble() < AE_RISK.get(source) ? List.of(new AdverseEventFact("erythema", 2, "MILD", false, "L1"))
                    : List.of();
            out.add(course("P" + i, source, route, Design.PARALLEL, null, null, List.of("L1"), dose * 1e9, obs, events));
        }
        for (int i = 0; i < split; i++) {
            Side treated = rnd.nextBoolean() ? Side.LEFT : Side.RIGHT;
            Side control = treated == Side.LEFT ? Side.RIGHT : Side.LEFT;
            double bt = rnd.nextDouble(10, 40);
            double bc = bt * rnd.nextDouble(0.8, 1.2);
            double shared = 10 * gaussian(rnd);
            double t = TREATED + shared + 8 * gaussian(rnd);
            double c = CONTROL + shared + 8 * gaussian(rnd);
            int day = 84 + rnd.nextInt(-7, 8);
            List<Observation> obs = new ArrayList<>(List.of(new Observation(Instrument.EASI, 0, treated, bt, "blind"),
                    new Observation(Instrument.EASI, 0, control, bc, "blind"),
                    new Observation(Instrument.EASI, day, treated, bt * (1 + t / 100), "blind"),
                    new Observation(Instrument.EASI, day, control, bc * (1 + c / 100), "blind"),
                    // An unblinded reading that would favour the product, and whole-face readings that would wreck a whole-area analysis.
                    new Observation(Instrument.EASI, day + 1, treated, 0.01, "open"),
                    new Observation(Instrument.EASI, 0, Side.BOTH, 10, "blind"), new Observation(Instrument.EASI, day, Side.BOTH, 30, "blind")));
            List<AdverseEventFact> events = rnd.nextDouble() < AE_RISK.get(SourceType.ADIPOSE_MSC)
                    ? List.of(new AdverseEventFact("erythema", 2, "MILD", false, "L1")) : List.of();
            out.add(course("S" + i, SourceType.ADIPOSE_MSC, Route.ELECTROPORATION, Design.SPLIT_FACE, treated, "blind", List.of("L1"), 2e9, obs, events));
        }
        return out;
    }

    private static double gaussian(SplittableRandom rnd) {
        return rnd.nextGaussian();
    }

    static Course course(String id, SourceType source, Route route, Design design, Side treated, String blinded, List<String> lots, Double dose,
                         List<Observation> obs, List<AdverseEventFact> events) {
        return new Course(UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)), id, "KR", "HK", Patient.Sex.FEMALE, 40, "III",
                "atopic dermatitis", "AD", "EXO-1", source, route, design, treated, blinded, LocalDate.of(2026, 1, 5), List.of("EP-1"), lots,
                3, dose, dose == null ? null : dose * 3, new Course.LotProfile(null, null, null), obs, events);
    }

    private AnalysisReport run(List<Course> courses, AnalysisKind kind, Grouping by, DoseMeasure m, Integer responder) {
        return analyses.run(courses, CohortFilter.ALL, new AnalysisSpec(kind, Instrument.EASI, 84, 14, responder, by, m), Provenance.EXPLORATORY);
    }

    private static Estimate estimate(AnalysisReport r, String startsWith) {
        return r.estimates().stream().filter(e -> e.name().startsWith(startsWith)).findFirst().orElseThrow(() -> new AssertionError(
                "no estimate " + startsWith + " in " + r.estimates().stream().map(Estimate::name).toList()));
    }

    private static boolean covers(Estimate e, double truth) {
        return e.lower() <= truth && truth <= e.upper();
    }

    @Test
    void everyIntervalOfASimulatedCohortCoversItsTruth() {
        List<Course> courses = cohort(new SplittableRandom(20261207), 300, 60);

        AnalysisReport paired = run(courses, AnalysisKind.PAIRED, null, null, null);
        AnalysisReport bySource = run(courses, AnalysisKind.TWO_GROUPS, Grouping.SOURCE_TYPE, null, null);
        AnalysisReport byRoute = run(courses, AnalysisKind.TWO_GROUPS, Grouping.ROUTE, null, null);
        AnalysisReport dose = run(courses, AnalysisKind.DOSE_RESPONSE, null, DoseMeasure.DOSE_PER_SESSION, null);
        AnalysisReport split = run(courses, AnalysisKind.SPLIT_FACE, null, null, null);
        AnalysisReport events = run(courses, AnalysisKind.ADVERSE_EVENTS, Grouping.SOURCE_TYPE, null, null);

        List<String> seen = new ArrayList<>();
        check(seen, estimate(paired, "Mean change"), TRUE_CHANGE);
        check(seen, estimate(paired, "Mean percent change"), TRUE_PERCENT);
        for (var s : SOURCE_EFFECT.entrySet()) check(seen, estimate(bySource, "Mean % change, " + s.getKey().label()), s.getValue() - 5);
        check(seen, estimate(bySource, "Adipose MSC − Umbilical-cord MSC (% change)"), -30.0 - -40.0);
        check(seen, estimate(bySource, "Adipose MSC − Plant (% change)"), -30.0 - -20.0);
        check(seen, estimate(byRoute, "Electroporation − Topical, intact skin (% change)"), ELECTROPORATION_EFFECT);
        check(seen, estimate(dose, "Slope"), SLOPE);
        check(seen, estimate(split, "Treated − control"), TREATED - CONTROL);
        check(seen, estimate(split, "Treated side"), TREATED);
        for (var s : AE_RISK.entrySet()) check(seen, estimate(events, "Courses with an adverse event, " + s.getKey().label()), 100 * s.getValue());
        System.out.println("Simulated cohort (seed 20261207, 300 whole-area + 60 split-face courses):\n  " + String.join("\n  ", seen));

        // The split-face courses stay out of the whole-area analyses, and the unblinded reading out of the split-face one.
        assertThat(paired.visits().get(0).assessed() + paired.visits().get(0).missing()).isEqualTo(300);
        assertThat(split.analysed()).isEqualTo(60);
        assertThat(estimate(dose, "Slope").n()).isEqualTo(estimate(paired, "Mean change").n()).isEqualTo(paired.analysed());
    }

    private static void check(List<String> seen, Estimate e, double truth) {
        seen.add(String.format(java.util.Locale.ROOT, "%-55s truth %8.2f  estimate %8.2f  95 %% CI %8.2f to %8.2f  (n %d)", e.name(), truth,
                e.value(), e.lower(), e.upper(), e.n()));
        assertThat(covers(e, truth)).as(seen.get(seen.size() - 1)).isTrue();
    }

    @Test
    void theIntervalsCoverTheirTruthAbout95PercentOfTheTime() {
        int replicates = 200;
        int paired = 0;
        int groups = 0;
        int slope = 0;
        int split = 0;
        SplittableRandom seeds = new SplittableRandom(42);
        for (int k = 0; k < replicates; k++) {
            List<Course> courses = cohort(seeds.split(), 200, 30);
            if (covers(estimate(run(courses, AnalysisKind.PAIRED, null, null, null), "Mean change"), TRUE_CHANGE)) paired++;
            if (covers(estimate(run(courses, AnalysisKind.TWO_GROUPS, Grouping.ROUTE, null, null), "Electroporation − Topical, intact skin (% change)"),
                    ELECTROPORATION_EFFECT)) groups++;
            if (covers(estimate(run(courses, AnalysisKind.DOSE_RESPONSE, null, DoseMeasure.DOSE_PER_SESSION, null), "Slope"), SLOPE)) slope++;
            if (covers(estimate(run(courses, AnalysisKind.SPLIT_FACE, null, null, null), "Treated − control"), TREATED - CONTROL)) split++;
        }
        System.out.printf(java.util.Locale.ROOT, "Coverage over %d cohorts: paired mean change %.1f %%, route difference %.1f %%, dose slope %.1f %%, "
                + "split-face difference %.1f %%%n", replicates, 100.0 * paired / replicates, 100.0 * groups / replicates, 100.0 * slope / replicates,
                100.0 * split / replicates);
        assertThat(100.0 * paired / replicates).isBetween(91.0, 99.0);
        assertThat(100.0 * groups / replicates).isBetween(91.0, 99.0);
        assertThat(100.0 * slope / replicates).isBetween(91.0, 99.0);
        assertThat(100.0 * split / replicates).isBetween(91.0, 99.0);
    }

    // ---- worked by hand ----------------------------------------------------------------------------------------------

    private static Observation easi(int day, double value) {
        return new Observation(Instrument.EASI, day, Side.BOTH, value, "dr");
    }

    private static Course whole(String id, SourceType source, List<String> lots, Double dose, Observation... obs) {
        return course(id, source, Route.ELECTROPORATION, Design.PARALLEL, null, null, lots, dose, List.of(obs), List.of());
    }

    /**
     * A: baseline, day 28, day 42 (midway between the visits on the way), day 84; B: baseline and day 80;
     * C: baseline only; D: no baseline (day 1 is after it) but a day-84 reading; E: a baseline 40 days before (too early).
     */
    @Test
    void visitCountsCountEachCourseOnceAtEachVisitAndAReadingForOneVisitOnly() {
        List<Course> courses = List.of(whole("A", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 20), easi(28, 15), easi(42, 14), easi(84, 10)),
                whole("B", SourceType.PLANT, List.of("L1"), 1e9, easi(-3, 10), easi(80, 9)),
                whole("C", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 30)),
                whole("D", SourceType.PLANT, List.of("L1"), 1e9, easi(1, 30), easi(84, 20)),
                whole("E", SourceType.PLANT, List.of("L1"), 1e9, easi(-40, 30), easi(84, 20)));

        AnalysisReport r = run(courses, AnalysisKind.PAIRED, null, null, null);

        assertThat(r.visits()).containsExactly(new VisitCount("baseline", 0, 3, 2), new VisitCount("day 28", 28, 1, 2),
                new VisitCount("day 56", 56, 0, 3), new VisitCount("day 84", 84, 2, 1));
        assertThat(r.analysed()).isEqualTo(2);
        // (10 - 20 + 9 - 10) / 2
        assertThat(estimate(r, "Mean change").value()).isCloseTo(-5.5, offset(1e-12));
        assertThat(r.missingHandling()).contains("Complete cases: 2 of 5");
    }

    @Test
    void aVisitOnTheWayThatLiesInTheAnalysisVisitsWindowIsNotAVisitOfItsOwn() {
        // Day 30 ± 14: the window 16-44 holds day 20, a third of the way would be day 10 (window 5, clear of 16).
        List<Course> courses = List.of(whole("A", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 20), easi(10, 18), easi(16, 12)),
                whole("B", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 20), easi(15, 16), easi(30, 10)));

        AnalysisReport r = analyses.run(courses, CohortFilter.ALL, new AnalysisSpec(AnalysisKind.PAIRED, Instrument.EASI, 30, 14, null, null, null),
                Provenance.EXPLORATORY);

        assertThat(r.visits()).extracting(VisitCount::day).containsExactly(0, 10, 30);
        // Day 10's window is 5-15: A's day 10 and B's day 15 count there; A's day 16 counts at day 30 only.
        assertThat(r.visits().get(1)).isEqualTo(new VisitCount("day 10", 10, 2, 0));
        assertThat(r.visits().get(2)).isEqualTo(new VisitCount("day 30", 30, 2, 0));
    }

    @Test
    void aFollowUpOfExactlyTheBoundaryIsAResponder() {
        // EASI-90 at exactly 10 % of 5.6 (0.56 * 100 > 10 * 5.6 in binary doubles), EASI-50 at exactly half, and just above half.
        List<Course> courses = List.of(whole("A", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 5.6), easi(84, 0.56)),
                whole("B", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 16), easi(84, 8)),
                whole("C", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 16), easi(84, 8.01)));

        AnalysisReport r50 = run(courses, AnalysisKind.RESPONDER, null, null, 50);
        AnalysisReport r90 = run(courses, AnalysisKind.RESPONDER, null, null, 90);

        assertThat(estimate(r50, "EASI-50").value()).isCloseTo(200.0 / 3, offset(1e-9));
        assertThat(r50.tables().get(0).rows().get(0)).contains("2 / 3");
        assertThat(estimate(r90, "EASI-90").value()).isCloseTo(100.0 / 3, offset(1e-9));
        assertThat(r90.plots().waterfall()).filteredOn(b -> b.id().equals("A")).singleElement().satisfies(b -> assertThat(b.responder()).isTrue());
        // The paired analysis's responder row (the library's count) agrees with the responder analysis.
        AnalysisReport paired = run(courses, AnalysisKind.PAIRED, null, null, 90);
        assertThat(estimate(paired, "EASI-90 responder rate").value()).isCloseTo(100.0 / 3, offset(1e-9));
    }

    @Test
    void aBaselineOfZeroOrBelowHasNoPercentChange() {
        List<Course> courses = List.of(whole("A", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 20), easi(84, 10)),
                whole("B", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 10), easi(84, 8)),
                whole("Z", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 0), easi(84, 5)),
                whole("N", SourceType.PLANT, List.of("L1"), 1e9, easi(0, -2), easi(84, -1)));

        AnalysisReport r = run(courses, AnalysisKind.RESPONDER, null, null, 50);

        assertThat(r.analysed()).isEqualTo(2);
        assertThat(r.missingHandling()).contains("2 with a baseline of 0");
        assertThat(r.plots().waterfall()).extracting(AnalysisReport.Bar::id).containsExactlyInAnyOrder("A", "B");
    }

    /**
     * Two split-face courses read by their blinded assessor: treated -50 % against control -10 %, and
     * -40 % against -10 %: differences -40 and -30, mean -35. The unblinded readings (which would give
     * -90 %) do not count; a course whose sides only an unblinded clinician read is missing; a
     * split-face course with no blinded assessor counts every reading.
     */
    @Test
    void onSplitFaceCoursesOnlyTheBlindedAssessorsReadingsCount() {
        List<Course> courses = List.of(
                split("S1", Side.LEFT, "blind", side(0, Side.LEFT, 20, "blind"), side(0, Side.RIGHT, 20, "blind"), side(84, Side.LEFT, 10, "blind"),
                        side(84, Side.RIGHT, 18, "blind"), side(84, Side.LEFT, 2, "open"), side(85, Side.LEFT, 2, "open")),
                split("S2", Side.RIGHT, "blind", side(0, Side.RIGHT, 10, "blind"), side(0, Side.LEFT, 10, "blind"), side(84, Side.RIGHT, 6, "blind"),
                        side(84, Side.LEFT, 9, "blind"), side(83, Side.RIGHT, 1, "open")),
                split("S3", Side.LEFT, "blind", side(0, Side.LEFT, 20, "open"), side(0, Side.RIGHT, 20, "open"), side(84, Side.LEFT, 10, "open"),
                        side(84, Side.RIGHT, 18, "open")),
                split("S4", Side.LEFT, null, side(0, Side.LEFT, 10, "a"), side(0, Side.RIGHT, 10, "b"), side(84, Side.LEFT, 5, "b"),
                        side(84, Side.RIGHT, 8, "a")),
                whole("W", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 20), easi(84, 10)));

        AnalysisReport r = run(courses, AnalysisKind.SPLIT_FACE, null, null, null);

        // S4: -50 against -20: -30. Mean of -40, -30, -30.
        assertThat(r.analysed()).isEqualTo(3);
        assertThat(r.visits().get(0).missing()).isEqualTo(1);
        assertThat(estimate(r, "Treated − control").value()).isCloseTo(-100.0 / 3, offset(1e-9));
        assertThat(estimate(r, "Treated side").value()).isCloseTo((-50 - 40 - 50) / 3.0, offset(1e-9));
        // The whole-area analysis has W alone, none of the split-face courses.
        AnalysisReport paired = run(courses, AnalysisKind.PAIRED, null, null, null);
        assertThat(paired.visits().get(0).assessed() + paired.visits().get(0).missing()).isEqualTo(1);
    }

    private static Observation side(int day, Side side, double value, String assessor) {
        return new Observation(Instrument.EASI, day, side, value, assessor);
    }

    private static Course split(String id, Side treated, String blinded, Observation... obs) {
        return course(id, SourceType.ADIPOSE_MSC, Route.ELECTROPORATION, Design.SPLIT_FACE, treated, blinded, List.of("L1"), 1e9, List.of(obs),
                List.of());
    }

    /** Lot L1: -50 %, -40 %; lot L2: -10 %, -20 %; a course that used both lots (-90 %) is in neither comparison group. */
    @Test
    void aCourseInTwoLotsIsNotComparedWithItself() {
        List<Course> courses = List.of(whole("A", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 20), easi(84, 10)),
                whole("B", SourceType.PLANT, List.of("L1"), 1e9, easi(0, 20), easi(84, 12)),
                whole("C", SourceType.PLANT, List.of("L2"), 1e9, easi(0, 20), easi(84, 18)),
                whole("D", SourceType.PLANT, List.of("L2"), 1e9, easi(0, 20), easi(84, 16)),
                whole("X", SourceType.PLANT, List.of("L1", "L2"), 1e9, easi(0, 20), easi(84, 2)));

        AnalysisReport r = run(courses, AnalysisKind.TWO_GROUPS, Grouping.LOT, null, null);

        assertThat(r.analysed()).isEqualTo(4);
        assertThat(estimate(r, "Mean % change, L1").value()).isCloseTo(-45, offset(1e-9));
        assertThat(estimate(r, "Mean % change, L2").n()).isEqualTo(2);
        assertThat(estimate(r, "L1 − L2 (% change)").value()).isCloseTo(-30, offset(1e-9));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("1 complete courses are in more than one lot"));
        // Adverse events by lot count a course for each lot it used, as their methods say.
        AnalysisReport events = run(courses, AnalysisKind.ADVERSE_EVENTS, Grouping.LOT, null, null);
        assertThat(estimate(events, "Courses with an adverse event, L1").n()).isEqualTo(3);
    }

    /** Three groups, three pairs: Holm adjusts the three Welch p-values together and the three Fisher p-values together. */
    @Test
    void holmAdjustsEachEndpointAcrossThePairsOfGroupsWhereTheReportSays() {
        List<Course> courses = cohort(new SplittableRandom(7), 90, 0);

        AnalysisReport r = run(courses, AnalysisKind.TWO_GROUPS, Grouping.SOURCE_TYPE, null, null);

        List<Estimate> welch = r.estimates().stream().filter(e -> e.name().endsWith("(% change)")).toList();
        List<Estimate> fisher = r.estimates().stream().filter(e -> e.name().endsWith("(responder risk difference)")).toList();
        assertThat(welch).hasSize(3);
        double[] expectedWelch = Multiplicity.holm(welch.stream().mapToDouble(Estimate::p).toArray());
        double[] expectedFisher = Multiplicity.holm(fisher.stream().mapToDouble(Estimate::p).toArray());
        AnalysisReport.Table table = r.tables().stream().filter(t -> t.name().equals("Comparisons")).findFirst().orElseThrow();
        for (int k = 0; k < 3; k++) {
            assertThat(welch.get(k).pAdjusted()).isCloseTo(expectedWelch[k], offset(1e-15));
            assertThat(fisher.get(k).pAdjusted()).isCloseTo(expectedFisher[k], offset(1e-15));
            assertThat(table.rows().get(k).get(table.header().indexOf("Holm-adjusted p (Welch; Fisher)")))
                    .isEqualTo(Analyses.p(expectedWelch[k]) + "; " + Analyses.p(expectedFisher[k]));
        }
        assertThat(r.methods()).contains("Holm's method adjusts the Welch p-values across them");
        // Two groups: one comparison, nothing to adjust.
        AnalysisReport two = run(courses, AnalysisKind.TWO_GROUPS, Grouping.ROUTE, null, null);
        assertThat(two.estimates()).allSatisfy(e -> assertThat(e.pAdjusted()).isNull());
    }

    // ---- degenerate data -------------------------------------------------------------------------------------------

    @Test
    void degenerateDataGiveWarningsNotExceptions() {
        Course a = whole("A", SourceType.PLANT, List.of("L1"), 2e9, easi(0, 20), easi(84, 10));
        Course b = whole("B", SourceType.PLANT, List.of("L1"), 2e9, easi(0, 20), easi(84, 10));
        Course c = whole("C", SourceType.ADIPOSE_MSC, List.of("L1"), 2e9, easi(0, 20), easi(84, 10));
        Course d = whole("D", SourceType.ADIPOSE_MSC, List.of("L1"), 2e9, easi(0, 10), easi(84, 5));
        Course e = whole("E", SourceType.UMBILICAL_CORD_MSC, List.of("L1"), null, easi(0, 10), easi(84, 12));
        List<List<Course>> cohorts = List.of(List.of(), List.of(a), List.of(a, b, c, d), List.of(a, b, c, d, e),
                List.of(whole("N", SourceType.PLANT, List.of(), null, easi(0, 10))));
        for (List<Course> cohort : cohorts) {
            for (AnalysisKind kind : AnalysisKind.values()) {
                for (Grouping by : new Grouping[] {Grouping.SOURCE_TYPE, Grouping.LOT}) {
                    assertThatCode(() -> run(cohort, kind, by, DoseMeasure.PURITY, null)).as(kind + " on " + cohort.size()).doesNotThrowAnyException();
                    assertThatCode(() -> run(cohort, kind, by, DoseMeasure.DOSE_PER_SESSION, 100)).doesNotThrowAnyException();
                }
            }
        }
        // Every % change -50 in both groups: no spread at all, so no Welch test, but a difference and Fisher's test.
        AnalysisReport groups = run(List.of(a, b, c, d), AnalysisKind.TWO_GROUPS, Grouping.SOURCE_TYPE, null, null);
        assertThat(groups.warnings()).anySatisfy(w -> assertThat(w).contains("every percent change within each group is the same"));
        assertThat(estimate(groups, "Adipose MSC − Plant (% change)").value()).isEqualTo(0);
        // One dose for all: no line.
        AnalysisReport dose = run(List.of(a, b, c, d, e), AnalysisKind.DOSE_RESPONSE, null, DoseMeasure.DOSE_PER_SESSION, null);
        assertThat(dose.warnings()).anySatisfy(w -> assertThat(w).contains("1 complete courses have no dose per session"))
                .anySatisfy(w -> assertThat(w).contains("same dose per session"));
        assertThat(run(List.of(a, b, c, d), AnalysisKind.DOSE_RESPONSE, null, DoseMeasure.PURITY, null).warnings())
                .anySatisfy(w -> assertThat(w).contains("Fewer than 3"));
        // All responders; no split-face course; identical changes in the paired analysis.
        assertThat(estimate(run(List.of(a, b, c, d), AnalysisKind.RESPONDER, null, null, 50), "EASI-50").value()).isEqualTo(100);
        assertThat(estimate(run(List.of(a, b, c, d), AnalysisKind.RESPONDER, null, null, 75), "EASI-75").value()).isEqualTo(0);
        assertThat(run(List.of(a, b, c, d), AnalysisKind.SPLIT_FACE, null, null, null).warnings()).anySatisfy(w -> assertThat(w).contains("Fewer than 2"));
        assertThat(run(List.of(a, b), AnalysisKind.PAIRED, null, null, null).warnings()).anySatisfy(w -> assertThat(w).contains("every change is the same"));
        // A group of one is left out, with a warning.
        AnalysisReport withOne = run(List.of(a, c, d, e, whole("F", SourceType.ADIPOSE_MSC, List.of("L1"), 1e9, easi(0, 10), easi(84, 2))),
                AnalysisKind.TWO_GROUPS, Grouping.SOURCE_TYPE, null, null);
        assertThat(withOne.warnings()).anySatisfy(w -> assertThat(w).contains("only 1 complete course"));
    }

    @Test
    void aSpecKeepsOnlyWhatItsKindUses() {
        AnalysisSpec paired = new AnalysisSpec(AnalysisKind.PAIRED, Instrument.EASI, null, null, null, Grouping.LOT, DoseMeasure.PURITY).normalised();
        assertThat(paired).isEqualTo(new AnalysisSpec(AnalysisKind.PAIRED, Instrument.EASI, 84, 14, 50, null, null));
        assertThat(new AnalysisSpec(AnalysisKind.DOSE_RESPONSE, Instrument.EASI, 10, null, null, Grouping.LOT, null).normalised())
                .isEqualTo(new AnalysisSpec(AnalysisKind.DOSE_RESPONSE, Instrument.EASI, 10, 5, null, null, DoseMeasure.DOSE_PER_SESSION));
    }
}
