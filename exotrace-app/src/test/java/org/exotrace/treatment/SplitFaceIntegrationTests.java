package org.exotrace.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Split-face plans: the side that receives the exosome product is drawn (or chosen) at planning,
 * committed to in the audit trail without being revealed there, and concealed from the plan's
 * blinded assessor while the rest of the staff see it. A clinic edits its own copies of templates,
 * with a reason; shipped templates stay as published.
 */
class SplitFaceIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser doctor;
    private TestUser assessor;
    private TestUser colleague;
    private TestUser elsewhere;
    private ClinicScenarios scenarios;
    private String clinic;
    private String patient;

    @BeforeEach
    void setUp() throws Exception {
        admin = user(Role.ADMIN);
        doctor = user(Role.CLINICIAN);
        assessor = user(Role.CLINICIAN);
        colleague = user(Role.CLINICIAN);
        elsewhere = user(Role.CLINICIAN);
        scenarios = new ClinicScenarios(mvc, admin);
        clinic = scenarios.clinic("KR", doctor, assessor, colleague);
        patient = scenarios.patient(clinic, doctor, "photoaging");
        scenarios.clinic("KR", elsewhere);
    }

    @Test
    void aRandomizedAllocationIsConcealedFromTheBlindedAssessorButNotFromTheRestOfTheStaff() throws Exception {
        MvcResult planned = postJson("/api/patients/" + patient + "/plans", doctor, splitPlan("RANDOM", assessor.username()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.design").value("SPLIT_FACE"))
                .andExpect(jsonPath("$.comparator").value("saline"))
                .andExpect(jsonPath("$.randomized").value(true))
                .andExpect(jsonPath("$.blindedAssessor").value(assessor.username()))
                .andExpect(jsonPath("$.allocationConcealed").value(false))
                .andReturn();
        String plan = read(planned, "$.id");
        String side = read(planned, "$.treatedSide");
        assertThat(side).isIn("LEFT", "RIGHT");
        String other = side.equals("LEFT") ? "Right" : "Left";
        assertThat((String) read(planned, "$.allocation")).isEqualTo("exosome product " + Side.valueOf(side).label() + ", saline " + other);

        getJson("/api/plans/" + plan, colleague).andExpect(status().isOk()).andExpect(jsonPath("$.treatedSide").value(side));

        for (String path : List.of("/api/plans/" + plan, "/api/patients/" + patient + "/plans")) {
            String body = getJson(path, assessor).andExpect(status().isOk())
                    .andExpect(jsonPath(path.endsWith("plans") ? "$[0].allocation" : "$.allocation").value("allocation concealed"))
                    .andExpect(jsonPath(path.endsWith("plans") ? "$[0].allocationConcealed" : "$.allocationConcealed").value(true))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).doesNotContain("LEFT").doesNotContain("RIGHT").doesNotContain("Left").doesNotContain("Right")
                    .doesNotContain(salt(plan));
        }

        Map<String, Object> audit = jdbc.sql("select actor, new_value from audit_entry where record_type = 'treatment_plan' and record_id = ?")
                .param(plan).query().singleRow();
        String entry = (String) audit.get("new_value");
        assertThat(entry).contains("\"randomized\":true").contains("\"allocation\":\"concealed\"").contains("\"design\":\"SPLIT_FACE\"")
                .doesNotContain("LEFT").doesNotContain("RIGHT").doesNotContain(salt(plan));

        // Revealing the side and the salt later proves the allocation was the one fixed at planning.
        String commitment = read(planned, "$.allocationCommitment");
        assertThat(entry).contains("\"allocationCommitment\":\"" + commitment + "\"");
        assertThat(TreatmentPlans.commitment(UUID.fromString(plan), Side.valueOf(side), salt(plan))).isEqualTo(commitment);
        Side otherSide = side.equals("LEFT") ? Side.RIGHT : Side.LEFT;
        assertThat(TreatmentPlans.commitment(UUID.fromString(plan), otherSide, salt(plan))).isNotEqualTo(commitment);
    }

    /** Sixteen draws all on one side would happen once in 32,768 runs with a fair draw; a constant side fails every time. */
    @Test
    void randomizationDrawsBothSides() throws Exception {
        Set<String> sides = new HashSet<>();
        for (int i = 0; i < 16 && sides.size() < 2; i++) {
            sides.add(read(postJson("/api/patients/" + patient + "/plans", doctor, splitPlan("RANDOM", null)).andExpect(status().isCreated())
                    .andReturn(), "$.treatedSide"));
        }
        assertThat(sides).containsExactlyInAnyOrder("LEFT", "RIGHT");
    }

    @Test
    void aSideChosenByTheClinicianIsKeptAndNotCalledRandomized() throws Exception {
        MvcResult planned = postJson("/api/patients/" + patient + "/plans", doctor, splitPlan("left", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.treatedSide").value("LEFT"))
                .andExpect(jsonPath("$.randomized").value(false))
                .andExpect(jsonPath("$.allocation").value("exosome product Left, saline Right"))
                .andReturn();
        String plan = read(planned, "$.id");
        getJson("/api/plans/" + plan, assessor).andExpect(jsonPath("$.treatedSide").value("LEFT"));
        String entry = jdbc.sql("select new_value from audit_entry where record_type = 'treatment_plan' and record_id = ?").param(plan)
                .query(String.class).single();
        assertThat(entry).contains("\"randomized\":false").contains("\"allocation\":\"concealed\"").doesNotContain("LEFT");
    }

    @Test
    void aBlindedAssessorMustBeAnotherClinicianOfTheSameClinic() throws Exception {
        List<Long> before = counts("treatment_plan", "plan_visit", "audit_entry");
        postJson("/api/patients/" + patient + "/plans", doctor, splitPlan("RANDOM", elsewhere.username()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.blindedAssessor").value(containsString("no clinician named '" + elsewhere.username() + "' works at")));
        postJson("/api/patients/" + patient + "/plans", doctor, splitPlan("RANDOM", doctor.username()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.blindedAssessor").value(containsString("you make the allocation, so you know it")));
        postJson("/api/patients/" + patient + "/plans", doctor, splitPlan("BOTH", null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.allocation").value(containsString("LEFT, RIGHT or RANDOM")));
        postJson("/api/patients/" + patient + "/plans", doctor, """
                {"templateId": "%s", "productCode": "HMSC-EXO-SERUM", "sourceType": "UMBILICAL_CORD_MSC", "purpose": "COSMETIC",
                 "allocation": "LEFT", "blindedAssessor": "%s"}""".formatted(scenarios.templateId("MELASMA-MN", doctor), assessor.username()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.allocation").value(containsString("only a split-face design allocates sides")))
                .andExpect(jsonPath("$.errors.blindedAssessor").value("a blinded assessor is named for split-face designs only"));
        assertThat(counts("treatment_plan", "plan_visit", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aClinicsCopyIsEditedWithAReasonAndEarlierPlansKeepTheirSchedule() throws Exception {
        String copy = read(postJson("/api/protocol-templates/" + scenarios.templateId("PHOTOAGING-MN", doctor) + "/copies", doctor,
                "{\"clinicId\": \"" + clinic + "\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.design").value("SPLIT_FACE")).andExpect(jsonPath("$.comparator").value("saline")).andReturn(), "$.id");
        MvcResult earlier = postJson("/api/patients/" + patient + "/plans", doctor, """
                {"templateId": "%s", "productCode": "HMSC-EXO-SERUM", "sourceType": "UMBILICAL_CORD_MSC", "purpose": "COSMETIC",
                 "confirmDuplicate": true}"""
                .formatted(copy)).andExpect(status().isCreated()).andExpect(jsonPath("$.visits.length()").value(4)).andReturn();
        String earlierPlan = read(earlier, "$.id");
        List<String> earlierVisits = read(earlier, "$.visits[*].dueOn");

        put(copy, doctor, edit("Photoaging, 4 sessions every 2 weeks", 4, 14, "14, 56", "SPLIT_FACE", "hyaluronic acid serum",
                "the clinic's microneedling device needs shorter intervals"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Photoaging, 4 sessions every 2 weeks"))
                .andExpect(jsonPath("$.sessions").value(4))
                .andExpect(jsonPath("$.intervalDays").value(14))
                .andExpect(jsonPath("$.followUpDays[1]").value(56))
                .andExpect(jsonPath("$.comparator").value("hyaluronic acid serum"));

        Map<String, Object> entry = jdbc.sql("""
                select actor, action, old_value, new_value, reason from audit_entry
                where record_type = 'protocol_template' and record_id = ? and action = 'UPDATE'""").param(copy).query().singleRow();
        assertThat(entry.get("actor")).isEqualTo(doctor.username());
        assertThat(entry.get("reason")).isEqualTo("the clinic's microneedling device needs shorter intervals");
        assertThat((String) entry.get("old_value")).contains("\"sessions\":3").contains("\"comparator\":\"saline\"");
        assertThat((String) entry.get("new_value")).contains("\"sessions\":4").contains("\"followUpDays\":[14,56]")
                .contains("\"comparator\":\"hyaluronic acid serum\"");

        MvcResult kept = getJson("/api/plans/" + earlierPlan, doctor).andExpect(jsonPath("$.comparator").value("saline")).andReturn();
        assertThat((List<String>) read(kept, "$.visits[*].dueOn")).isEqualTo(earlierVisits);
        postJson("/api/patients/" + patient + "/plans", doctor, """
                {"templateId": "%s", "productCode": "HMSC-EXO-SERUM", "sourceType": "UMBILICAL_CORD_MSC", "purpose": "COSMETIC",
                 "confirmDuplicate": true}"""
                .formatted(copy)).andExpect(status().isCreated()).andExpect(jsonPath("$.visits.length()").value(6))
                .andExpect(jsonPath("$.comparator").value("hyaluronic acid serum"));

        put(copy, elsewhere, edit("Mine now", 1, 0, "", "PARALLEL", null, "taking over")).andExpect(status().isNotFound());

        List<Long> before = counts("audit_entry");
        put(copy, doctor, edit("Photoaging, 4 sessions every 2 weeks", 4, 14, "14,56", "SPLIT_FACE", "hyaluronic acid serum", "saved twice"))
                .andExpect(status().isOk());
        assertThat(counts("audit_entry")).as("an edit that changes nothing is not audited").isEqualTo(before);
    }

    @Test
    void aShippedTemplateIsReadOnly() throws Exception {
        String shipped = scenarios.templateId("PHOTOAGING-MN", doctor);
        List<Long> before = counts("protocol_template", "audit_entry");
        put(shipped, doctor, edit("Better photoaging", 3, 21, "42", "SPLIT_FACE", "saline", "improving it"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("Shipped protocol templates are read-only: copy PHOTOAGING-MN to your clinic")));
        assertThat(counts("protocol_template", "audit_entry")).isEqualTo(before);
        getJson("/api/protocol-templates/" + shipped, doctor).andExpect(jsonPath("$.name").value(containsString("split-face vs saline")));
    }

    @Test
    void badEditsNameEveryWrongFieldAndWriteNothing() throws Exception {
        String copy = read(postJson("/api/protocol-templates/" + scenarios.templateId("HYPERPIG-HOME", doctor) + "/copies", doctor,
                "{\"clinicId\": \"" + clinic + "\"}").andExpect(status().isCreated()).andReturn(), "$.id");
        List<Long> before = counts("protocol_template", "audit_entry");
        put(copy, doctor, edit(" ", 0, 400, "28, -3", "SPLIT_FACE", " ", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("is required"))
                .andExpect(jsonPath("$.errors.sessions").value("a whole number from 1 to 100"))
                .andExpect(jsonPath("$.errors.intervalDays").value("days between sessions, from 0 to 365"))
                .andExpect(jsonPath("$.errors.followUpDays").value(containsString("'-3' is not a day from 1 to 730")))
                .andExpect(jsonPath("$.errors.comparator").value(containsString("a split-face design names what the other side receives")))
                .andExpect(jsonPath("$.errors.reason").value("say why the template changes"));
        put(copy, doctor, edit("Hyperpigmentation", 1, 0, "56, 28, 731", "CROSSOVER", null, "reorder"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.followUpDays").value(containsString("'731' is not a day from 1 to 730")))
                .andExpect(jsonPath("$.errors.design").value("use one of [PARALLEL, SPLIT_FACE]"));
        put(copy, doctor, edit("Hyperpigmentation", 1, 0, "56, 28", "PARALLEL", null, "reorder"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.followUpDays").value("list each day once, in increasing order, e.g. 28, 84"));
        assertThat(counts("protocol_template", "audit_entry")).isEqualTo(before);
        getJson("/api/protocol-templates/" + copy, doctor).andExpect(jsonPath("$.sessions").value(1))
                .andExpect(jsonPath("$.comparator").value("placebo cream"));
    }

    private String splitPlan(String allocation, String blindedAssessor) throws Exception {
        return """
                {"templateId": "%s", "productCode": "HMSC-EXO-SERUM", "sourceType": "UMBILICAL_CORD_MSC", "purpose": "COSMETIC",
                 "confirmDuplicate": true, "allocation": "%s"%s}""".formatted(scenarios.templateId("PHOTOAGING-MN", doctor), allocation,
                blindedAssessor == null ? "" : ", \"blindedAssessor\": \"" + blindedAssessor + "\"");
    }

    private static String edit(String name, int sessions, int interval, String followUps, String design, String comparator, String reason) {
        return """
                {"template": {"name": %s, "sessions": %d, "intervalDays": %d, "followUpDays": "%s", "primaryEndpoint": "GAIS",
                  "delivery": "as published", "design": "%s", "comparator": %s}, "reason": "%s"}"""
                .formatted(name == null ? "null" : "\"" + name + "\"", sessions, interval, followUps, design,
                        comparator == null ? "null" : "\"" + comparator + "\"", reason);
    }

    private ResultActions put(String template, TestUser as, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/protocol-templates/" + template)
                .with(as.basic()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String salt(String plan) {
        return jdbc.sql("select allocation_salt from treatment_plan where id = ?").param(UUID.fromString(plan)).query(String.class).single();
    }
}
