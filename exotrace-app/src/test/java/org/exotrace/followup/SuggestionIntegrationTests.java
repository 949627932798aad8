package org.exotrace.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Adjustment suggestions from the template's rules: an atopic dermatitis course whose EASI-50 is
 * not reached by week 8 gets the shorter-interval suggestion, and the microneedling one only where
 * the regulatory rules permit that route; the clinician's accept or override (with a reason) is
 * recorded once and audited under the pseudonym; other clinics and the lab are kept out.
 */
class SuggestionIntegrationTests extends IntegrationTest {

    static final String INTERVAL = "EASI50-W8-INTERVAL";
    static final String MICRONEEDLING = "EASI50-W8-MICRONEEDLING";
    private static final String[] TABLES = {"adjustment_decision", "audit_entry"};

    private TestUser admin;
    private TestUser doctor;
    private ClinicScenarios scenarios;

    @BeforeEach
    void setUp() throws Exception {
        admin = user(Role.ADMIN);
        doctor = user(Role.CLINICIAN);
        scenarios = new ClinicScenarios(mvc, admin);
    }

    @Test
    void easi50NotReachedByWeek8SuggestsAShorterIntervalAndMicroneedlingWherePermitted() throws Exception {
        String clinic = scenarios.clinic("KR", doctor);
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = planWeeksAgo(patient, 8);

        // Baseline only: nothing is due yet.
        easi(patient, plan, LocalDate.now().minusWeeks(8), 3, 3, 2, 2);   // 0.4 x 5 x 10 = 20
        getJson("/api/plans/" + plan + "/suggestions", doctor).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        // Week 4 is before the rule's week 8: still nothing.
        easi(patient, plan, LocalDate.now().minusWeeks(4), 2, 2, 2, 2);   // 16
        getJson("/api/plans/" + plan + "/suggestions", doctor).andExpect(jsonPath("$.length()").value(0));

        easi(patient, plan, LocalDate.now(), 2, 2, 2, 1);                 // 14: 30 % better, EASI-50 not reached
        getJson("/api/plans/" + plan + "/suggestions", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].ruleCode").value(INTERVAL))
                .andExpect(jsonPath("$[0].kind").value("SHORTER_INTERVAL"))
                .andExpect(jsonPath("$[0].label").value("Suggestion \u2014 the decision is yours"))
                .andExpect(jsonPath("$[0].finding").value(startsWith("EASI-50 not achieved by week 8: EASI 20 at baseline")))
                .andExpect(jsonPath("$[0].finding").value(containsString("14 at week 8")))
                .andExpect(jsonPath("$[0].finding").value(containsString("30 % improvement")))
                .andExpect(jsonPath("$[0].permitted").value(true))
                .andExpect(jsonPath("$[0].decidable").value(true))
                .andExpect(jsonPath("$[0].decision").doesNotExist())
                .andExpect(jsonPath("$[1].ruleCode").value(MICRONEEDLING))
                .andExpect(jsonPath("$[1].proposedRoute").value("TOPICAL_AFTER_MICRONEEDLING"))
                .andExpect(jsonPath("$[1].permitted").value(true))
                .andExpect(jsonPath("$[1].compliance").value(startsWith("Permitted with caution")))
                .andExpect(jsonPath("$[1].compliance").value(containsString("MFDS")));
        getJson("/api/patients/" + patient + "/suggestions", doctor).andExpect(jsonPath("$.length()").value(2));

        // A second course starting today is judged from its own baseline, not the first course's week 8.
        String second = planWeeksAgo(patient, 0);
        easi(patient, second, LocalDate.now(), 2, 2, 2, 1);
        getJson("/api/plans/" + second + "/suggestions", doctor).andExpect(jsonPath("$.length()").value(0));
        getJson("/api/plans/" + plan + "/suggestions", doctor).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void theMicroneedlingSuggestionIsNotPermittedWhereTheRulesBlockThatRouteOrNoRuleCoversIt() throws Exception {
        // No seeded jurisdiction permits electroporation but blocks microneedling (both disrupt the barrier), so a compliance
        // officer adds a narrow rule to one with no rules of its own, and retires it afterwards.
        TestUser officer = user(Role.COMPLIANCE_OFFICER);
        String clinic = scenarios.clinic("CA", doctor);
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = planWeeksAgo(patient, 9);
        easi(patient, plan, LocalDate.now().minusWeeks(9), 3, 3, 2, 2);
        easi(patient, plan, LocalDate.now(), 3, 3, 2, 1);

        // No rule covers microneedling in Canada: not offered as permitted.
        getJson("/api/plans/" + plan + "/suggestions", doctor).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].permitted").value(true))
                .andExpect(jsonPath("$[1].permitted").value(false))
                .andExpect(jsonPath("$[1].decidable").value(false))
                .andExpect(jsonPath("$[1].compliance").value(startsWith("Not permitted here: No rule covers")));

        String rule = read(postJson("/api/compliance/rules", officer, """
                {"jurisdiction": "CA", "source": "UMBILICAL_CORD_MSC", "route": "TOPICAL_AFTER_MICRONEEDLING", "purpose": "COSMETIC",
                 "verdict": "PROHIBITED", "confidence": "UNCERTAIN", "citation": "Test citation: no cord-MSC exosomes through a needled barrier"}""")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        try {
            getJson("/api/plans/" + plan + "/suggestions", doctor)
                    .andExpect(jsonPath("$[1].ruleCode").value(MICRONEEDLING))
                    .andExpect(jsonPath("$[1].permitted").value(false))
                    .andExpect(jsonPath("$[1].compliance").value(startsWith("Not permitted here: Prohibited")))
                    .andExpect(jsonPath("$[1].compliance").value(containsString("Test citation: no cord-MSC exosomes")));
            List<Long> before = counts(TABLES);
            postJson("/api/plans/" + plan + "/suggestions/" + MICRONEEDLING + "/decision", doctor, "{\"decision\": \"ACCEPTED\"}")
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.reasons[0]").value(containsString("Test citation")));
            assertThat(counts(TABLES)).isEqualTo(before);
        } finally {
            postJson("/api/compliance/rules/" + rule + "/retirement", officer, "{\"reason\": \"Test rule no longer needed\"}")
                    .andExpect(status().isOk());
        }
    }

    @Test
    void anAcceptIsRecordedOnceAndAuditedUnderThePseudonymAndAnOverrideNeedsAReason() throws Exception {
        String clinic = scenarios.clinic("KR", doctor);
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = planWeeksAgo(patient, 8);
        easi(patient, plan, LocalDate.now().minusWeeks(8), 3, 3, 2, 2);
        easi(patient, plan, LocalDate.now(), 2, 2, 2, 1);
        String pseudonym = read(getJson("/api/patients/" + patient, doctor).andReturn(), "$.pseudonym");

        List<Long> before = counts(TABLES);
        postJson("/api/plans/" + plan + "/suggestions/" + MICRONEEDLING + "/decision", doctor, "{\"decision\": \"OVERRIDDEN\", \"reason\": \"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("say why you override the suggestion"));
        postJson("/api/plans/" + plan + "/suggestions/" + MICRONEEDLING + "/decision", doctor, "{\"decision\": \"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.decision").value(startsWith("use one of")));
        postJson("/api/plans/" + plan + "/suggestions/NO-SUCH-RULE/decision", doctor, "{\"decision\": \"ACCEPTED\"}")
                .andExpect(status().isNotFound());
        assertThat(counts(TABLES)).isEqualTo(before);

        postJson("/api/plans/" + plan + "/suggestions/" + INTERVAL + "/decision", doctor, "{\"decision\": \"ACCEPTED\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decision.outcome").value("ACCEPTED"))
                .andExpect(jsonPath("$.decision.decidedBy").value(doctor.username()))
                .andExpect(jsonPath("$.decidable").value(false));
        postJson("/api/plans/" + plan + "/suggestions/" + MICRONEEDLING + "/decision", doctor,
                "{\"decision\": \"OVERRIDDEN\", \"reason\": \"patient declines needling\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decision.text").value(containsString("Overridden by " + doctor.username())))
                .andExpect(jsonPath("$.decision.reason").value("patient declines needling"));
        assertThat(counts(TABLES)).isEqualTo(List.of(before.get(0) + 2, before.get(1) + 2));

