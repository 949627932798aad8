package org.exotrace.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A clinic edits the adjustment rules of its copy of a protocol template: an added rule fires on the
 * plans made from the copy, a change or a removal needs a reason and is audited with the rule as it
 * was, decisions already taken keep their text; shipped templates stay read-only, every wrong field
 * is named with nothing written, and other clinics and the lab are kept out.
 */
class AdjustmentRuleIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"adjustment_rule", "audit_entry"};
    private static final String EASI75_W4_STOP = """
            {"instrument": "EASI", "responseName": "easi-75", "byWeek": 4, "kind": "STOP",
             "text": "EASI-75 not reached by week 4: consider stopping and an established treatment."}""";

    private TestUser doctor;
    private ClinicScenarios scenarios;
    private String clinic;
    private String copy;

    @BeforeEach
    void setUp() throws Exception {
        doctor = user(Role.CLINICIAN);
        scenarios = new ClinicScenarios(mvc, user(Role.ADMIN));
        clinic = scenarios.clinic("KR", doctor);
        copy = read(postJson("/api/protocol-templates/" + shipped() + "/copies", doctor, "{\"clinicId\": \"" + clinic + "\"}")
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    @Test
    void aRuleAddedToACopyFiresOnAPlanMadeFromIt() throws Exception {
        postJson(rules(copy), doctor, EASI75_W4_STOP).andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("EASI75-W4-STOP"))
                .andExpect(jsonPath("$.responseName").value("EASI-75"))
                .andExpect(jsonPath("$.summary").value("By week 4: EASI-75 not achieved \u2192 Consider stopping"));
        postJson(rules(copy), doctor, """
                {"code": "slow-w4", "instrument": "EASI", "improvementBelow": 40, "byWeek": 4, "kind": "CHANGE_ROUTE",
                 "proposedRoute": "TOPICAL_AFTER_MICRONEEDLING", "text": "Less than 40 % better by week 4: consider microneedling instead."}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value("SLOW-W4"))
                .andExpect(jsonPath("$.improvementBelow").value(40.0))
                .andExpect(jsonPath("$.criterion").value("EASI improved by less than 40 %"));
        getJson(rules(copy), doctor).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].code").value("EASI75-W4-STOP"))
                .andExpect(jsonPath("$[1].code").value("SLOW-W4"));
        getJson(rules(shipped()), doctor).andExpect(jsonPath("$.length()").value(2));

        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = planWeeksAgo(patient, copy, 4);
        easi(patient, plan, LocalDate.now().minusWeeks(4), 3, 3, 2, 2);   // 20
        easi(patient, plan, LocalDate.now(), 2, 2, 2, 1);                 // 14: 30 % better, EASI-75 not reached, week 8 not yet due
        getJson("/api/plans/" + plan + "/suggestions", doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].ruleCode").value("EASI75-W4-STOP"))
                .andExpect(jsonPath("$[0].kind").value("STOP"))
                .andExpect(jsonPath("$[0].finding").value(startsWith("EASI-75 not achieved by week 4: EASI 20 at baseline")))
                .andExpect(jsonPath("$[1].ruleCode").value("SLOW-W4"))
                .andExpect(jsonPath("$[1].finding").value(startsWith("EASI improved by less than 40 % by week 4")))
                .andExpect(jsonPath("$[1].permitted").value(true));
    }

    @Test
    void aChangeOrRemovalNeedsAReasonIsAuditedAndDecisionsAlreadyTakenKeepTheirText() throws Exception {
        postJson(rules(copy), doctor, EASI75_W4_STOP).andExpect(status().isCreated());
        String patient = scenarios.patient(clinic, doctor, "atopic dermatitis");
        String plan = planWeeksAgo(patient, copy, 4);
        easi(patient, plan, LocalDate.now().minusWeeks(4), 3, 3, 2, 2);
        easi(patient, plan, LocalDate.now(), 2, 2, 2, 1);
        postJson("/api/plans/" + plan + "/suggestions/EASI75-W4-STOP/decision", doctor, "{\"decision\": \"ACCEPTED\"}")
                .andExpect(status().isCreated());
        String shown = jdbc.sql("select suggestion from adjustment_decision where plan_id = ?::uuid").param(plan).query(String.class).single();

        String changed = """
                {"rule": {"instrument": "EASI", "responseName": "EASI-50", "byWeek": 6, "kind": "REVIEW", "text": "Review the course."},
                 "reason": %s}""";
        List<Long> before = counts(TABLES);
        send(put(rule(copy, "EASI75-W4-STOP")), changed.formatted("\"  \"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("say why the rule changes"));
        send(put(rule(copy, "EASI75-W4-STOP")), changed.formatted("\"week 4 was too early\"").replace("\"instrument\"", "\"code\": \"OTHER\", \"instrument\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value(startsWith("a rule's code does not change")));
        assertThat(counts(TABLES)).isEqualTo(before);

        send(put(rule(copy, "EASI75-W4-STOP")), changed.formatted("\"week 4 was too early\"")).andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("EASI75-W4-STOP"))
                .andExpect(jsonPath("$.summary").value("By week 6: EASI-50 not achieved \u2192 Review"));
        assertThat(counts(TABLES)).isEqualTo(List.of(before.get(0), before.get(1) + 1));
        Map<String, Object> audit = lastAudit();
        assertThat(audit.get("action")).isEqualTo("UPDATE");
        assertThat(audit.get("reason")).isEqualTo("week 4 was too early");
        assertThat(audit.get("old_value").toString()).contains("EASI-75", "STOP", "EASI75-W4-STOP");
        assertThat(audit.get("new_value").toString()).contains("EASI-50", "REVIEW", "Review the course.");
        // The same values again change nothing and write nothing.
        send(put(rule(copy, "EASI75-W4-STOP")), changed.formatted("\"again\"")).andExpect(status().isOk());
        assertThat(counts(TABLES)).isEqualTo(List.of(before.get(0), before.get(1) + 1));

        send(delete(rule(copy, "EASI75-W4-STOP")), "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("say why the rule changes"));
        send(delete(rule(copy, "EASI75-W4-STOP") + "?reason=superseded by the clinic's review rule"), "").andExpect(status().isNoContent());
        assertThat(counts(TABLES)).isEqualTo(List.of(before.get(0) - 1, before.get(1) + 2));
        audit = lastAudit();
        assertThat(audit.get("action")).isEqualTo("REMOVE");
        assertThat(audit.get("reason")).isEqualTo("superseded by the clinic's review rule");
        assertThat(audit.get("old_value").toString()).contains("EASI-50", "Review the course.");
        getJson(rules(copy), doctor).andExpect(jsonPath("$[*].code", not(hasItem("EASI75-W4-STOP"))));
        send(delete(rule(copy, "EASI75-W4-STOP") + "?reason=twice"), "").andExpect(status().isNotFound());

        // The decision stays as it was taken, listed as no longer indicated; its code is not given to a new rule.
        assertThat(jdbc.sql("select suggestion from adjustment_decision where plan_id = ?::uuid").param(plan).query(String.class).single())
                .isEqualTo(shown).contains("EASI-75 not achieved", "consider stopping");
        getJson("/api/plans/" + plan + "/suggestions", doctor)
                .andExpect(jsonPath("$[?(@.ruleCode == 'EASI75-W4-STOP')].current").value(hasItem(false)))
                .andExpect(jsonPath("$[?(@.ruleCode == 'EASI75-W4-STOP')].text").value(hasItem(shown)))
                .andExpect(jsonPath("$[?(@.ruleCode == 'EASI75-W4-STOP')].decision.outcome").value(hasItem("ACCEPTED")));
        postJson(rules(copy), doctor, EASI75_W4_STOP.replace("{", "{\"code\": \"EASI75-W4-STOP\", ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value(containsString("already used")));
        postJson(rules(copy), doctor, EASI75_W4_STOP).andExpect(status().isCreated()).andExpect(jsonPath("$.code").value("EASI75-W4-STOP-2"));
    }

    @Test
    void shippedTemplatesAreReadOnly() throws Exception {
        String shipped = shipped();
        List<Long> before = counts(TABLES);
        postJson(rules(shipped), doctor, EASI75_W4_STOP).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(startsWith("Shipped protocol templates are read-only: copy AD-REDNESS-EP")));
        send(put(rule(shipped, "EASI50-W8-INTERVAL")), "{\"rule\": " + EASI75_W4_STOP + ", \"reason\": \"mine now\"}")
                .andExpect(status().isConflict());
        send(delete(rule(shipped, "EASI50-W8-INTERVAL") + "?reason=not wanted"), "").andExpect(status().isConflict());
        assertThat(counts(TABLES)).isEqualTo(before);
        getJson(rules(shipped), doctor).andExpect(jsonPath("$[*].code").value(contains("EASI50-W8-INTERVAL", "EASI50-W8-MICRONEEDLING")));
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsWritten() throws Exception {
        List<Long> before = counts(TABLES);
        postJson(rules(copy), doctor, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.instrument").value(startsWith("choose the instrument")))
                .andExpect(jsonPath("$.errors.responseName").value(startsWith("give either a response")))
                .andExpect(jsonPath("$.errors.improvementBelow").value(startsWith("give either a response")))
                .andExpect(jsonPath("$.errors.byWeek").value(startsWith("a week of the course from 1 to 104")))
                .andExpect(jsonPath("$.errors.kind").value(startsWith("use one of")))
                .andExpect(jsonPath("$.errors.text").value("is required"));
        postJson(rules(copy), doctor, """
                {"code": "bad code!", "instrument": "GAIS", "responseName": "EASI-50", "byWeek": 0, "kind": "MAYBE",
                 "proposedRoute": "NOWHERE", "text": "%s"}""".formatted("x".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.instrument").value(startsWith("use one of the instruments with a score")))
                .andExpect(jsonPath("$.errors.byWeek").exists())
                .andExpect(jsonPath("$.errors.kind").exists())
                .andExpect(jsonPath("$.errors.proposedRoute").value(startsWith("use one of")))
                .andExpect(jsonPath("$.errors.text").value(startsWith("is too long (501 characters; at most 500)")))
                .andExpect(jsonPath("$.errors.code").value(startsWith("capital letters, digits and hyphens")));
        postJson(rules(copy), doctor, """
                {"instrument": "EASI", "responseName": "PASI-75", "improvementBelow": 20, "byWeek": 105, "kind": "CHANGE_ROUTE", "text": "t"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.responseName").value(containsString("not both")))
                .andExpect(jsonPath("$.errors.byWeek").exists())
                .andExpect(jsonPath("$.errors.proposedRoute").value("Change of route proposes a route: choose it"));
        postJson(rules(copy), doctor, """
                {"instrument": "EASI", "responseName": "PASI-75", "byWeek": 8, "kind": "REVIEW", "proposedRoute": "TOPICAL_INTACT_SKIN", "text": "t"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.responseName").value("use one of the responses of EASI: [EASI-50, EASI-75, EASI-90, EASI-100]"))
                .andExpect(jsonPath("$.errors.proposedRoute").value(startsWith("only a microneedling or route change suggestion")));
        postJson(rules(copy), doctor, """
                {"instrument": "MMASI", "responseName": "mMASI-50", "byWeek": 8, "kind": "REVIEW", "text": "t"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.responseName").value("mMASI has no named responses: give an improvement threshold instead"));
        for (String below : List.of("0", "-5", "100.5", "12.25")) {
            postJson(rules(copy), doctor, """
                    {"instrument": "MMASI", "improvementBelow": %s, "byWeek": 8, "kind": "REVIEW", "text": "t"}""".formatted(below))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.improvementBelow").exists())
                    .andExpect(jsonPath("$.errors.length()").value(1));
        }
        postJson(rules(copy), doctor, EASI75_W4_STOP.replace("{", "{\"code\": \"EASI50-W8-INTERVAL\", ")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.code").value("EASI50-W8-INTERVAL is already used in this template; choose another or leave it blank"));
        send(put(rule(copy, "EASI50-W8-INTERVAL")), "{\"rule\": {\"instrument\": \"EASI\"}, \"reason\": \"r\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.text").value("is required"));
        send(put(rule(copy, "NO-SUCH-RULE")), "{\"rule\": " + EASI75_W4_STOP + ", \"reason\": \"r\"}").andExpect(status().isNotFound());
        assertThat(counts(TABLES)).isEqualTo(before);
        // A threshold of 100 % is the edge that is allowed.
        postJson(rules(copy), doctor, """
                {"instrument": "MMASI", "improvementBelow": 100, "byWeek": 104, "kind": "REVIEW", "text": "t"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value("MMASI100-W104-REVIEW"));
    }

    @Test
    void anotherClinicFindsNoRulesAndTheLabIsNotLetIn() throws Exception {
        TestUser stranger = user(Role.CLINICIAN);
        scenarios.clinic("KR", stranger);
        TestUser analyst = user(Role.LAB_ANALYST);
        List<Long> before = counts(TABLES);

        getJson(rules(copy), stranger).andExpect(status().isNotFound());
        postJson(rules(copy), stranger, EASI75_W4_STOP).andExpect(status().isNotFound());
        send(put(rule(copy, "EASI50-W8-INTERVAL")), stranger, "{\"rule\": " + EASI75_W4_STOP + ", \"reason\": \"r\"}").andExpect(status().isNotFound());
        send(delete(rule(copy, "EASI50-W8-INTERVAL") + "?reason=r"), stranger, "").andExpect(status().isNotFound());

        getJson(rules(copy), analyst).andExpect(status().isForbidden());
        getJson(rules(shipped()), analyst).andExpect(status().isForbidden());
        postJson(rules(copy), analyst, EASI75_W4_STOP).andExpect(status().isForbidden());
        send(put(rule(copy, "EASI50-W8-INTERVAL")), analyst, "{\"rule\": " + EASI75_W4_STOP + ", \"reason\": \"r\"}").andExpect(status().isForbidden());
        send(delete(rule(copy, "EASI50-W8-INTERVAL") + "?reason=r"), analyst, "").andExpect(status().isForbidden());
        assertThat(counts(TABLES)).isEqualTo(before);
    }

    private String shipped() throws Exception {
        return scenarios.templateId("AD-REDNESS-EP", doctor);
    }

    private static String rules(String template) {
        return "/api/protocol-templates/" + template + "/adjustment-rules";
    }

    private static String rule(String template, String code) {
        return rules(template) + "/" + code;
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json) throws Exception {
        return send(request, doctor, json);
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, TestUser as, String json)
            throws Exception {
        if (!json.isEmpty()) request.contentType(MediaType.APPLICATION_JSON).content(json);
        return mvc.perform(request.with(as.basic()).accept(MediaType.APPLICATION_JSON));
    }

    private Map<String, Object> lastAudit() {
        return jdbc.sql("select action, old_value, new_value, reason from audit_entry where record_type = 'adjustment_rule' order by seq desc limit 1")
                .query().singleRow();
    }

    /** A cosmetic plan on {@code template} (electroporation, umbilical-cord MSC product) that started {@code weeks} weeks ago; its id. */
    private String planWeeksAgo(String patient, String template, int weeks) throws Exception {
        return scenarios.planFrom(patient, doctor, template, LocalDate.now().minusWeeks(weeks));
    }

    /** An EASI of the lower limbs only, 70 % of the area (area score 5): 0.4 x 5 x the sum of the four signs. */
    private void easi(String patient, String plan, LocalDate on, double erythema, double oedema, double excoriation, double lichenification)
            throws Exception {
        scenarios.lowerLimbEasi(patient, doctor, plan, on, erythema, oedema, excoriation, lichenification);
    }
}
