package org.exotrace.donor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.exotrace.donor.ScreeningPanel.RequiredTest;
import org.exotrace.donor.ScreeningTest.Meaning;

/**
 * How a donor's eligibility follows from the panel that applies to them and their results.
 *
 * <p>The invariant: a human donor is {@link Eligibility#ELIGIBLE} only when every required test of
 * the applicable panel has a valid, coded, negative result sampled inside its window around the
 * collection date; any valid positive result of a panel test (whenever sampled) makes them
 * {@link Eligibility#INELIGIBLE}; otherwise they are {@link Eligibility#PENDING}, with a reason per
 * test. A valid inconclusive result (indeterminate, invalid run) of a panel test, whenever sampled,
 * keeps the test unresolved even when a later result is negative: it is resolved only by QA
 * invalidating it or correcting it (a second person, see {@link Donors#mayReplace}). Otherwise the
 * most recent valid result inside the window decides. No panel, an empty panel or no collection date leaves the
 * donor pending; uncoded (legacy) and invalidated results never count.
 *
 * @param jurisdiction the country the donor's material was collected in
 * @param panel        the applicable panel; null when there is none
 * @param findings     one per required test of the panel, in the panel's order
 * @param reasons      why the donor is not eligible, one line per problem; empty when eligible
 * @param uncoded      legacy free-text results on record, which do not count
 */
