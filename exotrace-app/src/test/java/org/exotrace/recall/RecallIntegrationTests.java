package org.exotrace.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A recall on a small network built through the API: lot P (three units: one used at clinic A before
 * the recall, one in stock at A, one still in the lab), its derivative D (one unit at clinic B) and a
 * pool Q of P and another lot (one unit at A, one at B). The tests run in order, as a recall does:
 * opening, look-back, a second recall over the same units, the refused closures, the accounting and
 * the signed closure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecallIntegrationTests extends IntegrationTest {

    private TestUser analyst;
    private TestUser qa;
    private TestUser compliance;
    private TestUser doctorA;
    private TestUser doctorB;
    private String clinicA;
    private String clinicB;
    private String pCode;
    private String dCode;
    private List<String> pUnits;
    private List<String> dUnits;
    private List<String> qUnits;
    private String patientA;
    private String planA;
    private String recallId;

    @BeforeAll
    void network() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        compliance = user(Role.COMPLIANCE_OFFICER);
        doctorA = user(Role.CLINICIAN);
        doctorB = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        LotScenarios lots = new LotScenarios(mvc, analyst);
        clinicA = clinics.clinic("KR", doctorA);
        clinicB = clinics.clinic("KR", doctorB);
        String p = lots.lotInTesting(lots.humanDonor(LotScenarios.PRODUCT_SCOPES));
        String other = lots.lotInTesting(lots.humanDonor(LotScenarios.PRODUCT_SCOPES));
        String d = read(postJson("/api/lots/" + p + "/derivatives", analyst, """
                {"productCode": "%s", "concentrationPerMl": 2.0E9, "volumeMl": 5, "manufacturedOn": "%s"}"""
                .formatted(LotScenarios.PRODUCT, LocalDate.now())).andExpect(status().isCreated()).andReturn(), "$.id");
        String q = read(postJson("/api/lots/pools", analyst, """
                {"parentLotIds": ["%s", "%s"], "productCode": "%s", "concentrationPerMl": 3.0E9, "volumeMl": 8, "manufacturedOn": "%s"}"""
                .formatted(p, other, LotScenarios.PRODUCT, LocalDate.now())).andExpect(status().isCreated()).andReturn(), "$.id");
        for (String lot : List.of(p, d, q)) {
            lots.allRequiredResultsPassing(lot);
            lots.release(lot, qa).andExpect(status().isOk());
        }
        pCode = read(lots.lot(p, analyst), "$.code");
        dCode = read(lots.lot(d, analyst), "$.code");
        pUnits = clinics.split(p, analyst, 3);
        dUnits = clinics.split(d, analyst, 1);
        qUnits = clinics.split(q, analyst, 2);
        clinics.shipAndReceive(clinicA, analyst, doctorA, List.of(pUnits.get(0), pUnits.get(1), qUnits.get(0)));
        clinics.shipAndReceive(clinicB, analyst, doctorB, List.of(dUnits.get(0), qUnits.get(1)));
        String patient = read(postJson("/api/clinics/" + clinicA + "/patients", doctorA, """
                {"givenName": "Test", "familyName": "Recalled", "dateOfBirth": "1985-02-01", "sex": "FEMALE", "indications": ["melasma"]}""")
                .andExpect(status().isCreated()).andReturn(), "$.id");
        clinics.treatmentConsent(patient, doctorA);
        planA = clinics.plan(patient, doctorA, "MELASMA-MN", LotScenarios.PRODUCT);
        session(pUnits.get(0)).andExpect(status().isCreated());
        patientA = read(getJson("/api/patients/" + patient, doctorA).andExpect(status().isOk()).andReturn(), "$.pseudonym");
    }

    @Test
    @Order(1)
    void badInputIsRefusedAsProblemJsonAndWritesNothing() throws Exception {
        List<Long> before = counts("recall", "recall_unit", "recall_notice", "recall_hold");
        postJson("/api/recalls", qa, "{\"lotCode\": \"L-1999-9999\", \"recallClass\": \"IV\", \"reason\": \"\"}")
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.lotCode").exists()).andExpect(jsonPath("$.errors.recallClass").exists())
                .andExpect(jsonPath("$.errors.reason").exists());
        postJson("/api/recalls", qa, """
                {"lotCode": "%s", "recallClass": "II", "reason": "Endotoxin", "scope": "CHOSEN_UNITS", "unitCodes": ["%s", "L-1999-9999-U001"]}"""
                .formatted(dCode, dUnits.get(0))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.unitCodes").value(org.hamcrest.Matchers.containsString("L-1999-9999-U001")));
        postJson("/api/recalls", compliance, "{\"lotCode\": \"%s\", \"recallClass\": \"I\", \"reason\": \"x\"}".formatted(pCode))
                .andExpect(status().isForbidden());
        postJson("/api/recalls", doctorA, "{\"lotCode\": \"%s\", \"recallClass\": \"I\", \"reason\": \"x\"}".formatted(pCode))
                .andExpect(status().isForbidden());
        assertThat(counts("recall", "recall_unit", "recall_notice", "recall_hold")).isEqualTo(before);
        // nothing is held by a refused recall
        assertThat(check(clinicA, doctorA, pUnits.get(1))).isEmpty();
    }

    @Test
    @Order(2)
    void openingHoldsEveryUnitOfTheLotAndItsDescendantsAtOnceAndNotifiesEachClinic() throws Exception {
        long auditBefore = count("audit_entry");
        MvcResult r = postJson("/api/recalls", qa, """
                {"lotCode": "%s", "recallClass": "I", "reason": "Sterility failure found on the retained sample"}""".formatted(pCode.toLowerCase()))
                .andExpect(status().isCreated()).andReturn();
        recallId = read(r, "$.recall.id");
        assertThat(IntegrationTest.<String>read(r, "$.recall.state")).isEqualTo("OPEN");
        assertThat(IntegrationTest.<Integer>read(r, "$.effectiveness.overall.total")).isEqualTo(6);
        assertThat(IntegrationTest.<List<String>>read(r, "$.notices[*].clinicId")).containsExactlyInAnyOrder(clinicA, clinicB);
        assertThat(count("audit_entry") - auditBefore).as("the recall and its two notices").isEqualTo(3);

        MvcResult units = getJson("/api/recalls/" + recallId + "/units", compliance).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<String>>read(units, "$[*].unitCode")).containsExactlyInAnyOrder(pUnits.get(0), pUnits.get(1), pUnits.get(2),
                dUnits.get(0), qUnits.get(0), qUnits.get(1));
        assertThat(IntegrationTest.<List<String>>read(units, "$[?(@.unitCode == '" + pUnits.get(2) + "')].clinicId")).as("in the lab").isEmpty();
        assertThat(IntegrationTest.<List<String>>read(units, "$[?(@.unitCode == '" + pUnits.get(1) + "')].clinicId")).containsExactly(clinicA);

        // refused at the scan, at the session and at shipment, in the lot, its derivative and its pool
        assertThat(check(clinicA, doctorA, pUnits.get(1))).anyMatch(reason -> reason.contains("under recall"));
        assertThat(check(clinicA, doctorA, qUnits.get(0))).anyMatch(reason -> reason.contains("under recall"));
        assertThat(check(clinicB, doctorB, dUnits.get(0))).anyMatch(reason -> reason.contains("under recall"));
        long sessions = count("treatment_session");
        session(pUnits.get(1)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reasons[*]").value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("under recall"))));
        assertThat(count("treatment_session")).isEqualTo(sessions);
        postJson("/api/shipments", analyst, "{\"clinicId\": \"%s\", \"unitCodes\": [\"%s\"]}".formatted(clinicA, pUnits.get(2)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reasons[0]").value(org.hamcrest.Matchers.containsString("under recall")));
    }

    @Test
    @Order(3)
    void aUnitUsedBeforeTheRecallIsListedAsUsedWithItsPatientOnTheLookBack() throws Exception {
        MvcResult units = getJson("/api/recalls/" + recallId + "/units", qa).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<String>>read(units, "$[?(@.unitCode == '" + pUnits.get(0) + "')].status")).containsExactly("USED");
        assertThat(IntegrationTest.<List<Boolean>>read(units, "$[?(@.unitCode == '" + pUnits.get(0) + "')].usedBefore")).containsExactly(true);

        MvcResult lookBack = getJson("/api/recalls/" + recallId + "/look-back", qa).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<String>>read(lookBack, "$[*].pseudonym")).containsExactly(patientA);
        assertThat(lookBack.getResponse().getContentAsString()).as("QA sees pseudonyms only").doesNotContain("Recalled");

        String noticeA = notice(doctorA);
        MvcResult forA = getJson("/api/recall-notices/" + noticeA, doctorA).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<String>>read(forA, "$.lookBack[*].patientName")).containsExactly("Test Recalled");
        assertThat(IntegrationTest.<List<String>>read(forA, "$.units[*].unitCode")).containsExactlyInAnyOrder(pUnits.get(0), pUnits.get(1),
                qUnits.get(0));
        // clinic B's clinician sees nothing of clinic A's notice
        getJson("/api/recall-notices/" + noticeA, doctorB).andExpect(status().isNotFound());
        MvcResult forB = getJson("/api/recall-notices/" + notice(doctorB), doctorB).andExpect(status().isOk()).andReturn();
        assertThat(forB.getResponse().getContentAsString()).doesNotContain(patientA).doesNotContain(pUnits.get(0));
    }

    @Test
    @Order(4)
    void aSecondRecallOverTheSameUnitsDoesNotDuplicateTheirHolds() throws Exception {
        String unitId = jdbc.sql("select id::text from lot_unit where code = ?").param(dUnits.get(0)).query(String.class).single();
        MvcResult second = postJson("/api/recalls", qa, """
                {"lotCode": "%s", "recallClass": "II", "reason": "Labelling error", "scope": "CHOSEN_UNITS", "unitCodes": ["%s"]}"""
                .formatted(dCode, dUnits.get(0))).andExpect(status().isCreated()).andReturn();
        assertThat(IntegrationTest.<Integer>read(second, "$.effectiveness.overall.total")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from recall_hold where unit_id = ?::uuid").param(unitId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select recall_id::text from recall_hold where unit_id = ?::uuid").param(unitId).query(String.class).single())
                .isEqualTo(recallId);
        assertThat(check(clinicB, doctorB, dUnits.get(0)).stream().filter(reason -> reason.contains("under recall"))).hasSize(1);
    }

    @Test
    @Order(5)
    void closingIsRefusedWhileUnitsAreUnaccountedForWithoutJustificationAndAlwaysWithoutAValidSignature() throws Exception {
        postJson("/api/recalls/" + recallId + "/closure", qa, "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(qa.username(), PASSWORD))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.justification")
                        .value(org.hamcrest.Matchers.containsString("5 of 6 units are not accounted for")));
        postJson("/api/recalls/" + recallId + "/closure", qa, "{\"username\": \"%s\", \"password\": \"wrong\", \"justification\": \"lost\"}"
                .formatted(qa.username())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.password").exists());
        postJson("/api/recalls/" + recallId + "/closure", compliance, "{\"username\": \"%s\", \"password\": \"%s\", \"justification\": \"x\"}"
                .formatted(compliance.username(), PASSWORD)).andExpect(status().isForbidden());
        getJson("/api/recalls/" + recallId, qa).andExpect(jsonPath("$.recall.state").value("OPEN"));
    }

    @Test
    @Order(6)
    void theClinicsAcknowledgeAndAccountForTheirUnitsAndQaClosesAtFullEffectivenessUnderSignature() throws Exception {
        String noticeA = notice(doctorA);
        String noticeB = notice(doctorB);
        postJson("/api/recall-notices/" + noticeA + "/units/" + pUnits.get(1) + "/report", doctorA, "{\"status\": \"RETURNED\"}")
                .andExpect(status().isConflict());
        long auditBefore = count("audit_entry");
        postJson("/api/recall-notices/" + noticeA + "/acknowledgement", doctorA, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.acknowledgedBy").value(doctorA.username()));
        postJson("/api/recall-notices/" + noticeA + "/acknowledgement", doctorA, "").andExpect(status().isConflict());
        postJson("/api/recall-notices/" + noticeA + "/units/" + pUnits.get(1) + "/report", doctorA, "{\"status\": \"QUARANTINED\"}")
                .andExpect(status().isBadRequest());
        report(noticeA, doctorA, pUnits.get(1), "RETURNED");
        report(noticeA, doctorA, qUnits.get(0), "DESTROYED");
        postJson("/api/recall-notices/" + noticeA + "/units/" + qUnits.get(0) + "/report", doctorA, "{\"status\": \"RETURNED\"}")
                .andExpect(status().isConflict());
        // clinic A's clinician cannot report clinic B's unit, nor a unit in the lab
        postJson("/api/recall-notices/" + noticeA + "/units/" + dUnits.get(0) + "/report", doctorA, "{\"status\": \"RETURNED\"}")
                .andExpect(status().isNotFound());
        postJson("/api/recall-notices/" + noticeA + "/units/" + pUnits.get(2) + "/report", doctorA, "{\"status\": \"RETURNED\"}")
                .andExpect(status().isNotFound());
        postJson("/api/recall-notices/" + noticeB + "/acknowledgement", doctorB, "").andExpect(status().isOk());
        report(noticeB, doctorB, dUnits.get(0), "RETURNED");
        report(noticeB, doctorB, qUnits.get(1), "RETURNED");
        getJson("/api/recalls/" + recallId, qa).andExpect(jsonPath("$.effectiveness.overall.accounted").value(5))
                .andExpect(jsonPath("$.effectiveness.places[0].clinicId").doesNotExist())
                .andExpect(jsonPath("$.effectiveness.places[0].accounted").value(0));
        postJson("/api/recalls/" + recallId + "/units/" + pUnits.get(2) + "/report", qa, "{\"status\": \"DESTROYED\", \"note\": \"autoclaved\"}")
                .andExpect(status().isOk());
        assertThat(count("audit_entry") - auditBefore).as("two acknowledgements and five reports").isEqualTo(7);

        getJson("/api/recalls/" + recallId, qa).andExpect(jsonPath("$.effectiveness.overall.accounted").value(6))
                .andExpect(jsonPath("$.effectiveness.overall.total").value(6));
        MvcResult closed = postJson("/api/recalls/" + recallId + "/closure", qa, "{\"username\": \"%s\", \"password\": \"%s\"}"
                .formatted(qa.username(), PASSWORD)).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<String>read(closed, "$.state")).isEqualTo("CLOSED");
        String signature = read(closed, "$.closureSignatureId");
        assertThat(jdbc.sql("select meaning from electronic_signature where id = ?::uuid and record_type = 'recall'").param(signature)
                .query(String.class).single()).isEqualTo("RECALL_CLOSURE");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'recall' and record_id = ? and action = 'CLOSE'").param(recallId)
                .query(Long.class).single()).isEqualTo(1);
        postJson("/api/recalls/" + recallId + "/closure", qa, "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(qa.username(), PASSWORD))
                .andExpect(status().isConflict());
        // a recalled unit stays refused after the closure
        assertThat(check(clinicA, doctorA, pUnits.get(1))).anyMatch(reason -> reason.contains("under recall"));
    }

    @Test
    @Order(7)
    void theRecallReportPdfStatesTheFactsTheAccountingThePseudonymousLookBackAndTheSignature() throws Exception {
        MvcResult r = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/recalls/" + recallId + "/report.pdf")
                .with(compliance.basic())).andExpect(status().isOk())
                .andExpect(content().contentType(org.springframework.http.MediaType.APPLICATION_PDF)).andReturn();
        byte[] pdf = r.getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "recall-report.pdf"), pdf); // for a person to look at
        StringBuilder text = new StringBuilder();
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        String code = jdbc.sql("select code from recall where id = ?::uuid").param(recallId).query(String.class).single();
        assertThat(text.toString()).contains("Recall report " + code).contains(pCode).contains("Class I")
                .contains("Sterility failure found on the retained sample")
                .contains("Effectiveness: 6 of 6 units accounted for (100 %)")
                .contains("Look-back: 1 patient").contains(patientA)
                .contains("Closed by").contains("(" + qa.username() + ")")
                .doesNotContain("Recalled,").doesNotContain("Test Recalled");
        for (String unit : List.of(pUnits.get(0), pUnits.get(1), pUnits.get(2), dUnits.get(0), qUnits.get(0), qUnits.get(1))) {
            assertThat(text.toString()).contains(unit);
        }
        // the pages: QA's recall page, the clinician's inbox and notice; a clinician cannot reach QA's pages
        String qaPage = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/recalls/" + recallId).with(qa.basic()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(qaPage).contains("6 of 6 units accounted for (100 %)").contains(patientA).doesNotContain("Test Recalled");
        String inbox = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/recall-notices").with(doctorA.basic()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(code);
        String chinese = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/recalls/" + recallId + "?lang=zh-HK")
                .with(qa.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("個產品單位中已交代").contains("回溯");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/recalls/" + recallId).with(doctorA.basic()))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(8)
    void openingARecallOfTenThousandUnitsHoldsThemAllInOneShortTransaction() throws Exception {
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String lot = lots.lotInTesting(lots.humanDonor(LotScenarios.PRODUCT_SCOPES));
        postJson("/api/lots/" + lot + "/units", analyst, "{\"count\": 10000, \"volumeEachMl\": 0.001}").andExpect(status().isCreated());
        String code = read(lots.lot(lot, analyst), "$.code");
        long start = System.nanoTime();
        MvcResult r = postJson("/api/recalls", qa, "{\"lotCode\": \"%s\", \"recallClass\": \"III\", \"reason\": \"Scale\"}".formatted(code))
                .andExpect(status().isCreated()).andReturn();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the measured time, for docs/benchmarks.md (the test log shows warnings only)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "recall-open-10000-units.txt"),
                "opening a recall of 10,000 units (HTTP round trip included) took " + millis + " ms\n");
        String id = read(r, "$.recall.id");
        assertThat(IntegrationTest.<Integer>read(r, "$.effectiveness.overall.total")).isEqualTo(10_000);
        assertThat(jdbc.sql("select count(*) from recall_hold where recall_id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(10_000);
        assertThat(millis).as("set-based: no query per unit").isLessThan(15_000);
    }

    private void report(String notice, TestUser doctor, String unit, String status) throws Exception {
        postJson("/api/recall-notices/" + notice + "/units/" + unit + "/report", doctor, "{\"status\": \"%s\"}".formatted(status))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value(status));
    }

    private String notice(TestUser doctor) throws Exception {
        MvcResult inbox = getJson("/api/recall-notices", doctor).andExpect(status().isOk()).andReturn();
        List<String> ids = read(inbox, "$[?(@.recall.id == '" + recallId + "')].notice.id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private List<String> check(String clinic, TestUser doctor, String unit) throws Exception {
        return read(getJson("/api/clinics/" + clinic + "/unit-check?code=" + unit, doctor).andExpect(status().isOk()).andReturn(), "$.reasons");
    }

    private org.springframework.test.web.servlet.ResultActions session(String unit) throws Exception {
        return postJson("/api/plans/" + planA + "/sessions", doctorA, """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Dermapen 4", "needleDepthMm": 0.5, "passes": 3, "area": "full face", "side": "BOTH"}"""
                .formatted(unit));
    }
}