        postJson("/api/plans/" + plan + "/suggestions/" + INTERVAL + "/decision", doctor, "{\"decision\": \"OVERRIDDEN\", \"reason\": \"changed my mind\"}")
                .andExpect(status().isConflict());
        getJson("/api/plans/" + plan + "/suggestions", doctor)
                .andExpect(jsonPath("$[0].decision.outcome").value("ACCEPTED"))
                .andExpect(jsonPath("$[1].decision.outcome").value("OVERRIDDEN"));

        List<Map<String, Object>> audit = jdbc.sql("""
                select new_value from audit_entry where record_type = 'adjustment_decision'
                   and record_id in (select id::text from adjustment_decision where plan_id = ?::uuid) order by seq""")
                .param(plan).query().listOfRows();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("new_value").toString()).contains(pseudonym, INTERVAL, "ACCEPTED", "EASI-50 not achieved")
                .doesNotContain("Test", "1985");
        assertThat(audit.get(1).get("new_value").toString()).contains("OVERRIDDEN", "patient declines needling");
    }

    @Test
    void anotherClinicFindsNoSuggestionsAndTheLabIsNotLetIn() throws Exception {
        String clinic = scenarios.clinic("KR", doctor);
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = planWeeksAgo(patient, 8);
        easi(patient, plan, LocalDate.now().minusWeeks(8), 3, 3, 2, 2);
        easi(patient, plan, LocalDate.now(), 2, 2, 2, 1);
        TestUser stranger = user(Role.CLINICIAN);
        scenarios.clinic("KR", stranger);
        TestUser analyst = user(Role.LAB_ANALYST);
        List<Long> before = counts(TABLES);

        getJson("/api/plans/" + plan + "/suggestions", stranger).andExpect(status().isNotFound());
        postJson("/api/plans/" + plan + "/suggestions/" + INTERVAL + "/decision", stranger, "{\"decision\": \"ACCEPTED\"}")
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/patients/" + patient + "/progress.pdf")
                .with(stranger.basic())).andExpect(status().isNotFound());

        getJson("/api/plans/" + plan + "/suggestions", analyst).andExpect(status().isForbidden());
        postJson("/api/plans/" + plan + "/suggestions/" + INTERVAL + "/decision", analyst, "{\"decision\": \"ACCEPTED\"}")
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/patients/" + patient + "/progress.pdf")
                .with(analyst.basic())).andExpect(status().isForbidden());
        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void aCopyOfTheTemplateCarriesItsRules() throws Exception {
        String clinic = scenarios.clinic("KR", doctor);
        String copy = read(postJson("/api/protocol-templates/" + scenarios.templateId("AD-REDNESS-EP", doctor) + "/copies", doctor,
                "{\"clinicId\": \"" + clinic + "\"}").andExpect(status().isCreated()).andReturn(), "$.id");
        assertThat(jdbc.sql("select code from adjustment_rule where template_id = ?::uuid order by code").param(copy).query(String.class).list())
                .containsExactly(INTERVAL, MICRONEEDLING);
    }

    @Test
    void theProgressReportPdfPrintsThePatientTheSessionsTheEasiValuesAndTheSuggestionAndTheExportIsAudited() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = scenarios.clinic("KR", doctor);
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = planWeeksAgo(patient, 8);
        String lot = lots.passingLot();
        lots.release(lot, qa).andExpect(status().isOk());
        List<String> units = scenarios.split(lot, analyst, 1);
        scenarios.shipAndReceive(clinic, analyst, doctor, units);
        String session = read(postJson("/api/plans/" + plan + "/sessions", doctor, """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Electroporation handpiece", "energyMj": 12, "passes": 2, "area": "face"}"""
                .formatted(units.get(0))).andExpect(status().isCreated()).andReturn(), "$.id");
        postJson("/api/sessions/" + session + "/adverse-events", doctor, """
                {"term": "Transient erythema", "onsetOn": "%s", "severity": "MILD", "seriousness": [], "causality": "POSSIBLE",
                 "outcome": "RECOVERING"}""".formatted(LocalDate.now())).andExpect(status().isCreated());
        easi(patient, plan, LocalDate.now().minusWeeks(8), 3, 3, 2, 2);
        easi(patient, plan, LocalDate.now().minusWeeks(4), 2, 2, 2, 2);
        easi(patient, plan, LocalDate.now(), 2, 2, 2, 1);
        postJson("/api/plans/" + plan + "/suggestions/" + INTERVAL + "/decision", doctor, "{\"decision\": \"ACCEPTED\"}")
                .andExpect(status().isCreated());
        String pseudonym = read(getJson("/api/patients/" + patient, doctor).andReturn(), "$.pseudonym");
        long exports = jdbc.sql("select count(*) from audit_entry where record_type = 'patient' and action = 'EXPORT_PDF' and record_id = ?")
                .param(patient).query(Long.class).single();

        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/patients/" + patient + "/progress.pdf")
                        .with(doctor.basic()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("application/pdf"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("progress-" + pseudonym)))
                .andReturn();
        byte[] pdf = r.getResponse().getContentAsByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "progress-report-sample.pdf"), pdf);
        String text = text(pdf);

        assertThat(text).contains("Progress report", pseudonym, "Patient, Test", "1985-02-01", "atopic dermatitis")
                .contains("AD-REDNESS-EP", "Human MSC exosome serum", "Electroporation", "Permitted with caution")
                .contains(units.get(0), "Electroporation handpiece", "12 mJ", "2 \u00d7 109 particles")
                .contains("EASI", "20", "16", "14", "EASI-50 not yet")
                .contains("Suggestion \u2014 the decision is yours", "Shorter interval", "Accepted by " + doctor.username())
                .contains("Microneedling-assisted delivery", "Open: no decision yet.")
                .contains("Transient erythema")
                .contains("Generated ", "by " + doctor.username(), "Decision support, not medical or legal advice.");
        String audit = jdbc.sql("select new_value from audit_entry where record_type = 'patient' and action = 'EXPORT_PDF' and record_id = ? "
                + "order by seq desc limit 1").param(patient).query(String.class).single();
        assertThat(audit).contains(pseudonym).doesNotContain("Test", "1985");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'patient' and action = 'EXPORT_PDF' and record_id = ?")
                .param(patient).query(Long.class).single()).isEqualTo(exports + 1);
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            StringBuilder all = new StringBuilder();
            com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) all.append(extractor.getTextFromPage(page)).append(' ');
            return all.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    /** A cosmetic AD-REDNESS-EP plan (electroporation, umbilical-cord MSC product) that started {@code weeks} weeks ago; its id. */
    private String planWeeksAgo(String patient, int weeks) throws Exception {
        return scenarios.planFrom(patient, doctor, scenarios.templateId("AD-REDNESS-EP", doctor), LocalDate.now().minusWeeks(weeks));
    }

    /** An EASI of the lower limbs only, 70 % of the area (area score 5): 0.4 x 5 x the sum of the four signs. */
    private void easi(String patient, String plan, LocalDate on, double erythema, double oedema, double excoriation, double lichenification)
            throws Exception {
        scenarios.lowerLimbEasi(patient, doctor, plan, on, erythema, oedema, excoriation, lichenification);
    }
}
