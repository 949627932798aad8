package org.exotrace.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Defect 4 through the API: particles per ampoule is computed (concentration × the product's 2 mL
 * ampoule) and refused when typed; a lot whose measured concentration is 300-fold from its declared
 * one cannot be released until the declared value is corrected with a reason (audited) or a new
 * measurement agrees; the release records the concentration it states, which the clinic doses with.
 */
class ConcentrationCrossCheckIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"result", "lot_concentration_correction", "lot_decision", "electronic_signature", "audit_entry"};

    private TestUser analyst;
    private TestUser qa;
    private LotScenarios scenarios;

    @BeforeEach
    void setUp() {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        scenarios = new LotScenarios(mvc, analyst);
    }

    /** A serum lot declared at {@code declared} with every release result passing except the concentration, measured at {@code measured}. */
    private String lot(double declared, double measured) throws Exception {
        String batch = scenarios.batch(scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id());
        String lot = read(postJson("/api/batches/" + batch + "/lots", analyst, """
                {"productCode": "HMSC-EXO-SERUM", "concentrationPerMl": %s, "volumeMl": 20, "manufacturedOn": "%s"}"""
                .formatted(declared, LocalDate.now().minusDays(1))).andExpect(status().isCreated()).andReturn(), "$.id");
        scenarios.resultsPassing(lot, LotScenarios.PASSING_REQUIRED.keySet().stream().filter(c -> !c.equals("particle_concentration")).toList());
        scenarios.numeric(lot, "particle_concentration", measured, "particles/mL", analyst);
        return lot;
    }

    private ResultActions correct(String lot, TestUser as, String json) throws Exception {
        return mvc.perform(put("/api/lots/" + lot + "/declared-concentration").with(as.basic()).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void refusesTypingParticlesPerAmpouleNamingTheFieldAndWritesNothing() throws Exception {
        String lot = scenarios.lotInTesting();
        List<Long> before = counts(TABLES);
        scenarios.recordResult(lot, analyst, LotScenarios.numericJson("particles_per_ampoule", 7.2e9, "particles"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.testCode").value("Particles per ampoule is computed as Particle concentration × fill volume "
                        + "and cannot be entered by hand; record Particle concentration instead"));
        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void particlesPerAmpouleIsTheConcentrationTimesTheProductsAmpouleVolume() throws Exception {
        String lot = scenarios.passingLot();
        getJson("/api/lots/" + lot + "/evaluation", analyst).andExpect(status().isOk())
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].verdict").value("PASS"))
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].result").value("8E9 particles"))
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].computedAs").value("Particle concentration × fill volume"))
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].derivation")
                        .value("8 × 10⁹ particles = 4 × 10⁹ particles/mL × 2 mL"))
                .andExpect(jsonPath("$.concentration.agrees").value(true))
                .andExpect(jsonPath("$.releasable").value(true));
    }

    @Test
    void refusesReleaseWhileTheDeclaredAndMeasuredConcentrationsDisagreeAndWritesNothing() throws Exception {
        String lot = lot(1.5e11, 5.12e8);
        getJson("/api/lots/" + lot + "/evaluation", analyst)
                .andExpect(jsonPath("$.concentration.agrees").value(false))
                .andExpect(jsonPath("$.concentration.disagreement").value(containsString("293-fold lower")))
                .andExpect(jsonPath("$.tests[?(@.code == 'particles_per_ampoule')].verdict").value("FAIL"));
        List<Long> before = counts(TABLES);
        MvcResult refused = scenarios.release(lot, qa).andExpect(status().isUnprocessableContent()).andReturn();
        List<String> reasons = read(refused, "$.reasons");
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith(
                "Declared concentration 1.5 × 10¹¹ particles/mL and measured 5.12 × 10⁸ particles/mL (Particle concentration, scenario method, "))
                .anySatisfy(r -> assertThat(r).startsWith("Particles per ampoule is out of specification: 1.024 × 10⁹ particles"));
        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void aCorrectionOfTheDeclaredConcentrationNeedsAReasonIsKeptAndAuditedAndUnblocksRelease() throws Exception {
        String lot = lot(1.5e11, 4.0e9);
        scenarios.release(lot, qa).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value(containsString("the measured value is 38-fold lower")));

        TestUser researcher = user(Role.RESEARCHER);
        TestUser clinician = user(Role.CLINICIAN);
        TestUser otherQa = user(Role.QA_RELEASER);
        List<Long> before = counts(TABLES);
        correct(lot, analyst, "{\"concentrationPerMl\": 4.2e9}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        correct(lot, analyst, "{\"concentrationPerMl\": -1, \"reason\": \"typo\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.concentrationPerMl").exists());
        correct(lot, analyst, "{\"concentrationPerMl\": 1e300, \"reason\": \"typo\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.concentrationPerMl").value(containsString("at most 1 × 10¹⁵ particles/mL")));
        correct(lot, analyst, "{\"concentrationPerMl\": 1.5e11, \"reason\": \"same\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.concentrationPerMl").value("is already the declared concentration"));
        correct(lot, researcher, "{\"concentrationPerMl\": 4.2e9, \"reason\": \"typo\"}").andExpect(status().isForbidden());
        correct(lot, clinician, "{\"concentrationPerMl\": 4.2e9, \"reason\": \"typo\"}").andExpect(status().isForbidden());
        assertThat(counts(TABLES)).isEqualTo(before);

        correct(lot, otherQa, "{\"concentrationPerMl\": 4.2e9, \"reason\": \"1.5e11 was the bulk isolate's; the serum is 4.2e9 /mL\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.concentrationPerMl").value(4.2e9));
        getJson("/api/lots/" + lot + "/declared-concentration/corrections", analyst)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].previousPerMl").value(1.5e11)).andExpect(jsonPath("$[0].correctedPerMl").value(4.2e9))
                .andExpect(jsonPath("$[0].correctedBy").value(otherQa.username()));
        String audit = jdbc.sql("""
                select old_value || ' -> ' || new_value || ' : ' || reason from audit_entry
                where record_type = 'lot' and record_id = ? and action = 'CORRECT_CONCENTRATION'""").param(lot).query(String.class).single();
        assertThat(audit).contains("1.5E11").contains("4.2E9").endsWith(": 1.5e11 was the bulk isolate's; the serum is 4.2e9 /mL");

        scenarios.release(lot, qa).andExpect(status().isOk())
                .andExpect(jsonPath("$.concentration.particlesPerMl").value(4.0e9))
                .andExpect(jsonPath("$.concentration.measured").value(true))
                .andExpect(jsonPath("$.concentration.method").value("scenario method"));
        correct(lot, analyst, "{\"concentrationPerMl\": 4.0e9, \"reason\": \"after release\"}").andExpect(status().isConflict());
    }

    @Test
    void theCertificatePrintsParticlesPerAmpouleWithItsComputation() throws Exception {
        String lot = scenarios.released(qa);
        byte[] pdf = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/lots/" + lot + "/certificate")
                .with(qa.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "certificate-derived-test.pdf"), pdf);
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
        reader.close();
        assertThat(text).contains("Particles per ampoule").contains("Computed: 8 × 109 particles").contains("4 × 109 particles/mL × 2 mL")
                .doesNotContain("^"); // the exponents are raised runs of digits (RaisedExponents)
    }

        @Test
    void aNewMeasurementThatAgreesWithTheDeclaredOneAlsoResolvesIt() throws Exception {
        // 3 × 10⁹ /mL is within its own limits (6 × 10⁹ per ampoule) but 2.3-fold from the declared 7 × 10⁹: not out of
        // specification, so a retest with a reason may replace it; 5 × 10⁹ agrees within 2-fold.
        String lot = lot(7.0e9, 3.0e9);
        String first = read(getJson("/api/lots/" + lot + "/results", analyst).andReturn(), "$[?(@.testCode == 'particle_concentration')].id")
                .toString().replaceAll("[\\[\\]\"]", "");
        scenarios.recordResult(lot, analyst, """
                {"testCode": "particle_concentration", "value": 5.0e9, "unit": "particles/mL", "method": "TRPS (Exoid)",
                 "performedAt": "%s", "retestOf": "%s", "retestReason": "the first aliquot was diluted twice"}"""
                .formatted(LotScenarios.performedAt(), first)).andExpect(status().isCreated());
        getJson("/api/lots/" + lot + "/evaluation", analyst).andExpect(jsonPath("$.concentration.agrees").value(true))
                .andExpect(jsonPath("$.releasable").value(true));
        scenarios.release(lot, qa).andExpect(status().isOk()).andExpect(jsonPath("$.concentration.particlesPerMl").value(5.0e9));
    }
}
