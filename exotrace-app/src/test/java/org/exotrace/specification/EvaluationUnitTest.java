package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exotrace.specification.QualityFixtures.conformingLot;
import static org.exotrace.specification.QualityFixtures.conformingLotWith;
import static org.exotrace.specification.QualityFixtures.conformingLotWithout;
import static org.exotrace.specification.QualityFixtures.spec;
import static org.exotrace.specification.QualityFixtures.test;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationUnitTest {

    @Test
    void conformingLotPassesAndIsReleasable() {
        Evaluation evaluation = Evaluation.of(spec(), conformingLot());

        assertThat(evaluation.overall()).isEqualTo(Verdict.PASS);
        assertThat(evaluation.releasable()).isTrue();
        assertThat(evaluation.tests()).extracting(e -> e.test().code())
                .containsExactlyElementsOf(spec().stream().map(TestDefinition::code).toList());
    }

    @Test
    void aTestWithAnOutOfSpecificationResultOnRecordFailsWhateverItsLatestObservationSays() {
        Evaluation evaluation = Evaluation.of(spec(), conformingLot(), java.util.Set.of("endotoxin"));

        assertThat(evaluation.failing()).extracting(e -> e.test().code()).containsExactly("endotoxin");
        assertThat(evaluation.overall()).isEqualTo(Verdict.FAIL);
        assertThat(evaluation.releasable()).isFalse();
        assertThat(Evaluation.of(spec(), conformingLot(), java.util.Set.of()).overall()).isEqualTo(Verdict.PASS);
    }

    @Test
    void failOutranksMissingAndWarning() {
        List<Observation> lot = new ArrayList<>(conformingLotWith(
                Observation.categorical("sterility", "GROWTH"),
                Observation.numeric("particles_per_ug_protein", 2e10)));
        lot.removeIf(observation -> observation.testCode().equals("endotoxin"));

        Evaluation evaluation = Evaluation.of(spec(), lot);

        assertThat(evaluation.overall()).isEqualTo(Verdict.FAIL);
        assertThat(evaluation.failing()).extracting(e -> e.test().code()).containsExactly("sterility");
        assertThat(evaluation.missing()).extracting(e -> e.test().code()).containsExactly("endotoxin");
        assertThat(evaluation.releasable()).isFalse();
    }

    @Test
    void missingRequiredResultOutranksWarning() {
        List<Observation> lot = new ArrayList<>(conformingLotWith(Observation.numeric("particles_per_ug_protein", 2e10)));
        lot.removeIf(observation -> observation.testCode().equals("mycoplasma"));

        Evaluation evaluation = Evaluation.of(spec(), lot);

        assertThat(evaluation.overall()).isEqualTo(Verdict.MISSING);
        assertThat(evaluation.releasable()).isFalse();
    }

    @Test
    void warningAloneDoesNotBlockRelease() {
        Evaluation evaluation = Evaluation.of(spec(),
                conformingLotWith(Observation.numeric("particles_per_ug_protein", 2e10)));

        assertThat(evaluation.overall()).isEqualTo(Verdict.WARNING);
        assertThat(evaluation.releasable()).isTrue();
    }

    @Test
    void optionalTestWithoutResultIsNotTestedAndDoesNotBlockRelease() {
        Evaluation evaluation = Evaluation.of(spec(), conformingLotWithout("ev_imaging", "appearance", "size_d50"));

        assertThat(evaluation.tests()).filteredOn(e -> e.test().code().equals("ev_imaging"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.verdict()).isEqualTo(Verdict.NOT_TESTED);
                    assertThat(e.observation()).isNull();
                });
        assertThat(evaluation.overall()).isEqualTo(Verdict.PASS);
        assertThat(evaluation.releasable()).isTrue();
    }

    @Test
    void requiredTestWithoutResultIsMissing() {
        Evaluation evaluation = Evaluation.of(spec(), conformingLotWithout("total_protein"));

        assertThat(evaluation.missing()).extracting(e -> e.test().code()).containsExactly("total_protein");
        assertThat(evaluation.failing()).isEmpty();
    }

    @Test
    void lotWithoutAnyResultIsMissingEveryRequiredTest() {
        Evaluation evaluation = Evaluation.of(spec(), List.of());

        assertThat(evaluation.overall()).isEqualTo(Verdict.MISSING);
        assertThat(evaluation.missing()).hasSize((int) spec().stream().filter(TestDefinition::required).count());
    }

    @Test
    void observationsOfTestsOutsideTheSpecificationAreIgnored() {
        List<Observation> lot = new ArrayList<>(conformingLot());
        lot.add(Observation.categorical("potency", "WHATEVER"));

        assertThat(Evaluation.of(spec(), lot).overall()).isEqualTo(Verdict.PASS);
    }

    @Test
    void twoObservationsOfOneTestAreRefused() {
        List<Observation> lot = new ArrayList<>(conformingLot());
        lot.add(Observation.numeric("size_mode", 99));

        assertThatThrownBy(() -> Evaluation.of(spec(), lot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size_mode");
    }

    @Test
    void categoryGivenForANumericTestIsRefused() {
        assertThatThrownBy(() -> Evaluation.of(spec(), conformingLotWith(Observation.categorical("endotoxin", "LOW"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric");
    }

    @Test
    void emptySpecificationIsRefused() {
        assertThatThrownBy(() -> Evaluation.of(List.of(), conformingLot()))
                .isInstanceOf(InvalidSpecification.class);
    }

    @Test
    void specificationRepeatingACodeIsRefused() {
        assertThatThrownBy(() -> Evaluation.of(List.of(test("size_mode"), test("size_mode")), List.of()))
                .isInstanceOf(InvalidSpecification.class)
                .hasMessage("test code size_mode appears twice in the specification");
    }

    @Test
    void observationNeedsExactlyOneOfNumberAndCategory() {
        assertThatThrownBy(() -> new Observation("size_mode", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation("size_mode", 1.0, "X")).isInstanceOf(IllegalArgumentException.class);
    }
}
