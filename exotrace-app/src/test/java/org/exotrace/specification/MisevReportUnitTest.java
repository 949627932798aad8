package org.exotrace.specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exotrace.specification.QualityFixtures.conformingLot;
import static org.exotrace.specification.QualityFixtures.conformingLotWith;
import static org.exotrace.specification.QualityFixtures.conformingLotWithout;
import static org.exotrace.specification.QualityFixtures.spec;

import java.util.List;
import org.junit.jupiter.api.Test;

class MisevReportUnitTest {

    private static final String QUANTIFICATION =
            "Quantification by at least two methods (particle number and protein or lipid amount)";
    private static final String RATIO = "Ratio of particle number to protein amount (purity, particles per µg protein)";
    private static final String TRANSMEMBRANE = "Transmembrane or GPI-anchored EV marker positive (e.g. CD9, CD63, CD81)";
    private static final String CYTOSOLIC = "Cytosolic EV marker positive (e.g. TSG101, ALIX, syntenin)";
    private static final String NON_EV = "Non-EV or contaminant marker reported (e.g. calnexin, GM130, APOA1)";
    private static final String IMAGING = "Images of single vesicles (TEM, cryo-EM, AFM or super-resolution)";
    private static final String SINGLE_PARTICLE = "Non-image single-particle analysis (NTA, TRPS or flow cytometry)";

    @Test
    void lotWithEveryResultIsFullyCharacterized() {
        MisevReport report = MisevReport.of(spec(), conformingLot());

        assertThat(report.percent()).isEqualTo(100);
        assertThat(report.missing()).isEmpty();
        assertThat(report.entries()).extracting(MisevReport.Entry::item).containsExactly(
                "QUANTIFICATION_BY_TWO_METHODS", "PARTICLE_TO_PROTEIN_RATIO", "TRANSMEMBRANE_MARKER",
                "CYTOSOLIC_MARKER", "NON_EV_MARKER", "SINGLE_VESICLE_IMAGING", "NON_IMAGE_SINGLE_PARTICLE");
        assertThat(report.entries().get(2).evidence()).isEqualTo("Transmembrane marker (CD9/CD63/CD81): Positive");
    }

    @Test
    void lotWithoutResultsSatisfiesNothingAndListsEveryItem() {
        MisevReport report = MisevReport.of(spec(), List.of());

        assertThat(report.percent()).isZero();
        assertThat(report.missing())
                .containsExactly(QUANTIFICATION, RATIO, TRANSMEMBRANE, CYTOSOLIC, NON_EV, IMAGING, SINGLE_PARTICLE);
    }

    @Test
    void lotWithNtaProteinAndTwoMarkersIsSeventyOnePercent() {
        List<Observation> lot = List.of(
                Observation.numeric("size_mode", 104),
                Observation.numeric("particles_per_ampoule", 9.1e9),
                Observation.numeric("total_protein", 180),
                Observation.categorical("marker_transmembrane", "positive"),
                Observation.categorical("marker_calnexin", "NEGATIVE"),
                Observation.categorical("sterility", "NO_GROWTH"));

        MisevReport report = MisevReport.of(spec(), lot);

        assertThat(report.percent()).isEqualTo(71);
        assertThat(report.missing()).containsExactly(CYTOSOLIC, IMAGING);
        assertThat(report.entries().get(0).evidence())
                .isEqualTo("Particles per ampoule: 9.1 × 10⁹ particles; Total protein: 180 µg/mL");
        assertThat(report.entries().get(1).evidence())
                .isEqualTo("computable from Particles per ampoule: 9.1 × 10⁹ particles and Total protein: 180 µg/mL");
        assertThat(report.entries().get(3).evidence()).isEqualTo("Cytosolic marker (TSG101/ALIX/syntenin): no result");
    }

    @Test
    void negativeMarkerDoesNotCountAsPositive() {
        MisevReport report = MisevReport.of(spec(),
                conformingLotWith(Observation.categorical("marker_transmembrane", "NEGATIVE")));

        MisevReport.Entry transmembrane = report.entries().get(2);
        assertThat(transmembrane.satisfied()).isFalse();
        assertThat(transmembrane.evidence()).isEqualTo("Transmembrane marker (CD9/CD63/CD81): Negative, not positive");
        assertThat(report.missing()).containsExactly(TRANSMEMBRANE);
        assertThat(report.percent()).isEqualTo(85);
    }

    @Test
    void contaminantFoundStillCountsAsReported() {
        MisevReport report = MisevReport.of(spec(),
                conformingLotWith(Observation.categorical("marker_calnexin", "POSITIVE")));

        assertThat(report.entries().get(4).satisfied()).isTrue();
        assertThat(report.percent()).isEqualTo(100);
    }

    @Test
    void oneQuantificationMethodIsNotEnough() {
        MisevReport report = MisevReport.of(spec(),
                conformingLotWithout("total_protein", "particles_per_ug_protein"));

        assertThat(report.entries().get(0).satisfied()).isFalse();
        assertThat(report.entries().get(0).evidence()).endsWith("; a second method is needed");
        assertThat(report.missing()).containsExactly(QUANTIFICATION, RATIO);
    }

    @Test
    void itemWithoutATestInTheSpecificationSaysSo() {
        List<TestDefinition> withoutImaging = spec().stream()
                .filter(test -> test.misevItem() != MisevItem.SINGLE_VESICLE_IMAGING)
                .toList();

        MisevReport report = MisevReport.of(withoutImaging, conformingLot());

        assertThat(report.entries().get(5).evidence()).isEqualTo("no test in the specification");
        assertThat(report.missing()).containsExactly(IMAGING);
    }
}
