package org.exotrace.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * A session is traced to the one unit it used: the dose comes from the lot's concentration, the
 * unit is used once, and a unit that is foreign, unreleased, recalled or expired is refused, as is
 * a use the rules forbid for the source the unit really came from. Adverse events hang off the
 * session and its unit.
 */
class SessionIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser analyst;
    private TestUser qa;
    private TestUser doctor;
    private TestUser otherDoctor;
    private ClinicScenarios clinics;
    private LotScenarios lots;
    private String clinic;
    private String patient;
    private String plan;

    @BeforeEach
    void setUp() throws Exception {
        admin = user(Role.ADMIN);
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        doctor = user(Role.CLINICIAN);
        otherDoctor = user(Role.CLINICIAN);
        clinics = new ClinicScenarios(mvc, admin);
        lots = new LotScenarios(mvc, analyst);
        clinic = clinics.clinic("KR", doctor);
        clinics.clinic("KR", otherDoctor);
        patient = clinics.patient(clinic, doctor, "melasma");
        plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
    }

    @Test
    void aSessionIsTracedToItsUnitWithTheDoseFromTheLotsReleasedMeasuredConcentration() throws Exception {
        String lot = lots.passingLot();
        lots.release(lot, qa).andExpect(status().isOk());
        String certificate = read(getJson("/api/lots/" + lot + "/decisions", qa).andReturn(), "$[0].certificateNumber");
        List<String> units = clinics.split(lot, analyst, 2);
        clinics.shipAndReceive(clinic, analyst, doctor, units);

        getJson("/api/plans/" + plan + "/unit-preview?code=" + units.get(0).toLowerCase(), doctor).andExpect(status().isOk())
                .andExpect(jsonPath("$.usable").value(true)).andExpect(jsonPath("$.particlesPerMl").value(4.0e9))
                .andExpect(jsonPath("$.concentrationSource").value("MEASURED"))
                .andExpect(jsonPath("$.concentrationBasis").value("measured by scenario method, released " + LocalDate.now()
                        + ", certificate " + certificate))
                .andExpect(jsonPath("$.sourceTypes[0]").value("UMBILICAL_CORD_MSC"));
        long audits = count("audit_entry");
        MvcResult r = postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(0), 0.5))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.unitCode").value(units.get(0)))
                .andExpect(jsonPath("$.doseParticles").value(2.0e9))
                .andExpect(jsonPath("$.concentrationSource").value("MEASURED"))
                .andExpect(jsonPath("$.concentrationBasis").value(org.hamcrest.Matchers.endsWith("certificate " + certificate)))
                .andExpect(jsonPath("$.device.needleDepthMm").value(0.5))
                .andExpect(jsonPath("$.operator").value(doctor.username()))
                .andExpect(jsonPath("$.complianceVerdict").value("PERMITTED_WITH_CAUTION"))
                .andReturn();
        List<String> warnings = read(r, "$.warnings");
        assertThat(warnings).anyMatch(w -> w.contains("Permitted with caution"));
        assertThat(count("audit_entry")).isEqualTo(audits + 1);
        String audit = jdbc.sql("select new_value from audit_entry where record_type = 'treatment_session' order by seq desc limit 1")
                .query(String.class).single();
        assertThat(audit).contains(units.get(0)).contains("P-").doesNotContain("Test").doesNotContain("Patient\"");

        // The same unit cannot be used twice; the second unit is session 2, with the lot's concentration.
        postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(0), 0.5)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value(org.hamcrest.Matchers.containsString("was already used on")));
        postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(1), 1.0)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(2)).andExpect(jsonPath("$.doseParticles").value(4.0e9));
        getJson("/api/plans/" + plan + "/sessions", doctor).andExpect(jsonPath("$.length()").value(2));
        getJson("/api/plans/" + plan + "/sessions", otherDoctor).andExpect(status().isNotFound());
        getJson("/api/plans/" + plan + "/sessions", analyst).andExpect(status().isForbidden());
    }

    @Test
    void foreignUnreleasedRecalledAndExpiredUnitsAreRefusedAndNothingIsWritten() throws Exception {
        String released = lots.released(qa);
        List<String> units = clinics.split(released, analyst, 4);
        String elsewhere = clinics.clinic("KR", user(Role.CLINICIAN));
        TestUser elsewhereDoctor = user(Role.CLINICIAN);
        postJson("/api/clinics/" + elsewhere + "/members", admin, "{\"username\": \"" + elsewhereDoctor.username() + "\"}");
        clinics.shipAndReceive(elsewhere, analyst, elsewhereDoctor, List.of(units.get(0)));
        clinics.shipAndReceive(clinic, analyst, doctor, units.subList(1, 4));
        String inTesting = lots.lotInTesting();
        String unreleased = clinics.split(inTesting, analyst, 1).get(0);

        List<Long> before = counts("treatment_session", "audit_entry");
        assertThat(refusal(units.get(0))).anyMatch(r -> r.contains("was not received by this clinic"));
        assertThat(refusal(unreleased)).anyMatch(r -> r.contains("not received")).anyMatch(r -> r.contains("is in testing, not released"));
        assertThat(refusal("L-1999-0001-U001")).containsExactly("no unit has the code 'L-1999-0001-U001'; check the label");

        // The lot is found past its expiry date (the calendar moved on since it was received).
        jdbc.sql("update lot set expires_on = current_date - 1 where id = ?::uuid").param(released).update();
        assertThat(refusal(units.get(1))).anyMatch(r -> r.matches("lot L-.* expired on .*"));
        jdbc.sql("update lot set expires_on = current_date + 365 where id = ?::uuid").param(released).update();

        assertThat(counts("treatment_session", "audit_entry")).isEqualTo(before);

        // Recalled: QA puts the lot on hold.
        lots.sign(released, "quarantine", qa, qa.username(), qa.password(), "Recall: sterility failure at the filler")
                .andExpect(status().isOk());
        before = counts("treatment_session", "audit_entry");
        assertThat(refusal(units.get(2))).anyMatch(r -> r.contains("quarantined (on hold or recalled): do not use"));
        assertThat(counts("treatment_session", "audit_entry")).isEqualTo(before);
    }

    @Test
    void theRulesAreCheckedWithTheSourceTheUnitReallyCameFrom() throws Exception {
        TestUser usDoctor = user(Role.CLINICIAN);
        String us = clinics.clinic("US", usDoctor);
        String usPatient = clinics.patient(us, usDoctor, "androgenetic alopecia");
        // A human MSC product cannot be planned as plant material, which no US rule covers: the plan itself is refused.
        long plans = count("treatment_plan");
        postJson("/api/patients/" + usPatient + "/plans", usDoctor, "{\"templateId\": \""
                + clinics.templateId("AGA-INTRADERMAL", usDoctor) + "\", \"productCode\": \"HMSC-EXO-INJ\", \"sourceType\": \"PLANT\", "
                + "\"purpose\": \"COSMETIC\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceType").value(containsString("made from umbilical-cord MSC")));
        assertThat(count("treatment_plan")).isEqualTo(plans);

        // Planned as bone-marrow MSC, the unit's umbilical-cord material is what the session is checked and recorded with.
        String bmPlan = read(postJson("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \""
                + clinics.templateId("MELASMA-MN", doctor) + "\", \"productCode\": \"" + LotScenarios.PRODUCT
                + "\", \"sourceType\": \"BONE_MARROW_MSC\", \"purpose\": \"COSMETIC\", \"confirmDuplicate\": true}")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        MvcResult recorded = postJson("/api/plans/" + bmPlan + "/sessions", doctor, session(units.get(0), 0.5))
                .andExpect(status().isCreated()).andReturn();
        List<String> warnings = read(recorded, "$.warnings");
        assertThat(warnings).contains("the unit's source is Umbilical-cord MSC; the plan named Bone-marrow MSC: checked against the rules "
                + "with the unit's real source");
    }

    @Test
    void badSessionsAreRefusedNamingEachFieldAndAreNeverWrittenWithoutConsent() throws Exception {
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        List<Long> before = counts("treatment_session", "audit_entry");
        MvcResult r = postJson("/api/plans/" + plan + "/sessions", doctor, """
                {"unitCode": "%s", "volumeMl": 5, "route": "SNORTED", "area": "", "needleDepthMm": 9, "passes": 0,
                 "side": "MIDDLE", "operator": "%s"}""".formatted(units.get(0), otherDoctor.username()))
                .andExpect(status().isBadRequest()).andReturn();
        Map<String, String> errors = read(r, "$.errors");
        assertThat(errors).containsKeys("volumeMl", "route", "area", "needleDepthMm", "passes", "side", "operator");
        assertThat(errors.get("volumeMl")).isEqualTo("the unit holds 1.0 mL; 5.0 mL cannot come from it");
        assertThat(errors.get("needleDepthMm")).isEqualTo("must be from 0 to 5 mm, was 9");
        postJson("/api/plans/" + plan + "/sessions", doctor, "{\"unitCode\": \"" + units.get(0) + "\", \"volumeMl\": 0.5, \"area\": \"face\\u0000\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.area").value("contains a control character (such as NUL); remove it"));
        postJson("/api/plans/" + plan + "/sessions", doctor, "{\"volumeMl\": 0.5, \"area\": \"face\", \"performedOn\": \""
                + LocalDate.now().plusDays(1) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.unitCode").value("scan or type the unit's code from its label"))
                .andExpect(jsonPath("$.errors.performedOn").value("cannot be in the future"));

        String consent = read(getJson("/api/patients/" + patient + "/consents", doctor).andReturn(), "$[0].id");
        postJson("/api/patient-consents/" + consent + "/withdrawal", doctor, "{\"reason\": \"changed her mind\"}").andExpect(status().isOk());
        long audits = count("audit_entry");
        postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(0), 0.5)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("No treatment consent"));
        assertThat(count("treatment_session")).isEqualTo(before.get(0));
        assertThat(count("audit_entry")).isEqualTo(audits);
    }

    @Test
    void adverseEventsAreLinkedToTheSessionAndItsUnitAndFollowedUpWithAReason() throws Exception {
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        String session = read(postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(0), 0.5))
                .andExpect(status().isCreated()).andReturn(), "$.id");

        List<Long> before = counts("adverse_event", "audit_entry");
        MvcResult bad = postJson("/api/sessions/" + session + "/adverse-events", doctor, """
                {"term": "", "onsetOn": "%s", "severity": "HUGE", "causality": "MAYBE", "outcome": "FATAL", "resolvedOn": "%s"}"""
                .formatted(LocalDate.now().minusYears(1), LocalDate.now())).andExpect(status().isBadRequest()).andReturn();
        Map<String, String> errors = read(bad, "$.errors");
        assertThat(errors).containsKeys("term", "onsetOn", "severity", "causality", "seriousness", "resolvedOn");
        assertThat(counts("adverse_event", "audit_entry")).isEqualTo(before);

        String event = read(postJson("/api/sessions/" + session + "/adverse-events", doctor, """
                {"term": "Erythema and oedema at treated area", "onsetOn": "%s", "severity": "MODERATE", "seriousness": [],
                 "causality": "PROBABLE", "outcome": "RECOVERING", "actionTaken": "cold compresses; topical steroid 3 days"}"""
                .formatted(LocalDate.now())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitCode").value(units.get(0)))
                .andExpect(jsonPath("$.lotCode").value(org.hamcrest.Matchers.startsWith("L-")))
                .andExpect(jsonPath("$.serious").value(false)).andReturn(), "$.id");
        postJson("/api/adverse-events/" + event + "/follow-ups", doctor, "{\"outcome\": \"RECOVERED\", \"resolvedOn\": \"" + LocalDate.now() + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").value("is required"));
        postJson("/api/adverse-events/" + event + "/follow-ups", doctor, "{\"outcome\": \"RECOVERED\", \"resolvedOn\": \"" + LocalDate.now()
                + "\", \"reason\": \"seen at day 5, resolved\"}").andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("RECOVERED"));
        assertThat(jdbc.sql("select reason from audit_entry where record_type = 'adverse_event' and action = 'FOLLOW_UP' and record_id = ?")
                .param(event).query(String.class).single()).isEqualTo("seen at day 5, resolved");

        postJson("/api/sessions/" + session + "/adverse-events", doctor, """
                {"term": "Anaphylaxis", "onsetOn": "%s", "severity": "SEVERE", "seriousness": ["HOSPITALIZATION", "LIFE_THREATENING"],
                 "causality": "POSSIBLE", "outcome": "RECOVERED", "resolvedOn": "%s"}""".formatted(LocalDate.now(), LocalDate.now()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.serious").value(true))
                .andExpect(jsonPath("$.seriousness.length()").value(2));
        getJson("/api/patients/" + patient + "/adverse-events", doctor).andExpect(jsonPath("$.length()").value(2));
        getJson("/api/patients/" + patient + "/adverse-events", otherDoctor).andExpect(status().isNotFound());
        getJson("/api/adverse-events/" + event, otherDoctor).andExpect(status().isNotFound());
        postJson("/api/sessions/" + session + "/adverse-events", analyst, "{}").andExpect(status().isForbidden());
    }

    @Test
    void onASplitFacePlanTheSessionSideFollowsTheAllocationAndIsConcealedFromTheBlindedAssessor() throws Exception {
        TestUser assessor = user(Role.CLINICIAN);
        postJson("/api/clinics/" + clinic + "/members", admin, "{\"username\": \"" + assessor.username() + "\"}").andExpect(status().isNoContent());
        String splitPlan = read(postJson("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \""
                + clinics.templateId("PHOTOAGING-MN", doctor) + "\", \"productCode\": \"" + LotScenarios.PRODUCT
                + "\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\", \"allocation\": \"RIGHT\", \"blindedAssessor\": \""
                + assessor.username() + "\"}").andExpect(status().isCreated()).andReturn(), "$.id");
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        String session = read(postJson("/api/plans/" + splitPlan + "/sessions", doctor,
                "{\"unitCode\": \"" + units.get(0) + "\", \"volumeMl\": 0.5, \"area\": \"cheek\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.side").value("RIGHT")).andReturn(), "$.id");

        getJson("/api/sessions/" + session, doctor).andExpect(jsonPath("$.side").value("RIGHT"));
        postJson("/api/plans/" + splitPlan + "/sessions", assessor, "{\"unitCode\": \"" + units.get(0) + "\", \"volumeMl\": 0.5, \"area\": \"cheek\"}")
                .andExpect(status().isForbidden());
        getJson("/api/plans/" + splitPlan + "/suggestions", assessor).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        MvcResult blinded = getJson("/api/plans/" + splitPlan + "/sessions", assessor).andExpect(status().isOk()).andReturn();
        assertThat(blinded.getResponse().getContentAsString()).doesNotContain("RIGHT").doesNotContain("LEFT");
        getJson("/api/sessions/" + session, assessor).andExpect(jsonPath("$.side").doesNotExist());
        assertThat(getJson("/api/patients/" + patient + "/sessions", assessor).andReturn().getResponse().getContentAsString())
                .doesNotContain("RIGHT");
    }

    @Test
    void aUnitCannotBeRecordedAsUsedBeforeItArrived() throws Exception {
        String earlier = read(postJson("/api/patients/" + patient + "/plans", doctor, "{\"templateId\": \""
                + clinics.templateId("MELASMA-MN", doctor) + "\", \"productCode\": \"" + LotScenarios.PRODUCT
                + "\", \"sourceType\": \"UMBILICAL_CORD_MSC\", \"purpose\": \"COSMETIC\", \"confirmDuplicate\": true, \"startOn\": \""
                + LocalDate.now().minusDays(10) + "\"}")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        MvcResult r = postJson("/api/plans/" + earlier + "/sessions", doctor, "{\"unitCode\": \"" + units.get(0) + "\", \"volumeMl\": 0.5, "
                + "\"area\": \"face\", \"performedOn\": \"" + LocalDate.now().minusDays(5) + "\"}").andExpect(status().isUnprocessableContent()).andReturn();
        assertThat((List<String>) read(r, "$.reasons")).containsExactly("unit " + units.get(0) + " was received here on " + LocalDate.now()
                + ", after " + LocalDate.now().minusDays(5));
    }

    @Test
    void oneUnitScannedForTwoPlansAtTheSameMomentIsUsedOnceAndTheOtherRequestIsRefusedNotFailed() throws Exception {
        String other = clinics.plan(patient, doctor, "AD-REDNESS-EP", LotScenarios.PRODUCT);
        List<String> units = clinics.split(lots.released(qa), analyst, 1);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (String p : List.of(plan, other)) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return postJson("/api/plans/" + p + "/sessions", doctor, session(units.get(0), 0.5)).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var f : statuses) codes.add(f.get());
            assertThat(codes).containsOnlyOnce(201).allMatch(c -> c == 201 || c == 409 || c == 422);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from treatment_session where unit_code = ?").param(units.get(0)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSessionRecordedInErrorIsVoidedWithAReasonAndGivesBackItsUnitAndNumber() throws Exception {
        List<String> units = clinics.split(lots.released(qa), analyst, 2);
        clinics.shipAndReceive(clinic, analyst, doctor, units);
        String wrong = read(postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(0), 0.5)).andExpect(status().isCreated())
                .andReturn(), "$.id");

        List<Long> before = counts("treatment_session", "audit_entry");
        postJson("/api/sessions/" + wrong + "/void", doctor, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").value("is required"));
        postJson("/api/sessions/" + wrong + "/void", otherDoctor, "{\"reason\": \"x\"}").andExpect(status().isNotFound());
        assertThat(counts("treatment_session", "audit_entry")).isEqualTo(before);
        postJson("/api/sessions/" + wrong + "/void", doctor, "{\"reason\": \"scanned the unit from the next tray\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("scanned the unit from the next tray"));
        postJson("/api/sessions/" + wrong + "/void", doctor, "{\"reason\": \"again\"}").andExpect(status().isConflict());
        assertThat(jdbc.sql("select reason from audit_entry where record_type = 'treatment_session' and action = 'VOID' and record_id = ?")
                .param(wrong).query(String.class).single()).isEqualTo("scanned the unit from the next tray");

        // The voided session is kept but out of the plan's sessions; its unit and its number are free again.
        getJson("/api/plans/" + plan + "/sessions", doctor).andExpect(jsonPath("$.length()").value(0));
        getJson("/api/plans/" + plan + "/voided-sessions", doctor).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].session.unitCode").value(units.get(0)));
        String right = read(postJson("/api/plans/" + plan + "/sessions", doctor, session(units.get(1), 0.5)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.number").value(1)).andReturn(), "$.id");
        postJson("/api/sessions/" + wrong + "/adverse-events", doctor, "{\"term\": \"Erythema\", \"onsetOn\": \"" + LocalDate.now()
                + "\", \"severity\": \"MILD\", \"causality\": \"POSSIBLE\", \"outcome\": \"RECOVERING\"}").andExpect(status().isConflict());
        getJson("/api/plans/" + plan + "/unit-preview?code=" + units.get(0), doctor).andExpect(jsonPath("$.usable").value(true));

        // A session with an adverse event stays on record.
        postJson("/api/sessions/" + right + "/adverse-events", doctor, "{\"term\": \"Erythema\", \"onsetOn\": \"" + LocalDate.now()
                + "\", \"severity\": \"MILD\", \"causality\": \"POSSIBLE\", \"outcome\": \"RECOVERING\"}").andExpect(status().isCreated());
        postJson("/api/sessions/" + right + "/void", doctor, "{\"reason\": \"oops\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("has adverse events")));
    }

    private List<String> refusal(String unit) throws Exception {
        MvcResult r = postJson("/api/plans/" + plan + "/sessions", doctor, session(unit, 0.5)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(422);
        return read(r, "$.reasons");
    }

    private static String session(String unit, double volumeMl) {
        return """
                {"unitCode": "%s", "volumeMl": %s, "device": "Dermapen 4", "needleDepthMm": 0.5, "passes": 3, "area": "full face", "side": "BOTH"}"""
                .formatted(unit, volumeMl);
    }
}
