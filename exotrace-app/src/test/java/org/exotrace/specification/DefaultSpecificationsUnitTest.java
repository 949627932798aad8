package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.specification.QualityFixtures.spec;
import static org.exotrace.specification.QualityFixtures.test;

import org.junit.jupiter.api.Test;

class DefaultSpecificationsUnitTest {

    @Test
    void defaultSpecificationIsValidWithTheAgreedCodesInOrder() {
        assertThat(spec()).extracting(TestDefinition::code).containsExactly(
                "size_mode", "size_d50", "particles_per_ampoule", "particle_concentration", "total_protein",
                "particles_per_ug_protein", "marker_transmembrane", "marker_cytosolic", "marker_calnexin",
                "sterility", "endotoxin", "mycoplasma", "ev_imaging", "appearance");
    }

    @Test
    void everyTestNamesItsSource() {
        assertThat(spec()).allSatisfy(test -> assertThat(test.source()).isNotBlank());
    }

    @Test
    void unverifiedDefaultsSayUnverifiedInTheirSource() {
        assertThat(test("particles_per_ug_protein").source()).contains("UNVERIFIED");
        assertThat(test("endotoxin").source()).contains("UNVERIFIED");
    }

    @Test
    void onlyImagingAppearanceAndReportedSizeAndConcentrationAreOptional() {
        assertThat(spec()).filteredOn(test -> !test.required()).extracting(TestDefinition::code)
                .containsExactly("size_d50", "particle_concentration", "ev_imaging", "appearance");
    }

    @Test
    void limitsAreThoseOfTheSeedsAndLiterature() {
        assertThat(test("size_mode").limitsText()).isEqualTo("30 – 150 nm");
        assertThat(test("particles_per_ampoule").limitsText()).isEqualTo("5E9 – 1.2E10 particles");
        assertThat(test("total_protein").limitsText()).isEqualTo("report only");
        assertThat(test("particles_per_ug_protein").limitsText()).isEqualTo("≥ 1.5E9 particles/µg");
        assertThat(test("particles_per_ug_protein").warnLower()).isEqualTo(3e10);
        assertThat(test("endotoxin").limitsText()).isEqualTo("≤ 0.5 EU/mL");
        assertThat(test("marker_calnexin").limitsText()).isEqualTo("NEGATIVE");
        assertThat(test("sterility").limitsText()).isEqualTo("NO_GROWTH");
    }

    @Test
    void everyMisevItemExceptLipidIsCoveredByATest() {
        assertThat(spec()).extracting(TestDefinition::misevItem).contains(
                MisevItem.PARTICLE_QUANTIFICATION, MisevItem.PROTEIN_QUANTIFICATION,
                MisevItem.PARTICLE_TO_PROTEIN_RATIO, MisevItem.TRANSMEMBRANE_MARKER, MisevItem.CYTOSOLIC_MARKER,
                MisevItem.NON_EV_MARKER, MisevItem.SINGLE_VESICLE_IMAGING, MisevItem.NON_IMAGE_SINGLE_PARTICLE);
    }
}
