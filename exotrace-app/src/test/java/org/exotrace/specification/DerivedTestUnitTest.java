package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.exotrace.specification.QualityFixtures.spec;
import static org.exotrace.specification.QualityFixtures.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exotrace.quality.LotEvaluation;
import org.junit.jupiter.api.Test;

/**
 * Particles per ampoule is a derived test of the specification: concentration × fill volume,
 * computed for each lot, judged like any result, and refused as a typed value (integration tests).
 */
class DerivedTestUnitTest {

    private static Map<String, DerivedValue> derive(List<TestDefinition> spec, Double fillVolumeMl, Observation... measured) {
        Map<String, Observation> byCode = new java.util.LinkedHashMap<>();
        for (Observation o : measured) byCode.put(o.testCode(), o);
        return DerivedValue.of(spec, byCode, fillVolumeMl, "HMSC-EXO-SERUM");
    }

    @Test
    void theDefaultSpecificationDerivesParticlesPerAmpouleFromConcentrationAndFillVolume() {
        TestDefinition perAmpoule = test("particles_per_ampoule");
        assertThat(perAmpoule.derived()).isTrue();
        assertThat(perAmpoule.derivation().factors()).containsExactly("particle_concentration", Derivation.FILL_VOLUME);
        assertThat(perAmpoule.derivation().formula(spec())).isEqualTo("Particle concentration × fill volume");
        assertThat(spec()).filteredOn(TestDefinition::derived).extracting(TestDefinition::code).containsExactly("particles_per_ampoule");
    }

    @Test
    void particlesPerAmpouleIsTheConcentrationTimesTheFillVolumeWithItsDerivation() {
        DerivedValue v = derive(spec(), 2.0, Observation.numeric("particle_concentration", 2.8e9)).get("particles_per_ampoule");

        assertThat(v.value()).isCloseTo(5.6e9, withinPercentage(1e-9));
        assertThat(v.expression()).isEqualTo("5.6 × 10⁹ particles = 2.8 × 10⁹ particles/mL × 2 mL");
        assertThat(v.missing()).isNull();
        assertThat(test("particles_per_ampoule").judge(v.value())).isEqualTo(Verdict.PASS);
    }

    @Test
    void theDefectsMeasuredConcentrationGivesTooFewParticlesPerAmpoule() {
        DerivedValue v = derive(spec(), 2.0, Observation.numeric("particle_concentration", 5.12e8)).get("particles_per_ampoule");
        assertThat(v.value()).isCloseTo(1.024e9, withinPercentage(1e-9));
        assertThat(test("particles_per_ampoule").judge(v.value())).isEqualTo(Verdict.FAIL);
    }

    @Test
    void unitsAreConvertedIntoTheDerivedTestsUnit() {
        List<TestDefinition> spec = List.of(
                new TestDefinition("conc", "Concentration", TestKind.NUMERIC, "particles/µL", null, null, null, null, null, null,
                        false, null, null),
                new TestDefinition("per_vial", "Per vial", TestKind.NUMERIC, "10^9 particles", Limit.including(5), null, null, null,
                        null, null, true, null, null, Derivation.of("conc", Derivation.FILL_VOLUME), null));
        SpecificationChecks.checkDerivations(spec);
        // 2.8e6 particles/µL = 2.8e9 particles/mL; × 2 mL = 5.6e9 particles = 5.6 "10^9 particles"
        DerivedValue v = derive(spec, 2.0, Observation.numeric("conc", 2.8e6)).get("per_vial");
        assertThat(v.value()).isCloseTo(5.6, withinPercentage(1e-9));
    }

    @Test
    void withoutItsFactorsTheValueIsMissingAndSaysWhy() {
        assertThat(derive(spec(), 2.0).get("particles_per_ampoule").missing()).isEqualTo("Particle concentration has no valid result");
        DerivedValue bulk = derive(spec(), null, Observation.numeric("particle_concentration", 2.8e9)).get("particles_per_ampoule");
        assertThat(bulk.value()).isNull();
        assertThat(bulk.missing()).contains("HMSC-EXO-SERUM has no ampoule volume");
        assertThat(bulk.observation()).isEmpty();
    }

