package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestCodeUnitTest {

    @Test
    void namesEveryTestOfTheDefaultSpecificationByAConstant() {
        List<TestCode> known = List.of(TestCode.SIZE_MODE, TestCode.SIZE_D50, TestCode.PARTICLES_PER_AMPOULE,
                TestCode.PARTICLE_CONCENTRATION, TestCode.TOTAL_PROTEIN, TestCode.PARTICLES_PER_UG_PROTEIN,
                TestCode.MARKER_TRANSMEMBRANE, TestCode.MARKER_CYTOSOLIC, TestCode.MARKER_CALNEXIN, TestCode.STERILITY,
                TestCode.ENDOTOXIN, TestCode.MYCOPLASMA, TestCode.EV_IMAGING, TestCode.APPEARANCE);

        assertThat(DefaultSpecifications.humanMscExosomeSerum()).extracting(TestDefinition::code)
                .containsExactlyElementsOf(known.stream().map(TestCode::value).toList());
    }

    @Test
    void findsATestOfASpecificationByItsTypedCode() {
        Specification spec = new Specification(null, "P", 1, Specification.Status.EFFECTIVE, null, "qa", "first",
                DefaultSpecifications.humanMscExosomeSerum());

        assertThat(spec.test(TestCode.PARTICLE_CONCENTRATION)).hasValueSatisfying(t -> assertThat(t.unit()).isEqualTo("particles/mL"));
        assertThat(spec.test(new TestCode("not_in_it"))).isEmpty();
    }

    @Test
    void matchesTheCodeAsStoredAndNothingElse() {
        assertThat(TestCode.SIZE_MODE.is("size_mode")).isTrue();
        assertThat(TestCode.SIZE_MODE.is("SIZE_MODE")).isFalse();
        assertThat(TestCode.SIZE_MODE.is(null)).isFalse();
        assertThat(TestCode.SIZE_MODE).hasToString("size_mode");
    }

    @Test
    void refusesACodeThatNoSpecificationCouldHold() {
        assertThatThrownBy(() -> new TestCode("Size mode")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestCode("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestCode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
