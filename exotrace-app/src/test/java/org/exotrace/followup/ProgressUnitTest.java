package org.exotrace.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.clinic.Patient;
import org.exotrace.compliance.Purpose;
import org.exotrace.compliance.Route;
import org.exotrace.compliance.RuleVerdict;
import org.exotrace.donor.SourceType;
import org.exotrace.outcome.BaselineComparison.Response.Outcome;
import org.exotrace.outcome.Instrument;
import org.exotrace.treatment.Side;
import org.exotrace.treatment.TreatmentPlan;
import org.exotrace.treatment.TreatmentSession;
import org.junit.jupiter.api.Test;

/** A patient's progress put together from assessments and plans, without a database. */
class ProgressUnitTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
    private final Patient patient = new Patient(UUID.randomUUID(), UUID.randomUUID(), "P-KR1-000001", "Ottilie", "Vandermeer",
            LocalDate.of(1984, 3, 9), Patient.Sex.FEMALE, null, null, List.of("atopic dermatitis"), null, null, "doc", Instant.now());
    private final List<Assessment> assessments = new ArrayList<>();

    @Test
    void aResponseReachedAndLostSaysWhenItWasReachedAndWhenItWasNotHeld() {
        easi(0, "20", "moderate");
        easi(28, "9", "moderate");   // 55 %: EASI-50
        easi(56, "12", "moderate");  // 40 %: no longer

        Progress.Series easi = progress(DAY0.plusDays(60)).series().get(0);

        assertThat(easi.points()).extracting(Progress.Point::value).extracting(BigDecimal::toPlainString).containsExactly("20", "9", "12");
        assertThat(easi.change().difference().toPlainString()).isEqualTo("-8");
        assertThat(easi.change().percentChange().toPlainString()).isEqualTo("-40");
        assertThat(easi.responses().get(0).outcome()).isEqualTo(Outcome.NOT_ACHIEVED);
        assertThat(easi.responses().get(0).firstAchievedOn()).isEqualTo(DAY0.plusDays(28));
        assertThat(easi.responses().get(0).text()).isEqualTo("EASI-50 achieved at week 4, not held at week 8");
        assertThat(easi.responses().get(1).text()).isEqualTo("EASI-75 not yet");
    }

    @Test
    void correctedAssessmentsAreLeftOutAndTheBaselineIsTheFirstValidOne() {
        Assessment wrong = easi(0, "40", "severe");
        assessments.set(0, new Assessment(wrong.id(), wrong.patientId(), null, wrong.assessedOn(), Instrument.EASI, Side.BOTH, Map.of(),
                wrong.value(), wrong.band(), Map.of(), "doc", Assessment.Status.CORRECTED, UUID.randomUUID(), "typo", wrong.createdAt()));
        easi(0, "20", "moderate");
        easi(30, "4", "mild");

        Progress.Series easi = progress(DAY0.plusDays(30)).series().get(0);

        assertThat(easi.baseline().value()).isEqualByComparingTo("20");
        assertThat(easi.responses().get(1).text()).isEqualTo("EASI-75 achieved at day 30");
    }

    @Test
    void eachSideIsItsOwnSeriesAndTheCutometerGivesOneSeriesPerRatio() {
        add(Instrument.MEXAMETER_MELANIN, 0, Side.LEFT, "210", null, Map.of());
        add(Instrument.MEXAMETER_MELANIN, 0, Side.RIGHT, "205", null, Map.of());
        add(Instrument.CUTOMETER, 0, Side.BOTH, "0.75", null, Map.of("R2", new BigDecimal("0.75"), "R5", new BigDecimal("0.6"),
                "R7", new BigDecimal("0.375")));

        List<Progress.Series> series = progress(DAY0).series();

        assertThat(series).extracting(s -> s.endpoint() + " " + s.side())
                .containsExactly("MI LEFT", "MI RIGHT", "Cutometer R2 BOTH", "Cutometer R5 BOTH", "Cutometer R7 BOTH");
        assertThat(series.get(3).baseline().value()).isEqualByComparingTo("0.6");
        assertThat(series.get(0).responses()).isEmpty();
        assertThat(series.get(0).change()).isNull();
    }

    @Test
    void vigaSuccessAndGaisImprovement() {
        add(Instrument.VIGA_AD, 0, Side.BOTH, "3", "moderate", Map.of());
        add(Instrument.VIGA_AD, 42, Side.BOTH, "1", "almost clear", Map.of());
        assessments.add(new Assessment(UUID.randomUUID(), patient.id(), null, DAY0.plusDays(42), Instrument.GAIS, Side.BOTH,
                Map.of("rating", "MUCH_IMPROVED"), null, "much improved", Map.of(), "doc", Assessment.Status.VALID, null, null, Instant.now()));

        List<Progress.Series> series = progress(DAY0.plusDays(42)).series();

        assertThat(series.get(0).responses().get(0).text()).isEqualTo("vIGA-AD 0/1 (clear or almost clear) achieved at week 6");
        assertThat(series.get(1).numeric()).isFalse();
        assertThat(series.get(1).responses().get(0).outcome()).isEqualTo(Outcome.ACHIEVED);
        // GAIS already compares with the pre-treatment look: its first rating is no baseline to count weeks from.
        assertThat(series.get(1).responses().get(0).text()).isEqualTo("GAIS improved (rated much improved on " + DAY0.plusDays(42) + ")");
    }

    @Test
    void theNextVisitIsTheEarliestDueFromTodayOverAllPlans() {
        TreatmentPlan a = plan(new TreatmentPlan.Visit(TreatmentPlan.VisitKind.SESSION, 1, DAY0),
                new TreatmentPlan.Visit(TreatmentPlan.VisitKind.FOLLOW_UP, 1, DAY0.plusDays(40)));
        TreatmentPlan b = plan(new TreatmentPlan.Visit(TreatmentPlan.VisitKind.SESSION, 2, DAY0.plusDays(14)));

        Progress progress = Progress.of(patient, assessments, List.of(a, b), DAY0.plusDays(1));

        assertThat(progress.nextVisit().planId()).isEqualTo(b.id());
        assertThat(progress.nextVisit().text()).isEqualTo("Session 2 on 2026-01-19");
        assertThat(Progress.of(patient, assessments, List.of(a, b), DAY0.plusDays(41)).nextVisit()).isNull();
    }

    @Test
    void aSessionVisitAlreadyGivenIsNotTheNextVisitEvenWhenGivenLate() {
        TreatmentPlan a = plan(new TreatmentPlan.Visit(TreatmentPlan.VisitKind.SESSION, 1, DAY0.plusDays(7)),
                new TreatmentPlan.Visit(TreatmentPlan.VisitKind.SESSION, 2, DAY0.plusDays(14)),
                new TreatmentPlan.Visit(TreatmentPlan.VisitKind.FOLLOW_UP, 1, DAY0.plusDays(42)));
        // Session 1 was given early, on day 3; session 2 on day 5, before either was due.
        List<TreatmentSession> given = List.of(session(a, 1, DAY0.plusDays(3)), session(a, 2, DAY0.plusDays(5)));

        Progress progress = Progress.of(patient, assessments, List.of(a), given, DAY0.plusDays(6));

        assertThat(progress.nextVisit().text()).isEqualTo("Follow-up 1 on 2026-02-16");
        assertThat(Progress.of(patient, assessments, List.of(a), given.subList(0, 1), DAY0.plusDays(6)).nextVisit().text())
                .isEqualTo("Session 2 on 2026-01-19");
    }

    private TreatmentSession session(TreatmentPlan plan, int number, LocalDate on) {
        return new TreatmentSession(UUID.randomUUID(), plan.id(), patient.id(), patient.clinicId(), number, on, "L-2026-0001-U00" + number,
                UUID.randomUUID(), "L-2026-0001", "HMSC-EXO-SERUM", List.of(SourceType.values()[0]), 1.0, null, null, null, null,
                Route.ELECTROPORATION, TreatmentSession.Device.NONE, "doc", "face", Side.BOTH, RuleVerdict.PERMITTED, "ok", List.of(), "doc",
                Instant.now());
    }

    private Progress progress(LocalDate asOf) {
        return Progress.of(patient, assessments, List.of(), asOf);
    }

    private Assessment easi(int day, String value, String band) {
        return add(Instrument.EASI, day, Side.BOTH, value, band, Map.of("headNeck", new BigDecimal(value)));
    }

    private Assessment add(Instrument instrument, int day, Side side, String value, String band, Map<String, BigDecimal> parts) {
        Assessment a = new Assessment(UUID.randomUUID(), patient.id(), null, DAY0.plusDays(day), instrument, side, Map.of(),
                new BigDecimal(value), band, parts, "doc", Assessment.Status.VALID, null, null, Instant.now().plusMillis(assessments.size()));
        assessments.add(a);
        return a;
    }

    private TreatmentPlan plan(TreatmentPlan.Visit... visits) {
        return new TreatmentPlan(UUID.randomUUID(), patient.id(), patient.clinicId(), UUID.randomUUID(), "HMSC-EXO-SERUM",
                SourceType.values()[0], Route.ELECTROPORATION, Purpose.values()[0], null, DAY0, RuleVerdict.PERMITTED, "ok", List.of(visits),
                "doc", Instant.now());
    }
}