    @Test
    void aMissingRequiredDerivedTestBlocksReleaseNamingWhatItNeeds() {
        Map<String, DerivedValue> derived = derive(spec(), 2.0);
        List<Observation> observations = new ArrayList<>(QualityFixtures.conformingLotWithout("particles_per_ampoule", "particle_concentration"));
        Specification s = new Specification(java.util.UUID.randomUUID(), "HMSC-EXO-SERUM", 2, Specification.Status.EFFECTIVE,
                java.time.Instant.now(), "qa", null, spec());
        LotEvaluation e = new LotEvaluation(java.util.UUID.randomUUID(), s, Evaluation.of(spec(), observations), Map.of(),
                MisevReport.of(spec(), observations), derived, null);
        assertThat(e.releasable()).isFalse();
        assertThat(e.blockingReasons()).containsExactly("Particles per ampoule is required and is computed as Particle concentration "
                + "× fill volume, which cannot be computed: Particle concentration has no valid result");
    }

    @Test
    void aSpecificationRefusesDerivationsThatCannotBeComputed() {
        List<TestDefinition> base = List.of(
                new TestDefinition("conc", "Concentration", TestKind.NUMERIC, "particles/mL", null, null, null, null, null, null, false, null, null),
                new TestDefinition("look", "Appearance", TestKind.CATEGORICAL, null, null, null, null, null, List.of("OK", "BAD"),
                        List.of("OK"), false, null, null));
        assertThatThrownBy(() -> SpecificationChecks.checkDerivations(with(base, derivedTest("particles", "nope", Derivation.FILL_VOLUME))))
                .hasMessageContaining("nope, which is not a test of this specification");
        assertThatThrownBy(() -> SpecificationChecks.checkDerivations(with(base, derivedTest("particles", "look"))))
                .hasMessageContaining("look, which is categorical");
        assertThatThrownBy(() -> SpecificationChecks.checkDerivations(with(base, derivedTest("nm", "conc", Derivation.FILL_VOLUME))))
                .hasMessageContaining("particles/mL × mL does not give nm");
        assertThatThrownBy(() -> SpecificationChecks.checkDerivations(with(base, derivedTest("particles", "conc"))))
                .hasMessageContaining("particles/mL does not give particles");
        List<TestDefinition> chained = with(with(base, derivedTest("particles", "conc", Derivation.FILL_VOLUME)),
                new TestDefinition("twice", "Twice", TestKind.NUMERIC, "particles", null, null, null, null, null, null, false, null, null,
                        Derivation.of("derived"), null));
        assertThatThrownBy(() -> SpecificationChecks.checkDerivations(chained)).hasMessageContaining("which is derived itself");
        assertThatThrownBy(() -> new TestDefinition("look2", "Look", TestKind.CATEGORICAL, null, null, null, null, null, List.of("A"),
                List.of("A"), false, null, null, Derivation.of("conc"), null)).hasMessageContaining("cannot be derived");
        assertThatThrownBy(() -> Derivation.of("conc", "conc")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Derivation.of("Fill Volume")).hasMessageContaining("neither a test code nor lot.fill_volume");
    }

    @Test
    void theDeclaredToleranceIsAFoldAboveOneOnAConcentrationTestOnlyOncePerSpecification() {
        assertThat(test("particle_concentration").declaredTolerance()).isEqualTo(2.0);
        assertThat(test("particle_concentration").source()).contains("UNVERIFIED");
        assertThat(test("particle_concentration").declaredToleranceText()).isEqualTo("within ×/÷ 2 of the declared concentration");
        assertThatThrownBy(() -> concentrationTest("cc", "particles/mL", 1.0)).hasMessageContaining("fold difference above 1");
        assertThatThrownBy(() -> concentrationTest("cc", "particles/mL", 5000.0)).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> concentrationTest("cc", "nm", 2.0)).hasMessageContaining("only a particle concentration");
        assertThat(concentrationTest("cc", "particles/µL", 3.0).declaredTolerance()).isEqualTo(3.0);
        assertThatThrownBy(() -> SpecificationChecks.checkDerivations(List.of(concentrationTest("ca", "particles/mL", 2.0),
                concentrationTest("cb", "particles/mL", 2.0)))).hasMessageContaining("only one test");
    }

    private static TestDefinition concentrationTest(String code, String unit, Double tolerance) {
        return new TestDefinition(code, "Concentration " + code, TestKind.NUMERIC, unit, null, null, null, null, null, null, false, null,
                null, null, tolerance);
    }

    private static TestDefinition derivedTest(String unit, String... factors) {
        return new TestDefinition("derived", "Derived", TestKind.NUMERIC, unit, null, null, null, null, null, null, true, null, null,
                Derivation.of(factors), null);
    }

    private static List<TestDefinition> with(List<TestDefinition> base, TestDefinition extra) {
        List<TestDefinition> all = new ArrayList<>(base);
        all.add(extra);
        return all;
    }
}
