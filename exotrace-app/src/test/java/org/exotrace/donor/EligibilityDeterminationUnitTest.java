package org.exotrace.donor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exotrace.donor.EligibilityDetermination.Outcome;
import org.exotrace.donor.ScreeningPanel.RequiredTest;
import org.exotrace.donor.ScreeningTest.Meaning;
import org.exotrace.donor.ScreeningTest.ResultOption;
import org.junit.jupiter.api.Test;

/**
 * The eligibility invariant on plain values: a donor is eligible only when every required test of
 * the applicable panel has a valid negative result sampled inside its window; a positive result of
 * a panel test makes them ineligible; anything else leaves them pending, with a reason per test.
 */
class EligibilityDeterminationUnitTest {

    static final LocalDate COLLECTED = LocalDate.of(2026, 2, 16);

    static final List<ResultOption> SEROLOGY = List.of(new ResultOption("NON_REACTIVE", "Non-reactive", Meaning.NEGATIVE),
            new ResultOption("REACTIVE", "Reactive", Meaning.POSITIVE), new ResultOption("INDETERMINATE", "Indeterminate", Meaning.INCONCLUSIVE));
    static final List<ResultOption> NAT = List.of(new ResultOption("NOT_DETECTED", "Not detected", Meaning.NEGATIVE),
            new ResultOption("DETECTED", "Detected", Meaning.POSITIVE), new ResultOption("INVALID", "Invalid run", Meaning.INCONCLUSIVE));

    static final ScreeningTest HIV = test("ANTI_HIV_1_2", "anti-HIV-1/2", SEROLOGY);
    static final ScreeningTest HBSAG = test("HBSAG", "HBsAg", SEROLOGY);
    static final ScreeningTest HCV = test("ANTI_HCV", "anti-HCV", SEROLOGY);
    static final ScreeningTest HTLV = test("ANTI_HTLV_I_II", "anti-HTLV-I/II", SEROLOGY);
    static final ScreeningTest HCV_NAT = test("HCV_NAT", "HCV NAT", NAT);
    static final ScreeningTest CMV = test("ANTI_CMV", "anti-CMV", SEROLOGY);

    static final ScreeningPanel PANEL = panel(required(HIV, 7, 7), required(HBSAG, 7, 7), required(HCV, 30, 7), required(HTLV, 7, 7),
            required(HCV_NAT, 0, 7));

