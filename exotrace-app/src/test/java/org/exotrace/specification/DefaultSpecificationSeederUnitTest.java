package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An installation whose specification still types particles per ampoule gets a derived one once, at upgrade. */
class DefaultSpecificationSeederUnitTest {

    /** The default specification as it was published before particles per ampoule became derived. */
    private static List<TestDefinition> beforeTheUpgrade() {
        return QualityFixtures.spec().stream().map(t -> new TestDefinition(t.code(), t.name(), t.kind(), t.unit(), t.lower(), t.upper(),
                t.warnLower(), t.warnUpper(), t.allowedValues(), t.acceptedValues(), t.required(), t.misevItem(), "seeds")).toList();
    }

    @Test
    void aTypedParticlesPerAmpouleBecomesDerivedAndTheConcentrationIsCompared() {
        List<TestDefinition> upgraded = DefaultSpecificationSeeder.upgraded(beforeTheUpgrade()).orElseThrow();
        TestDefinition perAmpoule = upgraded.stream().filter(t -> t.code().equals("particles_per_ampoule")).findFirst().orElseThrow();
        assertThat(perAmpoule.derivation()).isEqualTo(Derivation.of("particle_concentration", Derivation.FILL_VOLUME));
        assertThat(perAmpoule.limitsText()).isEqualTo("5E9 – 1.2E10 particles");
        assertThat(perAmpoule.required()).isTrue();
        TestDefinition concentration = upgraded.stream().filter(t -> t.code().equals("particle_concentration")).findFirst().orElseThrow();
        assertThat(concentration.declaredTolerance()).isEqualTo(2.0);
        assertThat(concentration.source()).contains("UNVERIFIED");
        assertThat(upgraded).extracting(TestDefinition::code).containsExactlyElementsOf(QualityFixtures.spec().stream().map(TestDefinition::code).toList());
    }

    @Test
    void aSpecificationAlreadyDerivedOrWithoutTheTestsIsLeftAlone() {
        assertThat(DefaultSpecificationSeeder.upgraded(QualityFixtures.spec())).isEmpty();
        assertThat(DefaultSpecificationSeeder.upgraded(beforeTheUpgrade().stream()
                .filter(t -> !t.code().equals("particle_concentration")).toList())).isEmpty();
    }
}
