package org.exotrace.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.exotrace.IntegrationTest;
import org.exotrace.compliance.Route;
import org.exotrace.demo.ResearchCohort;
import org.exotrace.donor.SourceType;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Ground truth for the whole chain, database to statistics: the demo's research cohort was
 * generated from a fixed seed with known effects ({@link ResearchCohort}); read back through the
 * consent-gated research reads and analysed as a researcher would, every simulated effect lies
 * inside its 95 % interval, and the analyses count exactly the patients the design says they
 * should (research consent in force, a day-84 score). With about ten intervals at 95 %, a seed
 * whose data miss one would be expected now and then; this seed's do not, and a change to the
 * data chosen (baseline, window, sides, consent) shows up first in the counts.
 */
@SpringBootTest(properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class DemoCohortRecoveryIntegrationTests extends IntegrationTest {

    @Autowired Analyses analyses;

    private static final ResearchCohort.Truth TRUTH = ResearchCohort.truth();
    private static final CohortFilter ATOPIC = new CohortFilter("atopic dermatitis", Instrument.SCORAD, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null);

    private <T> T asResearcher(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("researcher", null,
                List.of(new SimpleGrantedAuthority(Role.RESEARCHER.authority()))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The demo cohort's courses only (other tests share the database): the four research clinics. */
    private List<Course> demo(CohortFilter filter) {
        return asResearcher(() -> analyses.cohort(filter)).stream().filter(c -> ResearchCohort.CLINICS.contains(c.clinicCode())).toList();
    }

    private AnalysisReport run(CohortFilter filter, AnalysisSpec spec) {
        return analyses.run(demo(filter), filter, spec, AnalysisReport.Provenance.EXPLORATORY);
    }

    private static AnalysisReport.Estimate estimate(AnalysisReport r, String name) {
        return r.estimates().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no estimate '" + name + "' among " + r.estimates().stream().map(AnalysisReport.Estimate::name).toList()));
    }

    private static void covers(AnalysisReport.Estimate e, double truth) {
        assertThat(truth).as("%s = %.2f [%.2f, %.2f] should cover the simulated %.2f", e.name(), e.value(), e.lower(), e.upper(), truth)
                .isBetween(e.lower(), e.upper());
    }

    @Test
    void onlyConsentingPatientsWithADay84ScoreAreAnalysedAndTheOverallChangeIsRecovered() {
        AnalysisReport r = run(ATOPIC, new AnalysisSpec(AnalysisKind.PAIRED, Instrument.SCORAD, 84, 14, 50, null, null));
        double expected = ResearchCohort.subjects().stream().filter(s -> s.inResearch() && s.hasDay84())
                .mapToDouble(ResearchCohort.Subject::expectedChange).average().orElseThrow();

        assertThat(r.analysed()).isEqualTo(TRUTH.analysed());
        assertThat(r.cohortCourses()).isEqualTo((int) ResearchCohort.subjects().stream().filter(ResearchCohort.Subject::inResearch).count());
        covers(estimate(r, "Mean percent change"), expected);
    }

    @Test
    void eachSourceTypesMeanChangeIsInsideItsInterval() {
        AnalysisReport r = run(ATOPIC, new AnalysisSpec(AnalysisKind.TWO_GROUPS, Instrument.SCORAD, 84, 14, 50, Grouping.SOURCE_TYPE, null));

        for (Map.Entry<SourceType, Double> truth : TRUTH.meanChangeBySource().entrySet()) {
            covers(estimate(r, "Mean % change, " + truth.getKey().label()), truth.getValue());
        }
        assertThat(r.estimates().stream().filter(e -> e.pAdjusted() != null)).hasSize(6);
    }

    @Test
    void theRouteDifferenceIsInsideItsWelchInterval() {
        AnalysisReport r = run(ATOPIC, new AnalysisSpec(AnalysisKind.TWO_GROUPS, Instrument.SCORAD, 84, 14, 50, Grouping.ROUTE, null));

        covers(estimate(r, Route.ELECTROPORATION.label() + " − " + Route.TOPICAL_INTACT_SKIN.label() + " (% change)"), TRUTH.routeDifference());
        for (Map.Entry<Route, Double> truth : TRUTH.meanChangeByRoute().entrySet()) {
            covers(estimate(r, "Mean % change, " + truth.getKey().label()), truth.getValue());
        }
    }

    @Test
    void theDoseSlopeIsInsideItsInterval() {
        AnalysisReport r = run(ATOPIC, new AnalysisSpec(AnalysisKind.DOSE_RESPONSE, Instrument.SCORAD, 84, 14, null, null,
                DoseMeasure.DOSE_PER_SESSION));

        assertThat(r.analysed()).isEqualTo(TRUTH.analysed());
        covers(estimate(r, "Slope (% change per 10⁹ particles)"), TRUTH.doseSlopePerBillion());
    }

    @Test
    void theSplitFaceDifferenceIsInsideItsInterval() {
        CohortFilter melanin = new CohortFilter(null, Instrument.MEXAMETER_MELANIN, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        AnalysisReport r = run(melanin, new AnalysisSpec(AnalysisKind.SPLIT_FACE, Instrument.MEXAMETER_MELANIN, 56, 7, null, null, null));

        assertThat(r.analysed()).isEqualTo(TRUTH.splitFaceAnalysed());
        covers(estimate(r, "Treated − control (% change)"), TRUTH.splitFaceDifference());
    }

    @Test
    void eachSourceTypesAdverseEventRateIsInsideItsExactInterval() {
        CohortFilter atopic = new CohortFilter("atopic dermatitis", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        AnalysisReport r = run(atopic, new AnalysisSpec(AnalysisKind.ADVERSE_EVENTS, null, null, null, null, Grouping.SOURCE_TYPE, null));

        for (Map.Entry<SourceType, Double> truth : TRUTH.adverseEventRate().entrySet()) {
            covers(estimate(r, "Courses with an adverse event, " + truth.getKey().label()), truth.getValue() * 100);
        }
    }
}