public record EligibilityDetermination(Eligibility eligibility, String jurisdiction, LocalDate collectedOn, ScreeningPanel panel,
                                       List<Finding> findings, List<String> reasons, List<Screening> uncoded) {

    static final String NO_COLLECTION_DATE = "collection date not recorded: the sampling windows cannot be checked";

    public EligibilityDetermination {
        findings = List.copyOf(findings);
        reasons = List.copyOf(reasons);
        uncoded = List.copyOf(uncoded);
    }

    /** What the results say about one required test. */
    public enum Outcome {
        SATISFIED("Satisfied"),
        NO_RESULT("No result"),
        OUTSIDE_WINDOW("Outside its window"),
        INCONCLUSIVE("Inconclusive"),
        POSITIVE("Positive"),
        NOT_CHECKED("Window not checked");

        private final String label;

        Outcome(String label) { this.label = label; }

        public String label() { return label; }
    }

    /**
     * One required test and what decided it.
     *
     * @param result the result that satisfies the test, or the one that is wrong; null when there is none
     * @param detail what the result says, without the test's name: "no result", "indeterminate (sampled 2026-01-02)"
     */
    public record Finding(RequiredTest required, Outcome outcome, Screening result, String detail) {

        /** The line a person reads, e.g. "anti-HCV: no result". */
        public String reason() {
            return required.test().name() + ": " + detail;
        }
    }

    public Finding finding(String testCode) {
        return findings.stream().filter(f -> f.required().test().code().equals(testCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a test of the panel: " + testCode));
    }

    public boolean eligible() { return eligibility == Eligibility.ELIGIBLE; }

    /**
     * Decides. {@code panel} is the panel applicable to the source type in the jurisdiction (see
     * {@link ScreeningPanels#applicable}); {@code collectedOn} may be null when not recorded yet.
     */
    public static EligibilityDetermination determine(SourceType sourceType, String jurisdiction, LocalDate collectedOn,
                                                     Optional<ScreeningPanel> panel, List<Screening> screenings) {
        List<Screening> uncoded = screenings.stream().filter(s -> !s.coded()).toList();
        if (!sourceType.isHuman()) {
            return new EligibilityDetermination(Eligibility.NOT_APPLICABLE, jurisdiction, collectedOn, null, List.of(), List.of(), uncoded);
        }
        if (panel.isEmpty()) {
            return new EligibilityDetermination(Eligibility.PENDING, jurisdiction, collectedOn, null, List.of(),
                    List.of("no screening panel for " + sourceType.label() + " in " + CollectionJurisdictions.name(jurisdiction)), uncoded);
        }
        ScreeningPanel p = panel.get();
        List<Screening> counted = screenings.stream().filter(Screening::counts)
                .sorted(Comparator.comparing(Screening::sampledOn).thenComparing(Screening::recordedAt)).toList();
        List<Finding> findings = p.tests().stream().map(t -> finding(t, collectedOn,
                counted.stream().filter(s -> s.testCode().equals(t.test().code())).toList())).toList();

        List<String> positives = findings.stream().filter(f -> f.outcome() == Outcome.POSITIVE).map(Finding::reason).toList();
        if (!positives.isEmpty()) {
            return new EligibilityDetermination(Eligibility.INELIGIBLE, jurisdiction, collectedOn, p, findings, positives, uncoded);
        }
        List<String> reasons = new ArrayList<>();
        if (p.tests().isEmpty()) reasons.add("the screening panel for " + p.title() + " requires no test");
        if (collectedOn == null) reasons.add(NO_COLLECTION_DATE);
        findings.stream().filter(f -> f.outcome() != Outcome.SATISFIED && f.outcome() != Outcome.NOT_CHECKED)
                .map(Finding::reason).forEach(reasons::add);
        return new EligibilityDetermination(reasons.isEmpty() ? Eligibility.ELIGIBLE : Eligibility.PENDING, jurisdiction, collectedOn, p,
                findings, reasons, uncoded);
    }

    /** {@code results}: the valid coded results of this test, oldest first. */
    private static Finding finding(RequiredTest required, LocalDate collectedOn, List<Screening> results) {
        Optional<Screening> positive = results.stream().filter(s -> s.meaning() == Meaning.POSITIVE).reduce((a, b) -> b);
        if (positive.isPresent()) return new Finding(required, Outcome.POSITIVE, positive.get(), said(positive.get()));
        Optional<Screening> inconclusive = results.stream().filter(s -> s.meaning() == Meaning.INCONCLUSIVE).reduce((a, b) -> b);
        if (inconclusive.isPresent()) {
            Screening unresolved = inconclusive.get();
            boolean laterNegative = results.stream().anyMatch(s -> s.meaning() == Meaning.NEGATIVE
                    && results.indexOf(s) > results.indexOf(unresolved));
            return new Finding(required, Outcome.INCONCLUSIVE, unresolved, said(unresolved)
                    + (laterNegative ? "; a later negative result does not resolve it until QA invalidates or corrects it" : ""));
        }
        if (results.isEmpty()) return new Finding(required, Outcome.NO_RESULT, null, "no result");
        Screening latest = results.get(results.size() - 1);
        if (collectedOn == null) {
            return new Finding(required, Outcome.NOT_CHECKED, latest, said(latest) + "; no collection date to check its window against");
        }
        ScreeningWindow window = required.window();
        List<Screening> inside = results.stream().filter(s -> window.contains(collectedOn, s.sampledOn())).toList();
        if (!inside.isEmpty()) {
            Screening deciding = inside.get(inside.size() - 1);
            return deciding.meaning() == Meaning.NEGATIVE
                    ? new Finding(required, Outcome.SATISFIED, deciding, said(deciding))
                    : new Finding(required, Outcome.INCONCLUSIVE, deciding, said(deciding));
        }
        Screening nearest = results.stream().min(Comparator.comparingLong(s -> distance(window, collectedOn, s.sampledOn()))).orElseThrow();
        return new Finding(required, Outcome.OUTSIDE_WINDOW, nearest, window.whyOutside(collectedOn, nearest.sampledOn()));
    }

    /** "reactive (sampled 2026-01-02)". */
    private static String said(Screening s) {
        return s.resultLabel().toLowerCase(Locale.ROOT) + " (sampled " + s.sampledOn() + ")";
    }

    private static long distance(ScreeningWindow window, LocalDate collectedOn, LocalDate sampledOn) {
        long offset = ChronoUnit.DAYS.between(collectedOn, sampledOn);
        return offset < -window.daysBefore() ? -window.daysBefore() - offset : offset - window.daysAfter();
    }
}
