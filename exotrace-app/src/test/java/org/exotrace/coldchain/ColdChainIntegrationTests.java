package org.exotrace.coldchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The cold chain's invariants through the API: an excursion or thaw outside the product's declared
 * limits (or against a product with none) holds the unit at the scan and at shipment until QA
 * decides; inside them it is a record only; an unusable decision holds for good; a box position
 * holds one unit; bad input writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColdChainIntegrationTests extends IntegrationTest {

    private TestUser analyst;
    private TestUser qa;
    private TestUser doctorA;
    private TestUser doctorB;
    private ClinicScenarios clinics;
    private LotScenarios lots;
    private String clinicA;
    /** Units of a released lot of {@value LotScenarios#PRODUCT}: 0 and 1 received by clinic A, 2 to 5 in the lab. */
    private List<String> units;

    @BeforeAll
    void lotAndClinic() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        doctorA = user(Role.CLINICIAN);
        doctorB = user(Role.CLINICIAN);
        clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        lots = new LotScenarios(mvc, analyst);
        clinicA = clinics.clinic("KR", doctorA);
        clinics.clinic("KR", doctorB);
        String lot = lots.lotInTesting();
        lots.allRequiredResultsPassing(lot);
        lots.release(lot, qa).andExpect(status().isOk());
        units = clinics.split(lot, analyst, 6);
        clinics.shipAndReceive(clinicA, analyst, doctorA, units.subList(0, 2));
        declare(LotScenarios.PRODUCT, "{\"storedAtC\": -80, \"excursionMaxC\": -60, \"excursionMaxMinutes\": 30, \"maxThaws\": 1, \"reason\": \"IFU rev 3\"}")
                .andExpect(status().isOk());
    }

    @Test
    void anExcursionOutsideTheLimitsHoldsTheUnitAtTheScanUntilQaDecidesItUsable() throws Exception {
        String held = units.get(0);
        MvcResult outside = postJson("/api/cold-chain/units/" + held + "/excursions", doctorA, "{\"highestC\": -20, \"minutes\": 15}")
                .andExpect(status().isCreated()).andReturn();
        assertThat(IntegrationTest.<String>read(outside, "$.holdReason")).contains("-20 °C").contains("-60 °C");
        postJson("/api/cold-chain/units/" + units.get(1) + "/excursions", doctorA, "{\"highestC\": -70, \"minutes\": 10}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.holdReason").doesNotExist());

        assertThat(check(held)).anyMatch(r -> r.contains("temperature excursion") && r.contains("held until QA decides"));
        assertThat(check(units.get(1))).as("inside the limits: a record, no hold").noneMatch(r -> r.contains("excursion"));
        getJson("/api/cold-chain/holds", qa).andExpect(jsonPath("$[*].unitCode").value(Matchers.hasItem(held)));

        String event = read(outside, "$.id");
        postJson("/api/cold-chain/events/" + event + "/decision", doctorA, "{\"decision\": \"USABLE\", \"reason\": \"fine\"}")
                .andExpect(status().isForbidden());
        postJson("/api/cold-chain/events/" + event + "/decision", qa, "{\"decision\": \"USABLE\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.reason").exists());
        postJson("/api/cold-chain/events/" + event + "/decision", qa, "{\"decision\": \"USABLE\", \"reason\": \"stability data cover 15 min at -20 °C\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.decidedBy").value(qa.username()));
        assertThat(check(held)).noneMatch(r -> r.contains("excursion"));
        postJson("/api/cold-chain/events/" + event + "/decision", qa, "{\"decision\": \"UNUSABLE\", \"reason\": \"second thoughts\"}")
                .andExpect(status().isConflict());
        assertThat(audited("cold-chain-event", event)).containsExactly("CREATE", "DECIDE");
    }

    @Test
    void aThawPastTheAllowedNumberHoldsTheUnitAtShipmentAndAnUnusableDecisionHoldsItForGood() throws Exception {
        String unit = units.get(2);
        postJson("/api/cold-chain/units/" + unit + "/thaws", analyst, "{}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.holdReason").doesNotExist());
        MvcResult second = postJson("/api/cold-chain/units/" + unit + "/thaws", analyst, "{}").andExpect(status().isCreated()).andReturn();
        assertThat(IntegrationTest.<String>read(second, "$.holdReason")).contains("thaw 2").contains("1 times");

        ship(unit).andExpect(status().is4xxClientError()).andExpect(content().string(Matchers.containsString("thaw 2")));
        postJson("/api/cold-chain/events/" + read(second, "$.id") + "/decision", qa, "{\"decision\": \"UNUSABLE\", \"reason\": \"protein aggregation risk\"}")
                .andExpect(status().isOk());
        ship(unit).andExpect(status().is4xxClientError()).andExpect(content().string(Matchers.containsString("unusable")));
        getJson("/api/cold-chain/units/" + unit, analyst).andExpect(jsonPath("$.held").value(true)).andExpect(jsonPath("$.thaws").value(2));
    }

    @Test
    void withNoDeclaredConditionEveryExcursionWaitsForQa() throws Exception {
        // a product whose storage nobody in this test run declares: nothing is assumed
        String lot = read(postJson("/api/batches/" + lots.batch(lots.humanDonor(LotScenarios.PRODUCT_SCOPES).id()) + "/lots", analyst, """
                {"productCode": "HMSC-EXO-INJ", "concentrationPerMl": 4.0E9, "volumeMl": 20, "manufacturedOn": "%s"}"""
                .formatted(LocalDate.now().minusDays(2))).andExpect(status().isCreated()).andReturn(), "$.id");
        String unit = clinics.split(lot, analyst, 1).get(0);
        postJson("/api/cold-chain/units/" + unit + "/excursions", analyst, "{\"highestC\": -79.5, \"minutes\": 1}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.holdReason").value(Matchers.containsString("no storage condition is declared for HMSC-EXO-INJ")));
    }

    @Test
    void aBoxPositionHoldsOneUnitAndHandoversChainTheirCustodians() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        postJson("/api/cold-chain/locations", analyst, "{\"code\": \"F-" + suffix + "\", \"kind\": \"FREEZER\", \"name\": \"-80 freezer 1\"}")
                .andExpect(status().isCreated());
        postJson("/api/cold-chain/locations", analyst, "{\"code\": \"R-" + suffix + "\", \"kind\": \"RACK\", \"parentCode\": \"f-" + suffix
                + "\", \"name\": \"Rack 2\"}").andExpect(status().isCreated());
        postJson("/api/cold-chain/locations", analyst, "{\"code\": \"B-" + suffix + "\", \"kind\": \"BOX\", \"parentCode\": \"F-" + suffix
                + "\", \"name\": \"Box 7\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.parentCode").exists());
        postJson("/api/cold-chain/locations", analyst, "{\"code\": \"B-" + suffix + "\", \"kind\": \"BOX\", \"parentCode\": \"R-" + suffix
                + "\", \"name\": \"Box 7\"}").andExpect(status().isCreated()).andExpect(jsonPath("$.path").value("F-" + suffix + " / R-" + suffix
                + " / B-" + suffix));

        postJson("/api/cold-chain/units/" + units.get(3) + "/place", analyst, "{\"boxCode\": \"B-" + suffix + "\", \"position\": \"a1\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.place.position").value("A1"));
        postJson("/api/cold-chain/units/" + units.get(4) + "/place", analyst, "{\"boxCode\": \"B-" + suffix + "\", \"position\": \"A1\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.position").value(Matchers.containsString(units.get(3))));
        getJson("/api/cold-chain/units/" + units.get(4), analyst).andExpect(jsonPath("$.place").doesNotExist());
        postJson("/api/cold-chain/units/" + units.get(0) + "/place", analyst, "{\"boxCode\": \"B-" + suffix + "\", \"position\": \"A2\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.unitCode").value(Matchers.containsString("shipped")));

        postJson("/api/cold-chain/units/" + units.get(3) + "/handovers", analyst, "{\"toPerson\": \"Courier Lee\"}").andExpect(status().isCreated());
        postJson("/api/cold-chain/units/" + units.get(3) + "/handovers", analyst, "{\"toPerson\": \"Nurse Park\", \"note\": \"at the door\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.custodian").value("Nurse Park"))
                .andExpect(jsonPath("$.transfers[1].fromPerson").value("Courier Lee"))
                .andExpect(jsonPath("$.transfers[0].fromPerson").value(analyst.username()));
    }

    @Test
    void badInputAndOtherPeoplesUnitsAreRefusedAndNothingIsWritten() throws Exception {
        String unit = units.get(5);
        postJson("/api/cold-chain/units/" + unit + "/excursions", analyst, "{\"minutes\": -5}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors.highestC").exists()).andExpect(jsonPath("$.errors.minutes").exists());
        postJson("/api/cold-chain/units/" + unit + "/excursions", analyst, "{\"highestC\": -20, \"minutes\": 5, \"occurredAt\": \"2999-01-01T00:00:00Z\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.occurredAt").exists());
        assertThat(jdbc.sql("select count(*) from cold_chain_event e join lot_unit u on u.id = e.unit_id where u.code = ?").param(unit)
                .query(Long.class).single()).isZero();

        getJson("/api/cold-chain/units/" + units.get(0), doctorB).andExpect(status().isNotFound());
        postJson("/api/cold-chain/units/" + units.get(0) + "/thaws", doctorB, "{}").andExpect(status().isNotFound());
        getJson("/api/cold-chain/units/" + unit, doctorA).andExpect(status().isNotFound());
        getJson("/api/cold-chain/units/" + unit, user(Role.RESEARCHER)).andExpect(status().isForbidden());
        getJson("/api/cold-chain/units/L-1999-9999-U001", analyst).andExpect(status().isNotFound());

        declare(LotScenarios.PRODUCT, "{\"storedAtC\": -80, \"excursionMaxC\": -90, \"excursionMaxMinutes\": 30, \"maxThaws\": 1, \"reason\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.excursionMaxC").exists());
        declare(LotScenarios.PRODUCT, "{\"storedAtC\": -80, \"excursionMaxC\": -60, \"excursionMaxMinutes\": 30, \"maxThaws\": 1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        mvc.perform(put("/api/cold-chain/conditions/" + LotScenarios.PRODUCT).with(analyst.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"storedAtC\": -80, \"excursionMaxC\": -60, \"excursionMaxMinutes\": 30, \"maxThaws\": 1, \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePagesRecordAnExcursionListItsHoldAndTakeQasDecisionWithMessagesBesideTheFields() throws Exception {
        String unit = units.get(4);
        form("/cold-chain/units/" + unit + "/excursions", analyst, "highestC", "abc", "minutes", "5").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("field-error\">between -200 and 100")));
        form("/cold-chain/units/" + unit + "/excursions", analyst, "highestC", "-10", "minutes", "5").andExpect(status().is3xxRedirection());
        String eventId = jdbc.sql("select cast(e.id as text) from cold_chain_event e join lot_unit u on u.id = e.unit_id where u.code = ?").param(unit)
                .query(String.class).single();

        String overview = page("/cold-chain", qa);
        assertThat(overview).contains("data-event=\"" + eventId + "\"").contains(unit).contains("-10 °C");
        assertThat(page("/cold-chain", analyst)).as("only QA decides").doesNotContain("/cold-chain/events/" + eventId + "/decision");
        form("/cold-chain/events/" + eventId + "/decision", qa, "decision", "USABLE", "reason", "").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("field-error\">is required")));
        form("/cold-chain/events/" + eventId + "/decision", qa, "decision", "USABLE", "reason", "Logger shows 5 min at -10 °C; stability covers it")
                .andExpect(status().is3xxRedirection());
        assertThat(page("/cold-chain/units/" + unit, analyst)).contains("Logger shows 5 min").doesNotContain("id=\"held\"");
        assertThat(page("/trace/units/" + unit, analyst)).contains("/cold-chain/units/" + unit);
    }

    private ResultActions form(String path, TestUser as, String... fields) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as.basic())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
        for (int i = 0; i < fields.length; i += 2) request.param(fields[i], fields[i + 1]);
        return mvc.perform(request);
    }

    private String page(String path, TestUser as) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(as.basic())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private ResultActions declare(String product, String json) throws Exception {
        return mvc.perform(put("/api/cold-chain/conditions/" + product).with(qa.basic()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions ship(String unit) throws Exception {
        return postJson("/api/shipments", analyst, "{\"clinicId\": \"%s\", \"unitCodes\": [\"%s\"]}".formatted(clinicA, unit));
    }

    private List<String> check(String unit) throws Exception {
        return read(getJson("/api/clinics/" + clinicA + "/unit-check?code=" + unit, doctorA).andExpect(status().isOk()).andReturn(), "$.reasons");
    }

    private List<String> audited(String type, String id) {
        return jdbc.sql("select action from audit_entry where record_type = ? and record_id = ? order by seq").params(type, id).query(String.class).list();
    }
}
