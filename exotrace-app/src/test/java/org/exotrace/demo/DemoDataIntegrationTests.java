package org.exotrace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.donor.Donors;
import org.exotrace.donor.Eligibility;
import org.exotrace.donor.EligibilityDetermination;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The demo dataset as {@code serve --demo} loads it at start-up: the lab's lots and the clinics'
 * patients, courses, sessions, assessments, adverse event and refused plan, through the same
 * services and rules as real work, and loaded only once.
 */
@SpringBootTest(properties = {"exotrace.first-admin.enabled=false", "exotrace.demo.enabled=true"})
class DemoDataIntegrationTests extends IntegrationTest {

    @Autowired DemoData demo;
    @Autowired Donors donors;

    @Test
    void theSignInPageListsEveryDemoAccountWithItsRole() throws Exception {
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(DemoUsers.ACCOUNTS).hasSize(9);
        for (DemoUsers.DemoAccount a : DemoUsers.ACCOUNTS) {
            assertThat(login).contains("<code>" + a.username() + "</code> · <span>" + a.role().label() + "</span>");
            assertThat(accounts.find(a.username())).as(a.username() + " exists").isPresent();
        }
        assertThat(login).contains(DemoUsers.PASSWORD);
    }

    @Test
    void theDemoHasAShipmentToReceiveInSeoulAndADestroyedUnit() {
        assertThat(jdbc.sql("select count(*) from shipment s join clinic c on c.id = s.clinic_id where c.code = ? and s.received_on is null")
                .param(ClinicDemoData.SEOUL).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lot_unit where destroyed_on is not null").query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theClinicianWorksInSeoulAndBostonAndTheSecondClinicianInSeoulOnly() throws Exception {
        assertThat(jdbc.sql("select jurisdiction from clinic where code = ?").param(ClinicDemoData.SEOUL).query(String.class).single()).isEqualTo("KR");
        assertThat(jdbc.sql("select jurisdiction from clinic where code = ?").param(ClinicDemoData.BOSTON).query(String.class).single()).isEqualTo("US");

        assertThat(this.<List<String>>demoGet("/api/clinics", "clinician", "$[*].code"))
                .containsExactlyInAnyOrder(ClinicDemoData.SEOUL, ClinicDemoData.BOSTON);
        assertThat(this.<List<String>>demoGet("/api/clinics", "clinician2", "$[*].code")).containsExactly(ClinicDemoData.SEOUL);
    }

    @Test
    void everyTreatedPatientSignedTreatmentAndPhotographConsentsBeforeTheFirstSession() {
        assertThat(patientsOf(ClinicDemoData.SEOUL)).isEqualTo(5);
        assertThat(patientsOf(ClinicDemoData.BOSTON)).isEqualTo(2);
        List<Map<String, Object>> treated = jdbc.sql("""
                select s.patient_id, min(s.performed_on) as first_session,
                  (select min(signed_on) from patient_consent c where c.patient_id = s.patient_id and c.kind = 'TREATMENT') as treatment,
                  (select min(signed_on) from patient_consent c where c.patient_id = s.patient_id and c.kind = 'PHOTOGRAPHS') as photographs
                from treatment_session s join clinic k on k.id = s.clinic_id where k.code in (?, ?) group by s.patient_id""")
                .params(ClinicDemoData.SEOUL, ClinicDemoData.BOSTON).query().listOfRows();
        assertThat(treated).hasSize(6).allSatisfy(row -> {
            assertThat(row.get("treatment")).as("treatment consent").isNotNull();
            assertThat(row.get("photographs")).as("photograph consent").isNotNull();
            assertThat(((java.sql.Date) row.get("treatment")).toLocalDate()).isBefore(((java.sql.Date) row.get("first_session")).toLocalDate());
        });
    }

    @Test
    void sessionsUseUnitsTheirClinicReceivedBeforehandAndFollowThePlansSchedule() {
        assertThat(sessionsAt(ClinicDemoData.SEOUL)).isEqualTo(6 + 6 + 6 + 4 + 3);
        assertThat(sessionsAt(ClinicDemoData.BOSTON)).isEqualTo(5);
        long outOfOrder = jdbc.sql("""
                select count(*) from treatment_session t join clinic k on k.id = t.clinic_id
                  join treatment_plan p on p.id = t.plan_id
                  left join shipment_unit u on u.unit_id = t.unit_id
                  left join shipment s on s.id = u.shipment_id and s.clinic_id = t.clinic_id
                where k.code in (?, ?) and (s.received_on is null or s.received_on > t.performed_on or t.performed_on < p.start_on
                  or t.performed_on > current_date)""")
                .params(ClinicDemoData.SEOUL, ClinicDemoData.BOSTON).query(Long.class).single();
        assertThat(outOfOrder).isZero();
    }

    @Test
    void assessmentsShowOneResponderOneNonResponderAndAChildScoredWithChildWeights() throws Exception {
        assertThat(jdbc.sql("""
                select count(*) from outcome_assessment a join patient p on p.id = a.patient_id join clinic k on k.id = p.clinic_id
                where k.code in (?, ?)""").params(ClinicDemoData.SEOUL, ClinicDemoData.BOSTON).query(Long.class).single())
                .isEqualTo(12 + 12 + 6 + 3 + 6 + 9);

        assertThat(easiResponse("Park", "EASI-75")).isEqualTo("ACHIEVED");
        assertThat(easiResponse("Lee", "EASI-50")).isEqualTo("NOT_ACHIEVED");
        List<String> kinds = demoGet("/api/patients/" + patient("Lee") + "/suggestions", "clinician", "$[?(@.current)].kind");
        assertThat(kinds).contains("SHORTER_INTERVAL", "ADD_MICRONEEDLING");
        assertThat((List<String>) demoGet("/api/patients/" + patient("Park") + "/suggestions", "clinician", "$[*].kind")).isEmpty();
        UUID child = patient("Kim");
        assertThat(jdbc.sql("select date_of_birth from patient where id = ?").param(child).query(LocalDate.class).single())
                .isAfter(LocalDate.now().minusYears(8));
        assertThat(jdbc.sql("""
                select count(*) from outcome_assessment where patient_id = ? and instrument = 'EASI' and (components ->> 'ageYears')::int < 8""")
                .param(child).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theSplitFacePlanIsRandomizedWithABlindedAssessorWhoRatedBothSides() {
        Map<String, Object> plan = jdbc.sql("""
                select p.randomized, p.blinded_assessor, p.treated_side from treatment_plan p join protocol_template t on t.id = p.template_id
                where p.patient_id = ? and t.code = 'PHOTOAGING-MN'""").param(patient("Yoon")).query().singleRow();
        assertThat(plan).containsEntry("randomized", true).containsEntry("blinded_assessor", "clinician2");
        assertThat(jdbc.sql("select side from outcome_assessment where patient_id = ? and instrument = 'GAIS' and assessor = 'clinician2'")
                .param(patient("Yoon")).query(String.class).list()).containsExactlyInAnyOrder("LEFT", "RIGHT");
    }

    @Test
    void oneModerateErythemaAfterAMicroneedlingSessionIsLinkedToItsSessionAndUnit() {
        List<Map<String, Object>> events = jdbc.sql("""
                select e.term, e.severity, e.causality, e.outcome, e.unit_code = s.unit_code as same_unit, e.lot_id = s.lot_id as same_lot,
                  t.code as template
                from adverse_event e join treatment_session s on s.id = e.session_id join treatment_plan p on p.id = s.plan_id
                  join protocol_template t on t.id = p.template_id join clinic k on k.id = s.clinic_id where k.code in (?, ?)""")
                .params(ClinicDemoData.SEOUL, ClinicDemoData.BOSTON).query().listOfRows();
        assertThat(events).singleElement().satisfies(e -> assertThat(e).containsEntry("term", "Erythema").containsEntry("severity", "MODERATE")
                .containsEntry("causality", "PROBABLE").containsEntry("outcome", "RECOVERED").containsEntry("same_unit", true)
                .containsEntry("same_lot", true).containsEntry("template", "MELASMA-MN"));
    }

    @Test
    void theIntradermalHairLossPlanInTheUsIsRefusedNothingIsPlannedAndTheAttemptIsKept() {
        UUID reyes = patient("Reyes");
        assertThat(jdbc.sql("""
                select count(*) from treatment_plan p join protocol_template t on t.id = p.template_id
                where p.patient_id = ? and t.code = 'AGA-INTRADERMAL'""").param(reyes).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from treatment_plan where patient_id = ?").param(reyes).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select r.verdict from plan_refusal r join protocol_template t on t.id = r.template_id
                where r.patient_id = ? and t.code = 'AGA-INTRADERMAL'""").param(reyes).query(String.class).list()).containsExactly("PROHIBITED");
    }

    @Test
    void humanDemoDonorsAreEligibleBecauseTheirWholePanelIsNegativeAndTheMarrowDonorAwaitsItsNucleicAcidTests() {
        for (String detail : List.of("Wharton's jelly, full-term caesarean", "Wharton's jelly, full-term vaginal delivery", "Lipoaspirate, abdominal")) {
            EligibilityDetermination d = donors.determination(demoDonor(detail));
            assertThat(d.eligibility()).as(detail).isEqualTo(Eligibility.ELIGIBLE);
            assertThat(d.panel().jurisdiction()).as(detail).isEqualTo("US");
            assertThat(d.findings()).as(detail).hasSizeGreaterThanOrEqualTo(8)
                    .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(EligibilityDetermination.Outcome.SATISFIED));
        }
        EligibilityDetermination marrow = donors.determination(demoDonor("Iliac crest aspirate"));
        assertThat(marrow.eligibility()).isEqualTo(Eligibility.PENDING);
        assertThat(marrow.reasons()).containsExactly("HIV-1 NAT: no result", "HBV NAT: no result", "HCV NAT: no result");
    }

    @Test
    void everyOutOfSpecificationResultOfTheDemoHasACoherentInvestigation() {
        assertThat(jdbc.sql("""
                select count(*) from result r where r.verdict_at_entry = 'FAIL' and r.analyst in ('analyst', 'analyst2')
                  and not exists (select 1 from oos_investigation i where i.result_id = r.id)
                  and not exists (select 1 from oos_additional_result a where a.result_id = r.id)""").query(Long.class).single()).isZero();
        List<String> investigations = jdbc.sql("""
                select i.test_code || ' ' || i.status || ' ' || i.phase || ' ' || coalesce(i.proposed_conclusion, '-') || ' ' || l.state
                  || ' ' || (select count(*) from oos_additional_result a where a.investigation_id = i.id)
                from oos_investigation i join lot l on l.id = i.lot_id join result r on r.id = i.result_id
                where r.analyst in ('analyst', 'analyst2')""").query(String.class).list();
        assertThat(investigations).contains(
                "endotoxin CLOSED PHASE_I INVALIDATED RELEASED 1",
                "endotoxin OPEN PHASE_II - IN_TESTING 1",
                "sterility CLOSED PHASE_II OOS_CONFIRMED REJECTED 1");
        assertThat(jdbc.sql("""
                select count(*) from oos_investigation i join result r on r.id = i.result_id
                where r.analyst in ('analyst', 'analyst2') and i.status = 'CLOSED' and (i.approved_by <> 'qa' or i.proposed_by = 'qa')""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSecondStartLoadsNothingAgain() throws Exception {
        List<Long> before = counts("clinic", "patient", "treatment_plan", "treatment_session", "outcome_assessment", "lot");

        demo.run(new DefaultApplicationArguments());

        assertThat(counts("clinic", "patient", "treatment_plan", "treatment_session", "outcome_assessment", "lot")).isEqualTo(before);
    }

    private UUID demoDonor(String sourceDetail) {
        return jdbc.sql("select id from donor where source_detail = ?").param(sourceDetail).query(UUID.class).single();
    }

    private long patientsOf(String clinic) {
        return jdbc.sql("select count(*) from patient p join clinic k on k.id = p.clinic_id where k.code = ?").param(clinic).query(Long.class).single();
    }

    private long sessionsAt(String clinic) {
        return jdbc.sql("select count(*) from treatment_session s join clinic k on k.id = s.clinic_id where k.code = ?").param(clinic)
                .query(Long.class).single();
    }

    private UUID patient(String familyName) {
        return jdbc.sql("""
                select p.id from patient p join clinic k on k.id = p.clinic_id where k.code in (?, ?) and p.family_name = ?""")
                .params(ClinicDemoData.SEOUL, ClinicDemoData.BOSTON, familyName).query(UUID.class).single();
    }

    /** The outcome of an EASI response on the patient's progress, as the clinician's API reports it. */
    private String easiResponse(String familyName, String response) throws Exception {
        List<String> outcomes = demoGet("/api/patients/" + patient(familyName) + "/progress", "clinician",
                "$.series[?(@.endpoint == 'EASI')].responses[?(@.name == '" + response + "')].outcome");
        return outcomes.get(0);
    }

    private <T> T demoGet(String path, String username, String jsonPath) throws Exception {
        MvcResult result = mvc.perform(get(path).with(httpBasic(username, DemoData.PASSWORD)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn();
        return read(result, jsonPath);
    }
}