    @Test
    void aDonorWithOnlyANegativeAntiHivIsPendingAndEveryOtherTestIsNamed() {
        EligibilityDetermination d = determine(negative(HIV, COLLECTED.minusDays(1)));

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.reasons()).containsExactly("HBsAg: no result", "anti-HCV: no result", "anti-HTLV-I/II: no result", "HCV NAT: no result");
        assertThat(d.findings()).extracting(EligibilityDetermination.Finding::outcome)
                .containsExactly(Outcome.SATISFIED, Outcome.NO_RESULT, Outcome.NO_RESULT, Outcome.NO_RESULT, Outcome.NO_RESULT);
    }

    @Test
    void everyRequiredTestNegativeInsideItsWindowMakesTheDonorEligible() {
        EligibilityDetermination d = determine(negative(HIV, COLLECTED.minusDays(7)), negative(HBSAG, COLLECTED.plusDays(7)),
                negative(HCV, COLLECTED.minusDays(30)), negative(HTLV, COLLECTED), negative(HCV_NAT, COLLECTED));

        assertThat(d.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.findings()).allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.SATISFIED);
            assertThat(f.result()).isNotNull();
        });
    }

    @Test
    void aNegativeSampledOutsideItsWindowDoesNotCountAndSaysByHowMuch() {
        List<Screening> all = new ArrayList<>(allNegative());
        all.removeIf(s -> s.testCode().equals("ANTI_HCV") || s.testCode().equals("HBSAG") || s.testCode().equals("HCV_NAT"));
        all.add(negative(HCV, LocalDate.of(2026, 1, 2)));
        all.add(negative(HBSAG, COLLECTED.plusDays(10)));
        all.add(negative(HCV_NAT, COLLECTED.minusDays(1)));

        EligibilityDetermination d = determine(all.toArray(Screening[]::new));

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.reasons()).containsExactly(
                "HBsAg: sampled 2026-02-26, 10 days after collection; must be within 7 days after",
                "anti-HCV: sampled 2026-01-02, 45 days before collection; must be within 30 days before",
                "HCV NAT: sampled 2026-02-15, 1 day before collection; must not be before collection");
        assertThat(d.finding("ANTI_HCV").outcome()).isEqualTo(Outcome.OUTSIDE_WINDOW);
    }

    @Test
    void theWindowIncludesBothOfItsEnds() {
        ScreeningPanel one = panel(required(HIV, 7, 3));
        assertThat(EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", COLLECTED, Optional.of(one),
                List.of(negative(HIV, COLLECTED.minusDays(7)))).eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", COLLECTED, Optional.of(one),
                List.of(negative(HIV, COLLECTED.plusDays(3)))).eligibility()).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", COLLECTED, Optional.of(one),
                List.of(negative(HIV, COLLECTED.minusDays(8)))).eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", COLLECTED, Optional.of(one),
                List.of(negative(HIV, COLLECTED.plusDays(4)))).eligibility()).isEqualTo(Eligibility.PENDING);
    }

    @Test
    void anIndeterminateLatestResultLeavesTheTestPending() {
        List<Screening> all = new ArrayList<>(allNegative());
        all.removeIf(s -> s.testCode().equals("HBSAG"));
        all.add(result(HBSAG, "INDETERMINATE", COLLECTED));

        EligibilityDetermination d = determine(all.toArray(Screening[]::new));

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.reasons()).containsExactly("HBsAg: indeterminate (sampled 2026-02-16)");
        assertThat(d.finding("HBSAG").outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void aNegativeRepeatDoesNotResolveAnIndeterminateResultTheTestStaysPending() {
        List<Screening> all = new ArrayList<>(allNegative());
        all.removeIf(s -> s.testCode().equals("HBSAG"));
        all.add(result(HBSAG, "INDETERMINATE", COLLECTED.minusDays(2)));
        all.add(negative(HBSAG, COLLECTED));

        EligibilityDetermination d = determine(all.toArray(Screening[]::new));

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.finding("HBSAG").outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(d.reasons()).singleElement().asString().startsWith("HBsAg: indeterminate (sampled 2026-02-14); a later negative result"
                + " does not resolve it until QA invalidates or corrects it");
    }

    @Test
    void aReactiveResultOfAPanelTestMakesTheDonorIneligibleWhateverTheOtherResultsAndWindows() {
        List<Screening> all = new ArrayList<>(allNegative());
        all.add(result(HBSAG, "REACTIVE", COLLECTED.minusDays(200)));

        EligibilityDetermination d = determine(all.toArray(Screening[]::new));

        assertThat(d.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
        assertThat(d.reasons()).containsExactly("HBsAg: reactive (sampled 2025-07-31)");
        assertThat(d.finding("HBSAG").outcome()).isEqualTo(Outcome.POSITIVE);
    }

    @Test
    void aDetectedNatMakesTheDonorIneligibleEvenWhenOtherTestsAreMissing() {
        EligibilityDetermination d = determine(result(HCV_NAT, "DETECTED", COLLECTED));

        assertThat(d.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
        assertThat(d.reasons()).containsExactly("HCV NAT: detected (sampled 2026-02-16)");
    }

    @Test
    void aReactiveResultOfATestOutsideThePanelDoesNotDecide() {
        List<Screening> all = new ArrayList<>(allNegative());
        all.add(result(CMV, "REACTIVE", COLLECTED));

        assertThat(determine(all.toArray(Screening[]::new)).eligibility()).isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void invalidatedResultsCountForNothing() {
        List<Screening> all = new ArrayList<>(allNegative());
        all.removeIf(s -> s.testCode().equals("ANTI_HTLV_I_II"));
        all.add(invalidated(negative(HTLV, COLLECTED)));
        all.add(invalidated(result(HIV, "REACTIVE", COLLECTED)));

        EligibilityDetermination d = determine(all.toArray(Screening[]::new));

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.reasons()).containsExactly("anti-HTLV-I/II: no result");
    }

    @Test
    void legacyUncodedResultsNeverCountAndAreKeptApart() {
        Screening legacy = new Screening(UUID.randomUUID(), UUID.randomUUID(), null, "anti-HIV-1/2", "NEGATIVE", "Negative",
                Meaning.NEGATIVE, COLLECTED, Screening.Status.VALID, null, null, "analyst", Instant.EPOCH);
        Screening legacyPositive = new Screening(UUID.randomUUID(), UUID.randomUUID(), null, "HBsAg", "POSITIVE", "Positive",
                Meaning.POSITIVE, COLLECTED, Screening.Status.VALID, null, null, "analyst", Instant.EPOCH);

        EligibilityDetermination d = determine(legacy, legacyPositive);

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.reasons()).contains("anti-HIV-1/2: no result", "HBsAg: no result");
        assertThat(d.uncoded()).containsExactly(legacy, legacyPositive);
    }

    @Test
    void aSourceTypeWithoutPanelIsPendingAndNeverSilentlyEligible() {
        EligibilityDetermination d = EligibilityDetermination.determine(SourceType.OTHER_HUMAN_CELLS, "JP", COLLECTED, Optional.empty(),
                allNegative());

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.reasons()).containsExactly("no screening panel for Other human cells in Japan");
        assertThat(d.findings()).isEmpty();
    }

    @Test
    void aPanelWithoutRequiredTestsDecidesNothing() {
        EligibilityDetermination d = EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", COLLECTED, Optional.of(panel()),
                allNegative());

        assertThat(d.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(d.reasons()).containsExactly("the screening panel for Adipose MSC in United States requires no test");
    }

    @Test
    void withoutACollectionDateTheWindowsCannotBeCheckedButAReactiveResultStillDecides() {
        EligibilityDetermination pending = EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", null, Optional.of(PANEL),
                List.of(negative(HIV, COLLECTED)));

        assertThat(pending.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(pending.reasons()).containsExactly("collection date not recorded: the sampling windows cannot be checked",
                "HBsAg: no result", "anti-HCV: no result", "anti-HTLV-I/II: no result", "HCV NAT: no result");
        assertThat(pending.finding("ANTI_HIV_1_2").outcome()).isEqualTo(Outcome.NOT_CHECKED);

        EligibilityDetermination all = EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", null, Optional.of(PANEL),
                allNegative());
        assertThat(all.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(all.reasons()).containsExactly("collection date not recorded: the sampling windows cannot be checked");

        EligibilityDetermination reactive = EligibilityDetermination.determine(SourceType.ADIPOSE_MSC, "US", null, Optional.of(PANEL),
                List.of(result(HIV, "REACTIVE", COLLECTED)));
        assertThat(reactive.eligibility()).isEqualTo(Eligibility.INELIGIBLE);
    }

    @Test
    void nonHumanSourcesAreNotScreened() {
        EligibilityDetermination d = EligibilityDetermination.determine(SourceType.PLANT, "US", COLLECTED, Optional.empty(), List.of());

        assertThat(d.eligibility()).isEqualTo(Eligibility.NOT_APPLICABLE);
        assertThat(d.reasons()).isEmpty();
    }

    @Test
    void windowsDescribeThemselvesForReading() {
        assertThat(new ScreeningWindow(7, 7).describe()).isEqualTo("from 7 days before to 7 days after collection");
        assertThat(new ScreeningWindow(0, 7).describe()).isEqualTo("from the day of collection to 7 days after");
        assertThat(new ScreeningWindow(30, 0).describe()).isEqualTo("from 30 days before to the day of collection");
        assertThat(new ScreeningWindow(0, 0).describe()).isEqualTo("on the day of collection");
        assertThat(new ScreeningWindow(1, 1).describe()).isEqualTo("from 1 day before to 1 day after collection");
    }

    private static EligibilityDetermination determine(Screening... screenings) {
        return EligibilityDetermination.determine(SourceType.UMBILICAL_CORD_MSC, "US", COLLECTED, Optional.of(PANEL), List.of(screenings));
    }

    private static List<Screening> allNegative() {
        return List.of(negative(HIV, COLLECTED), negative(HBSAG, COLLECTED), negative(HCV, COLLECTED), negative(HTLV, COLLECTED),
                negative(HCV_NAT, COLLECTED));
    }

    private static ScreeningTest test(String code, String name, List<ResultOption> results) {
        return new ScreeningTest(code, name, "agent of " + name, results == NAT ? ScreeningTest.Kind.NAT : ScreeningTest.Kind.SEROLOGY,
                results, "test source");
    }

    private static RequiredTest required(ScreeningTest test, int before, int after) {
        return new RequiredTest(UUID.randomUUID(), test, new ScreeningWindow(before, after), "panel source", true);
    }

    private static ScreeningPanel panel(RequiredTest... tests) {
        return new ScreeningPanel(UUID.randomUUID(), SourceType.ADIPOSE_MSC, "US", "21 CFR 1271.85", 1, "qa", Instant.EPOCH, List.of(tests));
    }

    private static Screening negative(ScreeningTest test, LocalDate sampledOn) {
        return result(test, test.negativeResult().code(), sampledOn);
    }

    private static int sequence;

    private static Screening result(ScreeningTest test, String code, LocalDate sampledOn) {
        ResultOption option = test.result(code).orElseThrow();
        return new Screening(UUID.randomUUID(), UUID.randomUUID(), test.code(), test.name(), code, option.label(), option.meaning(), sampledOn,
                Screening.Status.VALID, null, null, "analyst", Instant.EPOCH.plusSeconds(sequence++));
    }

    private static Screening invalidated(Screening s) {
        return new Screening(s.id(), s.donorId(), s.testCode(), s.testName(), s.result(), s.resultLabel(), s.meaning(), s.sampledOn(),
                Screening.Status.INVALIDATED, "entered against the wrong donor", null, s.recordedBy(), s.recordedAt());
    }
}
