package org.exotrace.quality;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

/**
 * MISEV completeness of a lot through {@code /api/lots/{id}/misev}. The expectations follow
 * {@link MisevReport}'s rules: seven items, percent = satisfied × 100 / 7 rounded down, missing
 * items described in the report's order.
 */
class MisevIntegrationTests extends IntegrationTest {

    static final String QUANTIFICATION = "Quantification by at least two methods (particle number and protein or lipid amount)";
    static final String RATIO = "Ratio of particle number to protein amount (purity, particles per µg protein)";
    static final String TRANSMEMBRANE = "Transmembrane or GPI-anchored EV marker positive (e.g. CD9, CD63, CD81)";
    static final String CYTOSOLIC = "Cytosolic EV marker positive (e.g. TSG101, ALIX, syntenin)";
    static final String NON_EV = "Non-EV or contaminant marker reported (e.g. calnexin, GM130, APOA1)";
    static final String IMAGING = "Images of single vesicles (TEM, cryo-EM, AFM or super-resolution)";

    TestUser analyst;
    LotScenarios scenarios;

    @BeforeEach
    void analyst() {
        analyst = user(Role.LAB_ANALYST);
        scenarios = new LotScenarios(mvc, analyst);
    }

    /**
     * The required tests give particle and protein quantification (two methods), the ratio, both
     * positive markers, calnexin and NTA size: six of seven items, 6 × 100 / 7 = 85. Single-vesicle
     * imaging (ev_imaging) is optional and has no result.
     */
    @Test
    void aLotWithEveryRequiredTestPassingIs85PercentCompleteAndMissesOnlySingleVesicleImaging() throws Exception {
        String lot = scenarios.passingLot();

        misev(lot)
                .andExpect(jsonPath("$.percent").value(85))
                .andExpect(jsonPath("$.missing", contains(IMAGING)))
                .andExpect(jsonPath("$.entries[*].item", contains("QUANTIFICATION_BY_TWO_METHODS", "PARTICLE_TO_PROTEIN_RATIO",
                        "TRANSMEMBRANE_MARKER", "CYTOSOLIC_MARKER", "NON_EV_MARKER", "SINGLE_VESICLE_IMAGING", "NON_IMAGE_SINGLE_PARTICLE")))
                .andExpect(jsonPath("$.entries[*].satisfied", contains(true, true, true, true, true, false, true)))
                .andExpect(jsonPath("$.entries[?(@.item == 'SINGLE_VESICLE_IMAGING')].evidence", contains("Single-vesicle imaging (TEM): no result")));
    }

    @Test
    void aLotWithEveryDefaultTestPassingIsCompletelyCharacterized() throws Exception {
        String lot = scenarios.passingLot();
        scenarios.categorical(lot, "ev_imaging", "CONFORMS", analyst);

        misev(lot)
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.missing", empty()))
                .andExpect(jsonPath("$.entries[?(@.item == 'SINGLE_VESICLE_IMAGING')].evidence", contains("Single-vesicle imaging (TEM): Conforms")));
    }

    /** Size by NTA satisfies only non-image single-particle analysis: 1 × 100 / 7 = 14. */
    @Test
    void aLotWithOnlySizeResultsIs14PercentCompleteAndNamesTheSixMissingItems() throws Exception {
        String lot = scenarios.lotInTesting();
        scenarios.numeric(lot, "size_mode", 104, "nm", analyst);
        scenarios.numeric(lot, "size_d50", 118, "nm", analyst);

        misev(lot)
                .andExpect(jsonPath("$.percent").value(14))
                .andExpect(jsonPath("$.missing", contains(QUANTIFICATION, RATIO, TRANSMEMBRANE, CYTOSOLIC, NON_EV, IMAGING)))
                .andExpect(jsonPath("$.entries[?(@.item == 'NON_IMAGE_SINGLE_PARTICLE')].evidence",
                        contains("Size (mode): 104 nm; Size (D50): 118 nm")));
    }

    /** A negative transmembrane marker is a result but not evidence: MISEV asks for a positive marker. */
    @Test
    void aNegativeTransmembraneMarkerDoesNotCount() throws Exception {
        String lot = scenarios.lotInTesting();
        scenarios.numeric(lot, "size_mode", 104, "nm", analyst);
        scenarios.categorical(lot, "marker_transmembrane", "NEGATIVE", analyst);

        misev(lot)
                .andExpect(jsonPath("$.percent").value(14))
                .andExpect(jsonPath("$.entries[?(@.item == 'TRANSMEMBRANE_MARKER')].satisfied", contains(false)))
                .andExpect(jsonPath("$.entries[?(@.item == 'TRANSMEMBRANE_MARKER')].evidence",
                        contains("Transmembrane marker (CD9/CD63/CD81): Negative, not positive")));
    }

    private ResultActions misev(String lot) throws Exception {
        return getJson("/api/lots/" + lot + "/misev", analyst).andExpect(status().isOk());
    }
}
