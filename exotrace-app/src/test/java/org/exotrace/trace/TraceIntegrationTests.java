package org.exotrace.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.LotScenarios.DonorRef;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The trace on a small network built through the API: two donors, their batches and primary lots
 * P1 and P2, a derivative D of P1 and a pool Q of P1 and P2, units of each shipped to two clinics
 * and used in sessions on three patients; and an unrelated lot U (from P2's donor, but not made from
 * P1) whose unit treated a fourth patient at clinic A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceIntegrationTests extends IntegrationTest {

    private TestUser analyst;
    private TestUser qa;
    private TestUser compliance;
    private TestUser doctorA;
    private TestUser doctorB;
    private LotScenarios lots;
    private DonorRef donor1;
    private DonorRef donor2;
    private String p1Code;
    private String p2Code;
    private String dCode;
    private String qCode;
    /** P1's units: one used at clinic A, one still in the lab. */
    private List<String> p1Units;
    /** D's unit, used at clinic B. */
    private List<String> dUnits;
    /** Q's units: one used at clinic A, one received by clinic B and not used. */
    private List<String> qUnits;
    private List<String> uUnits;
    private String patientA1;
    private String patientA2;
    private String patientB1;
    private String patientA3;

    @BeforeAll
    void network() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        compliance = user(Role.COMPLIANCE_OFFICER);
        doctorA = user(Role.CLINICIAN);
        doctorB = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        lots = new LotScenarios(mvc, analyst);
        String clinicA = clinics.clinic("KR", doctorA);
        String clinicB = clinics.clinic("KR", doctorB);

        donor1 = lots.humanDonor(LotScenarios.PRODUCT_SCOPES);
        donor2 = lots.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String p1 = lots.lotInTesting(donor1);
        String p2 = lots.lotInTesting(donor2);
        String d = derive(p1);
        String q = pool(p1, p2);
        String u = lots.lotInTesting(donor2); // a lot of its own: neither made from P1 nor P1 from it
        for (String lot : List.of(p1, d, q, u)) { // P2 ships nothing; a pool may be made from a lot in testing
            lots.allRequiredResultsPassing(lot);
            lots.release(lot, qa).andExpect(status().isOk());
        }
        p1Code = code(p1);
        p2Code = code(p2);
        dCode = code(d);
        qCode = code(q);
        p1Units = clinics.split(p1, analyst, 2);
        dUnits = clinics.split(d, analyst, 1);
        qUnits = clinics.split(q, analyst, 2);
        uUnits = clinics.split(u, analyst, 1);
        clinics.shipAndReceive(clinicA, analyst, doctorA, List.of(p1Units.get(0), qUnits.get(0), uUnits.get(0)));
        clinics.shipAndReceive(clinicB, analyst, doctorB, List.of(dUnits.get(0), qUnits.get(1)));

        patientA1 = treated(clinics, clinicA, doctorA, "Alpha", p1Units.get(0));
        patientA2 = treated(clinics, clinicA, doctorA, "Bravo", qUnits.get(0));
        patientB1 = treated(clinics, clinicB, doctorB, "Charlie", dUnits.get(0));
        patientA3 = treated(clinics, clinicA, doctorA, "Delta", uUnits.get(0));
    }

    @Test
    void forwardTraceReachesThePatientsOfTheLotAndOfItsDerivativeAndPoolAndNoneOfAnUnrelatedLot() throws Exception {
        MvcResult r = getJson("/api/trace/lots/" + p1Code, qa).andExpect(status().isOk()).andReturn();

        assertThat(IntegrationTest.<List<String>>read(r, "$.recipients[*].patient.pseudonym")).containsExactlyInAnyOrder(patientA1, patientA2, patientB1);
        assertThat(IntegrationTest.<List<String>>read(r, "$..units[*].code")).containsExactlyInAnyOrder(p1Units.get(0), p1Units.get(1), dUnits.get(0),
                qUnits.get(0), qUnits.get(1));
        assertThat(IntegrationTest.<List<String>>read(r, "$.root.children[*].code")).containsExactlyInAnyOrder(dCode, qCode);
        assertThat(IntegrationTest.<Integer>read(r, "$.lotCount")).isEqualTo(3);
        assertThat(IntegrationTest.<Integer>read(r, "$.unitsOutsideYourClinics")).isZero();
        assertThat(r.getResponse().getContentAsString()).doesNotContain(patientA3).doesNotContain(uUnits.get(0))
                .as("QA works at no clinic: pseudonyms only").doesNotContain("Alpha").doesNotContain("Charlie");
        assertThat(IntegrationTest.<List<Object>>read(r, "$.recipients[*].patient.name")).as("no names, not even empty ones").isEmpty();
        assertThat(IntegrationTest.<List<String>>read(r, "$.root.units[*].code")).contains(p1Units.get(1));
        assertThat(IntegrationTest.<List<Object>>read(r, "$.root.units[?(@.code == '" + p1Units.get(1) + "')].shipment")).as("in the lab").isEmpty();
        assertThat(IntegrationTest.<List<String>>read(r, "$..units[?(@.code == '" + qUnits.get(1) + "')].shipment.receivedOn"))
                .containsExactly(LocalDate.now().toString());

        // from the other parent of the pool only the pool's part is reached
        MvcResult fromP2 = getJson("/api/trace/lots/" + p2Code, compliance).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<String>>read(fromP2, "$.recipients[*].patient.pseudonym")).containsExactly(patientA2);
    }

    @Test
    void backwardTraceFromAUnitOfThePoolReachesTheDonorsOfEveryAncestorLot() throws Exception {
        MvcResult r = getJson("/api/trace/units/" + qUnits.get(0), analyst).andExpect(status().isOk()).andReturn();

        assertThat(IntegrationTest.<String>read(r, "$.lot.code")).isEqualTo(qCode);
        assertThat(IntegrationTest.<List<String>>read(r, "$.lot.parents[*].code")).containsExactlyInAnyOrder(p1Code, p2Code);
        assertThat(IntegrationTest.<List<String>>read(r, "$.donors[*].id")).containsExactlyInAnyOrder(donor1.id(), donor2.id());
        assertThat(IntegrationTest.<List<String>>read(r, "$.lot.parents[*].batch.donor.id")).containsExactlyInAnyOrder(donor1.id(), donor2.id());
        assertThat(IntegrationTest.<List<String>>read(r, "$.unit.uses[*].patient.pseudonym")).containsExactly(patientA2);

        MvcResult derived = getJson("/api/trace/units/" + dUnits.get(0), analyst).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<String>>read(derived, "$.lot.parents[*].code")).containsExactly(p1Code);
        assertThat(IntegrationTest.<List<String>>read(derived, "$.donors[*].id")).containsExactly(donor1.id());

        // compliance officers may not identify donors: the source type only
        getJson("/api/trace/units/" + qUnits.get(0), compliance).andExpect(status().isOk())
                .andExpect(jsonPath("$.donors[*].code").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())))
                .andExpect(jsonPath("$.donors[*].sourceType").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("UMBILICAL_CORD_MSC"))));
    }

    @Test
    void aClinicianSeesTheirOwnClinicsPatientsByNameAndNothingOfAnotherClinic() throws Exception {
        MvcResult r = getJson("/api/trace/lots/" + p1Code, doctorA).andExpect(status().isOk()).andReturn();

        assertThat(IntegrationTest.<List<String>>read(r, "$.recipients[*].patient.pseudonym")).containsExactlyInAnyOrder(patientA1, patientA2);
        assertThat(IntegrationTest.<List<String>>read(r, "$.recipients[*].patient.name")).containsExactlyInAnyOrder("Test Alpha", "Test Bravo");
        assertThat(IntegrationTest.<List<String>>read(r, "$..units[*].code")).containsExactlyInAnyOrder(p1Units.get(0), qUnits.get(0));
        assertThat(IntegrationTest.<Integer>read(r, "$.unitsOutsideYourClinics")).isEqualTo(3);
        assertThat(r.getResponse().getContentAsString()).doesNotContain(patientB1).doesNotContain("Charlie").doesNotContain(dUnits.get(0));

        getJson("/api/trace/units/" + dUnits.get(0), doctorA).andExpect(status().isNotFound());
        getJson("/api/trace/units/" + qUnits.get(0), doctorA).andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.uses[0].patient.name").value("Test Bravo"));

        String page = page("/trace/lots/" + p1Code, doctorA);
        assertThat(page).contains(patientA1).contains("Test Alpha").contains("Test Bravo").doesNotContain(patientB1).doesNotContain("Charlie");
        String qaPage = page("/trace/lots/" + p1Code, qa);
        assertThat(qaPage).contains(patientA1).contains(patientA2).contains(patientB1).doesNotContain("Test Alpha").doesNotContain(patientA3)
                .contains("data-lot=\"" + dCode + "\"").contains("data-lot=\"" + qCode + "\"");
        assertThat(page("/trace/units/" + qUnits.get(0), analyst)).contains("data-lot=\"" + p2Code + "\"").contains(patientA2);
        assertThat(page("/lots/" + lotId(p1Code), qa)).contains("/trace/lots/" + p1Code);
    }

    @Test
    void forwardTraceFromADonorOrABatchStartsFromEveryLotMadeFromItsMaterial() throws Exception {
        // donor 2 gave P2 (whose pool Q treated A2) and U (which treated A3)
        MvcResult fromDonor2 = getJson("/api/trace/donors/" + donorCode(donor2), qa).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<String>read(fromDonor2, "$.from")).isEqualTo("DONOR");
        assertThat(IntegrationTest.<List<String>>read(fromDonor2, "$.lots[*].code")).containsExactlyInAnyOrder(p2Code, lotCodeOf(uUnits.get(0)));
        assertThat(IntegrationTest.<List<String>>read(fromDonor2, "$.recipients[*].patient.pseudonym")).containsExactlyInAnyOrder(patientA2, patientA3);
        assertThat(IntegrationTest.<Integer>read(fromDonor2, "$.lotCount")).isEqualTo(3);
        assertThat(fromDonor2.getResponse().getContentAsString()).doesNotContain(patientA1).doesNotContain(patientB1).doesNotContain(dUnits.get(0));

        // donor 1's batch: P1, its derivative and its pool
        MvcResult fromBatch = getJson("/api/trace/batches/" + batchCodeOf(p1Code).toLowerCase(), compliance).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<String>read(fromBatch, "$.from")).isEqualTo("BATCH");
        assertThat(IntegrationTest.<List<String>>read(fromBatch, "$.lots[*].code")).containsExactly(p1Code);
        assertThat(IntegrationTest.<List<String>>read(fromBatch, "$.recipients[*].patient.pseudonym")).containsExactlyInAnyOrder(patientA1, patientA2,
                patientB1);

        // only the roles that may identify donors trace by a donor's code; to others it does not exist
        getJson("/api/trace/donors/" + donorCode(donor1), compliance).andExpect(status().isNotFound());
        getJson("/api/trace/donors/" + donorCode(donor1), doctorA).andExpect(status().isNotFound());
        // a clinician's forward trace of a batch keeps to their clinics
        MvcResult clinicianB = getJson("/api/trace/batches/" + batchCodeOf(p1Code), doctorB).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<String>>read(clinicianB, "$.recipients[*].patient.pseudonym")).containsExactly(patientB1);

        assertThat(page("/trace/donors/" + donorCode(donor2), analyst)).contains(patientA2).contains(patientA3)
                .contains("data-lot=\"" + qCode + "\"");
        assertThat(page("/trace/batches/" + batchCodeOf(p1Code), qa)).contains(patientB1).contains("data-lot=\"" + dCode + "\"");
        assertThat(page("/donors/" + donor1.id(), analyst)).contains("/trace/donors/" + donorCode(donor1));
    }

    @Test
    void backwardTraceFromASessionOrAPatientReachesTheLotsAndDonorsOfWhatTheyReceived() throws Exception {
        String session = jdbc.sql("select id from treatment_session where unit_code = ? and status = 'RECORDED'").param(qUnits.get(0))
                .query(String.class).single();
        MvcResult fromSession = getJson("/api/trace/sessions/" + session, analyst).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<String>read(fromSession, "$.unit.code")).isEqualTo(qUnits.get(0));
        assertThat(IntegrationTest.<List<String>>read(fromSession, "$.lot.parents[*].code")).containsExactlyInAnyOrder(p1Code, p2Code);
        getJson("/api/trace/sessions/" + session, doctorB).andExpect(status().isNotFound());
        mvc.perform(get("/trace/sessions/" + session).with(doctorA.basic())).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/trace/units/" + qUnits.get(0)));

        // a pseudonym is found whatever its case; the name only for the patient's clinic
        MvcResult byDoctor = getJson("/api/trace/patients/" + patientA2.toLowerCase(), doctorA).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<String>read(byDoctor, "$.patient.pseudonym")).isEqualTo(patientA2);
        assertThat(IntegrationTest.<String>read(byDoctor, "$.patient.name")).isEqualTo("Test Bravo");
        assertThat(IntegrationTest.<List<String>>read(byDoctor, "$.units[*].unit.code")).containsExactly(qUnits.get(0));
        assertThat(IntegrationTest.<List<String>>read(byDoctor, "$.units[0].lot.parents[*].code")).containsExactlyInAnyOrder(p1Code, p2Code);

        MvcResult byQa = getJson("/api/trace/patients/" + patientA2, qa).andExpect(status().isOk()).andReturn();
        assertThat(IntegrationTest.<List<Object>>read(byQa, "$..patient.name")).as("QA works at no clinic: no name anywhere").isEmpty();
        assertThat(IntegrationTest.<List<String>>read(byQa, "$.units[0].donors[*].id")).containsExactlyInAnyOrder(donor1.id(), donor2.id());
        assertThat(byQa.getResponse().getContentAsString()).doesNotContain("Bravo");
        getJson("/api/trace/patients/" + patientA2, doctorB).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));

        assertThat(page("/trace/patients/" + patientA2, doctorA)).contains("Test Bravo").contains("data-lot=\"" + p2Code + "\"");
        String patientId = jdbc.sql("select id from patient where pseudonym = ?").param(patientA2).query(String.class).single();
        assertThat(page("/patients/" + patientId, doctorA)).contains("/trace/patients/" + patientA2);
    }

    @Test
    void unknownCodesAnswerNotFoundAsProblemJsonAndOtherRolesAreRefused() throws Exception {
        getJson("/api/trace/lots/L-1999-9999", qa).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        getJson("/api/trace/batches/B-1999-9999", qa).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        getJson("/api/trace/patients/P-NONE-000001", qa).andExpect(status().isNotFound());
        getJson("/api/trace/sessions/" + java.util.UUID.randomUUID(), qa).andExpect(status().isNotFound());
        getJson("/api/trace/units/L-1999-9999-U001", qa).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/trace/lots/L-1999-9999").with(qa.basic())).andExpect(status().isNotFound());
        getJson("/api/trace/lots/" + p1Code, user(Role.RESEARCHER)).andExpect(status().isForbidden());
        getJson("/api/trace/lots/" + p1Code, user(Role.ADMIN)).andExpect(status().isForbidden());
    }

    private String treated(ClinicScenarios clinics, String clinic, TestUser doctor, String familyName, String unit) throws Exception {
        String patient = read(postJson("/api/clinics/" + clinic + "/patients", doctor, """
                {"givenName": "Test", "familyName": "%s", "dateOfBirth": "1985-02-01", "sex": "FEMALE", "indications": ["melasma"]}"""
                .formatted(familyName)).andExpect(status().isCreated()).andReturn(), "$.id");
        clinics.treatmentConsent(patient, doctor);
        String plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        postJson("/api/plans/" + plan + "/sessions", doctor, """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Dermapen 4", "needleDepthMm": 0.5, "passes": 3, "area": "full face", "side": "BOTH"}"""
                .formatted(unit)).andExpect(status().isCreated());
        return read(getJson("/api/patients/" + patient, doctor).andExpect(status().isOk()).andReturn(), "$.pseudonym");
    }

    private String derive(String parent) throws Exception {
        return read(postJson("/api/lots/" + parent + "/derivatives", analyst, """
                {"productCode": "%s", "concentrationPerMl": 2.0E9, "volumeMl": 5, "manufacturedOn": "%s"}"""
                .formatted(LotScenarios.PRODUCT, LocalDate.now())).andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private String pool(String... parents) throws Exception {
        return read(postJson("/api/lots/pools", analyst, """
                {"parentLotIds": ["%s"], "productCode": "%s", "concentrationPerMl": 3.0E9, "volumeMl": 8, "manufacturedOn": "%s"}"""
                .formatted(String.join("\", \"", parents), LotScenarios.PRODUCT, LocalDate.now())).andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private String code(String lotId) throws Exception {
        return read(lots.lot(lotId, analyst), "$.code");
    }

    private String donorCode(DonorRef donor) {
        return jdbc.sql("select code from donor where id = cast(? as uuid)").param(donor.id()).query(String.class).single();
    }

    private String batchCodeOf(String lotCode) {
        return jdbc.sql("select b.code from batch b join lot l on l.batch_id = b.id where l.code = ?").param(lotCode).query(String.class).single();
    }

    private String lotCodeOf(String unitCode) {
        return jdbc.sql("select l.code from lot l join lot_unit u on u.lot_id = l.id where u.code = ?").param(unitCode).query(String.class).single();
    }

    private String lotId(String code) {
        return jdbc.sql("select id from lot where code = ?").param(code).query(String.class).single();
    }

    private String page(String path, TestUser as) throws Exception {
        return mvc.perform(get(path).with(as.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
