package org.exotrace.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.specification.QualityFixtures.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.results.Result;
import org.exotrace.specification.Evaluation;
import org.exotrace.specification.MisevReport;
import org.exotrace.specification.Observation;
import org.exotrace.specification.QualityFixtures;
import org.exotrace.specification.Specification;
import org.exotrace.specification.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The declared and measured concentrations of a lot agree within the specification's fold
 * tolerance, or the lot cannot be released: the invariant behind defect 4 (declared 1.5e11/mL,
 * measured 5.12e8/mL, nothing flagged).
 */
class LotConcentrationUnitTest {

    private static final String SPEC = "HMSC-EXO-SERUM version 2";

    private static Result measured(double perMl) {
        return new Result(UUID.randomUUID(), UUID.randomUUID(), "particle_concentration", perMl, "particles/mL", null, null,
                "NTA (NanoSight NS300)", null, "analyst", Instant.parse("2026-11-03T09:00:00Z"), Instant.now(), Result.Status.VALID,
                null, null, Verdict.PASS, UUID.randomUUID(), null);
    }

    private static LotConcentration lot(Double declared, Double measured) {
        return new LotConcentration(declared, test("particle_concentration"), measured, measured == null ? null : measured(measured), SPEC);
    }

    @Test
    void aThreeHundredFoldDisagreementBlocksReleaseNamingBothValuesAndTheWaysOut() {
        LotConcentration c = lot(1.5e11, 5.12e8);
        assertThat(c.compared()).isTrue();
        assertThat(c.agrees()).isFalse();
        assertThat(c.fold()).isEqualTo(1.5e11 / 5.12e8);
        assertThat(c.disagreement()).isEqualTo("Declared concentration 1.5 × 10¹¹ particles/mL and measured 5.12 × 10⁸ particles/mL "
                + "(Particle concentration, NTA (NanoSight NS300), 2026-11-03) disagree: the measured value is 293-fold lower and "
                + SPEC + " allows ×/÷ 2. Correct the declared concentration with a reason, or retest the concentration.");
    }

    @Test
    void valuesWithinTheToleranceAgreeOnBothSidesAndAtTheLimit() {
        assertThat(lot(3.5e9, 3.7e9).agrees()).isTrue();
        assertThat(lot(4e9, 2e9).agrees()).isTrue();
        assertThat(lot(4e9, 8e9).agrees()).isTrue();
        assertThat(lot(4e9, 8.1e9).agrees()).isFalse();
        assertThat(lot(4e9, 8.1e9).disagreement()).contains("2.0-fold higher");
        assertThat(lot(4e9, 1.9e9).agrees()).isFalse();
    }

    @Test
    void nothingIsComparedWithoutBothValuesOrWithoutATolerance() {
        assertThat(lot(null, 5.12e8).compared()).isFalse();
        assertThat(lot(0.0, 5.12e8).compared()).isFalse();
        assertThat(lot(1.5e11, null).compared()).isFalse();
        assertThat(lot(1.5e11, null).agrees()).isTrue();
        LotConcentration untolerated = new LotConcentration(1.5e11, QualityFixtures.numeric("conc", "particles/mL", null, null, null, null),
                5.12e8, measured(5.12e8), SPEC);
        assertThat(untolerated.compared()).isFalse();
        assertThat(untolerated.disagreement()).isNull();
    }

    @Test
    void aReleaseStatesTheMeasuredConcentrationElseTheDeclaredOne() {
        assertThat(lot(3.5e9, 3.7e9).releasedPerMl()).isEqualTo(3.7e9);
        assertThat(lot(3.5e9, 3.7e9).releasedIsMeasured()).isTrue();
        assertThat(lot(3.5e9, null).releasedPerMl()).isEqualTo(3.5e9);
        assertThat(lot(3.5e9, null).releasedIsMeasured()).isFalse();
        assertThat(lot(null, null).releasedPerMl()).isNull();
    }

    @Test
    void theDisagreementIsABlockingReasonOfTheLotsEvaluation() {
        List<Observation> all = QualityFixtures.conformingLot();
        Specification s = new Specification(UUID.randomUUID(), "HMSC-EXO-SERUM", 2, Specification.Status.EFFECTIVE, Instant.now(), "qa",
                null, QualityFixtures.spec());
        LotEvaluation e = new LotEvaluation(UUID.randomUUID(), s, Evaluation.of(s.tests(), all), Map.of(),
                MisevReport.of(s.tests(), all), Map.of(), lot(1.5e11, 5.12e8));
        assertThat(e.evaluation().releasable()).isTrue();
        assertThat(e.releasable()).isFalse();
        assertThat(e.blockingReasons()).singleElement().asString().startsWith("Declared concentration 1.5 × 10¹¹ particles/mL");
    }
}
