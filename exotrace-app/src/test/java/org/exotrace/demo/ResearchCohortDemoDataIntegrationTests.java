package org.exotrace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest;
import org.exotrace.compliance.Route;
import org.exotrace.demo.ResearchCohort.Subject;
import org.exotrace.demo.ResearchCohort.Truth;
import org.exotrace.donor.SourceType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo research cohort as the demo loads it: the patients, consents and withdrawals, the visits with their SCORAD, the
 * lots and doses, the adverse events and the split-face readings are those of {@link ResearchCohort}'s design, and the
 * realised sample agrees with the stated truth in simple ways computed here without the evidence module.
 */
@SpringBootTest(properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class ResearchCohortDemoDataIntegrationTests extends IntegrationTest {

    private static final String IN_COHORT = " join clinic k on k.id = p.clinic_id where k.code in ('RCSEOUL', 'RCBOSTON', 'RCTOKYO', 'RCHONGKONG')";

    @Test
    void theCohortHasItsPatientsConsentsAndWithdrawals() {
        List<Subject> design = ResearchCohort.subjects();
        int splitFace = ResearchCohort.SPLIT_FACE_PATIENTS;
        assertThat(countOf("select count(*) from patient p" + IN_COHORT)).isEqualTo(ResearchCohort.PATIENTS + splitFace);
        assertThat(countOf("select count(distinct p.id) from patient p join patient_consent c on c.patient_id = p.id and c.kind = 'TREATMENT'"
                + IN_COHORT)).isEqualTo(ResearchCohort.PATIENTS + splitFace);
        assertThat(countOf("select count(distinct p.id) from patient p join patient_consent c on c.patient_id = p.id and c.kind = 'PHOTOGRAPHS'"
                + IN_COHORT)).isEqualTo(ResearchCohort.PATIENTS + splitFace);
        long research = design.stream().filter(Subject::researchConsent).count()
                + ResearchCohort.splitFaceSubjects().stream().filter(ResearchCohort.SplitFaceSubject::researchConsent).count();
        long withdrawn = design.stream().filter(Subject::withdrawn).count()
                + ResearchCohort.splitFaceSubjects().stream().filter(ResearchCohort.SplitFaceSubject::withdrawn).count();
        assertThat(countOf("select count(*) from patient p join patient_consent c on c.patient_id = p.id and c.kind = 'RESEARCH_USE'" + IN_COHORT))
                .isEqualTo(research).isBetween(235L, 255L);
        assertThat(countOf("select count(*) from patient p join patient_consent c on c.patient_id = p.id and c.kind = 'RESEARCH_USE'"
                + IN_COHORT + " and c.withdrawn_on is not null")).isEqualTo(withdrawn).isBetween(5L, 25L);
        // balanced: 40 atopic dermatitis patients per source type and route (the split-face plans are topical, umbilical cord)
        assertThat(jdbc.sql("select p.source_type || ' ' || p.route || ' ' || count(*) from treatment_plan p" + IN_COHORT
                + " and p.design = 'PARALLEL' group by p.source_type, p.route").query(String.class).list()).containsExactlyInAnyOrder(
                "UMBILICAL_CORD_MSC ELECTROPORATION 40", "UMBILICAL_CORD_MSC TOPICAL_INTACT_SKIN 40", "ADIPOSE_MSC ELECTROPORATION 40",
                "ADIPOSE_MSC TOPICAL_INTACT_SKIN 40", "BONE_MARROW_MSC ELECTROPORATION 40", "BONE_MARROW_MSC TOPICAL_INTACT_SKIN 40");
        // the analysed set (research consent kept, day 84 assessed) has the three doses within one patient of each other per cell
        for (SourceType source : ResearchCohort.SOURCES) {
            for (Route route : ResearchCohort.ROUTES) {
                long[] perLot = new long[3];
                design.stream().filter(s -> s.source() == source && s.route() == route && s.inResearch() && s.hasDay84())
                        .forEach(s -> perLot[s.lot()]++);
                assertThat(java.util.Arrays.stream(perLot).max().orElseThrow() - java.util.Arrays.stream(perLot).min().orElseThrow())
                        .as(source + " " + route).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void everyPatientHasSixSessionsFromOneLotAtOneOfTheThreeDosesAndTheirScoradAtEachVisit() {
        assertThat(countOf("select count(*) from treatment_session p" + IN_COHORT))
                .isEqualTo(ResearchCohort.PATIENTS * ResearchCohort.SESSIONS + ResearchCohort.SPLIT_FACE_PATIENTS);
        assertThat(jdbc.sql("select distinct round(p.dose_particles / 1e8) / 10 from treatment_session p" + IN_COHORT + " order by 1")
                .query(Double.class).list()).containsExactly(5.2, 8.0, 11.2);
        assertThat(countOf("select count(*) from (select p.patient_id from treatment_session p" + IN_COHORT
                + " group by p.patient_id having count(distinct p.lot_id) > 1) x")).isZero();
        List<Subject> design = ResearchCohort.subjects();
        List<Long> perVisit = jdbc.sql("""
                select count(*) filter (where a.assessed_on = t.start_on),
                  count(*) filter (where a.assessed_on - t.start_on between 25 and 31),
                  count(*) filter (where a.assessed_on - t.start_on between 53 and 59),
                  count(*) filter (where a.assessed_on - t.start_on between 80 and 88)
                from outcome_assessment a join treatment_plan t on t.id = a.plan_id join patient p on p.id = a.patient_id"""
                + IN_COHORT + " and a.instrument = 'SCORAD'").query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        assertThat(perVisit).containsExactly((long) ResearchCohort.PATIENTS, (long) ResearchCohort.PATIENTS,
                design.stream().filter(Subject::hasDay56).count(), design.stream().filter(Subject::hasDay84).count());
        assertThat(design.stream().filter(s -> !s.hasDay84()).count()).isBetween(10L, 30L);
        // the scores the app computed are the design's, to the 0.1 % of extent the components are rounded to
        List<Double> scores = jdbc.sql("select a.value from outcome_assessment a join patient p on p.id = a.patient_id" + IN_COHORT
                + " and a.instrument = 'SCORAD' order by a.value").query(Double.class).list();
        List<Double> designed = design.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.scorad())).filter(v -> !Double.isNaN(v))
                .sorted().boxed().toList();
        assertThat(scores).hasSameSizeAs(designed);
        for (int i = 0; i < scores.size(); i++) assertThat(scores.get(i)).isCloseTo(designed.get(i), within(1e-6));
    }

    @Test
    void theRealisedChangesAgreeWithTheTruth() {
        Truth truth = ResearchCohort.truth();
        List<Subject> analysed = ResearchCohort.subjects().stream().filter(s -> s.inResearch() && s.hasDay84()).toList();
        assertThat(truth.analysed()).isEqualTo(analysed.size()).isBetween(175, 215);
        Map<SourceType, Double> realised = new java.util.EnumMap<>(SourceType.class);
        for (SourceType source : ResearchCohort.SOURCES) {
            double mean = analysed.stream().filter(s -> s.source() == source).mapToDouble(s -> s.percentChange(3)).average().orElseThrow();
            realised.put(source, mean);
            // about 70 patients, sd about 14.3 pp: the standard error is about 1.7 pp
            assertThat(mean).as(source + " mean % change at day 84").isCloseTo(truth.meanChangeBySource().get(source), within(6.0));
        }
        assertThat(realised.get(SourceType.UMBILICAL_CORD_MSC)).isLessThan(realised.get(SourceType.ADIPOSE_MSC));
        assertThat(realised.get(SourceType.ADIPOSE_MSC)).isLessThan(realised.get(SourceType.BONE_MARROW_MSC));
        double ep = analysed.stream().filter(s -> s.route() == Route.ELECTROPORATION).mapToDouble(s -> s.percentChange(3)).average().orElseThrow();
        double topical = analysed.stream().filter(s -> s.route() == Route.TOPICAL_INTACT_SKIN).mapToDouble(s -> s.percentChange(3)).average()
                .orElseThrow();
        assertThat(ep - topical).isNegative().isCloseTo(truth.routeDifference(), within(6.0));
        // the expected difference of the group means: the model's -6 pp, shifted by the sources' and doses' imbalance between the groups
        assertThat(truth.routeDifference()).isCloseTo(ResearchCohort.ROUTE_EFFECT.get(Route.ELECTROPORATION)
                - ResearchCohort.ROUTE_EFFECT.get(Route.TOPICAL_INTACT_SKIN), within(1.5));
        double slope = slope(analysed);
        assertThat(slope).isNegative().isCloseTo(truth.doseSlopePerBillion(), within(1.2));
        assertThat(truth.doseSlopePerBillion()).isCloseTo(ResearchCohort.DOSE_SLOPE_PER_BILLION, within(0.2));
        assertThat(truth.meanChangeBySource().get(SourceType.UMBILICAL_CORD_MSC)).isCloseTo(-48.0, within(1.0));
    }

    @Test
    void theSplitFacePatientsWereReadBlindOnBothSidesAndTheTreatedSideImprovedMore() {
        List<Map<String, Object>> plans = jdbc.sql("select p.randomized, p.blinded_assessor from treatment_plan p" + IN_COHORT
                + " and p.design = 'SPLIT_FACE'").query().listOfRows();
        assertThat(plans).hasSize(ResearchCohort.SPLIT_FACE_PATIENTS)
                .allSatisfy(p -> assertThat(p).containsEntry("randomized", true).containsEntry("blinded_assessor", ResearchCohortDemoData.ASSESSOR));
        // per patient: (treated change - control change) at day 56 in %, from the database, sides taken from the allocation
        List<Double> differences = jdbc.sql("""
                select 100 * (max(a.value) filter (where a.side = t.treated_side and a.assessed_on = t.start_on + 56)
                      / max(a.value) filter (where a.side = t.treated_side and a.assessed_on = t.start_on) - 1)
                  - 100 * (max(a.value) filter (where a.side <> t.treated_side and a.assessed_on = t.start_on + 56)
                      / max(a.value) filter (where a.side <> t.treated_side and a.assessed_on = t.start_on) - 1)
                from outcome_assessment a join treatment_plan t on t.id = a.plan_id join patient p on p.id = a.patient_id"""
                + IN_COHORT + " and a.instrument = 'MEXAMETER_MELANIN' and a.assessor = 'assessor' group by t.id").query(Double.class).list();
        assertThat(differences).hasSize(ResearchCohort.SPLIT_FACE_PATIENTS);
        double mean = differences.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(mean).isNegative().isCloseTo(ResearchCohort.truth().splitFaceDifference(), within(2.5));
        assertThat(ResearchCohort.truth().splitFaceDifference()).isEqualTo(-10.0);
    }

    @Test
    void adverseEventsFollowTheDesignAndAreRarerWithUmbilicalCordThanBoneMarrow() {
        Map<String, Long> events = new java.util.HashMap<>();
        jdbc.sql("select s.source_types, count(*) from adverse_event e join treatment_session s on s.id = e.session_id join patient p on "
                + "p.id = e.patient_id" + IN_COHORT + " group by s.source_types").query((rs, n) -> events.put(rs.getString(1), rs.getLong(2))).list();
        for (SourceType source : ResearchCohort.SOURCES) {
            long designed = ResearchCohort.subjects().stream().filter(s -> s.source() == source && s.adverseEvent()).count()
                    + (source == SourceType.UMBILICAL_CORD_MSC
                    ? ResearchCohort.splitFaceSubjects().stream().filter(ResearchCohort.SplitFaceSubject::adverseEvent).count() : 0);
            assertThat(events.getOrDefault(source.name(), 0L)).as(source.name()).isEqualTo(designed);
        }
        assertThat(events.getOrDefault("UMBILICAL_CORD_MSC", 0L)).isLessThan(events.get("BONE_MARROW_MSC"));
    }

    @Test
    void theLotsAreReleasedWithTheirOwnSizeAndPurity() {
        List<Map<String, Object>> lots = jdbc.sql("""
                select l.id, l.state as status, max(r.value) filter (where r.test_code = 'size_mode') as mode
                from lot l join lot_unit u on u.lot_id = l.id join treatment_session s on s.unit_id = u.id join patient p on p.id = s.patient_id
                  join result r on r.lot_id = l.id""" + IN_COHORT + " group by l.id, l.state").query().listOfRows();
        assertThat(lots).hasSize(9).allSatisfy(l -> assertThat(l.get("status")).isEqualTo("RELEASED"));
        assertThat(lots.stream().map(l -> l.get("mode")).distinct()).hasSize(9);
    }

    private long countOf(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double slope(List<Subject> subjects) {
        double mx = subjects.stream().mapToDouble(Subject::sessionDose).average().orElseThrow() / 1e9;
        double my = subjects.stream().mapToDouble(s -> s.percentChange(3)).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (Subject s : subjects) {
            sxy += (s.sessionDose() / 1e9 - mx) * (s.percentChange(3) - my);
            sxx += (s.sessionDose() / 1e9 - mx) * (s.sessionDose() / 1e9 - mx);
        }
        return sxy / sxx;
    }
}
