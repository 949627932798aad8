package org.exotrace.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Units travel from the lab to a clinic: only released, unexpired units ship, each once; only the
 * receiving clinic's staff confirm receipt; and a scanned unit is usable only in the clinic that
 * received it, while its lot is released and before it expires.
 */
class ShipmentIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser analyst;
    private TestUser qa;
    private TestUser doctorA;
    private TestUser doctorB;
    private String clinicA;
    private String clinicB;
    private LotScenarios scenarios;
    private ClinicScenarios clinics;

    @BeforeEach
    void setUp() throws Exception {
        admin = user(Role.ADMIN);
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        doctorA = user(Role.CLINICIAN);
        doctorB = user(Role.CLINICIAN);
        clinics = new ClinicScenarios(mvc, admin);
        clinicA = clinics.clinic("US", doctorA);
        clinicB = clinics.clinic("KR", doctorB);
        scenarios = new LotScenarios(mvc, analyst);
    }

    /**
     * The shipments page picks a lot by its code (the newest released lots only suggested), so any
     * released lot can be shipped however many there are; an unknown code gets a message beside the field.
     */
    @Test
    void theShipmentsPageFindsALotByItsCode() throws Exception {
        String lot = scenarios.released(qa);
        clinics.split(lot, analyst, 2);
        String code = read(getJson("/api/lots/" + lot, analyst).andReturn(), "$.code");

        mvc.perform(get("/shipments").with(analyst.basic())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<option value=\"" + code + "\"")));
        mvc.perform(get("/shipments/new").param("lotCode", " " + code.toLowerCase(java.util.Locale.ROOT) + " ").with(analyst.basic()))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString(code + "-U002")));
        mvc.perform(get("/shipments/new").param("lotCode", "L-1999-9999").with(analyst.basic())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No lot has the code &quot;L-1999-9999&quot;. Check the code on the lot&#39;s label")));
        mvc.perform(get("/shipments/new").param("lotCode", "").with(analyst.basic())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Type the code of a released lot.")));
        mvc.perform(get("/shipments/new").with(analyst.basic())).andExpect(status().is3xxRedirection());
    }

    @Test
    void releasedUnitsShipOnceAndAreUsableOnlyAtTheClinicThatReceivedThem() throws Exception {
        String lot = scenarios.released(qa);
        List<String> units = clinics.split(lot, analyst, 3);

        postJson("/api/shipments", doctorA, shipment(clinicA, units.get(0))).andExpect(status().isForbidden());
        String shipment = read(postJson("/api/shipments", analyst, shipment(clinicA, units.get(0), units.get(1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.unitCodes.length()").value(2)).andReturn(), "$.id");
        postJson("/api/shipments", analyst, shipment(clinicB, units.get(1))).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value(units.get(1) + ": already shipped"));

        // Not yet received: not usable. Only clinic A's staff can confirm the receipt.
        assertThat(reasons(clinicA, doctorA, units.get(0), null)).anyMatch(r -> r.contains("not received by this clinic"));
        postJson("/api/shipments/" + shipment + "/receipt", doctorB, "{}").andExpect(status().isNotFound());
        postJson("/api/shipments/" + shipment + "/receipt", doctorA, "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.receivedBy").value(doctorA.username()));
        postJson("/api/shipments/" + shipment + "/receipt", doctorA, "{}").andExpect(status().isConflict());
        getJson("/api/clinics/" + clinicA + "/inventory", doctorA).andExpect(jsonPath("$.length()").value(2));
        getJson("/api/clinics/" + clinicA + "/inventory", doctorB).andExpect(status().isNotFound());

        assertThat(reasons(clinicA, doctorA, units.get(0), null)).isEmpty();
        assertThat(reasons(clinicA, doctorA, units.get(2), null)).containsExactly("unit " + units.get(2) + " was not received by this clinic: it cannot be used here");
        assertThat(reasons(clinicB, doctorB, units.get(0), null)).anyMatch(r -> r.contains("not received by this clinic"));
        assertThat(reasons(clinicA, doctorA, "L-1999-0001-U001", null)).anyMatch(r -> r.contains("no unit has the code"));

        String expires = read(scenarios.lot(lot, analyst), "$.expiresOn");
        assertThat(reasons(clinicA, doctorA, units.get(0), expires)).anyMatch(r -> r.contains("expired on " + expires));
        assertThat(reasons(clinicA, doctorA, units.get(0), LocalDate.parse(expires).minusDays(1).toString())).isEmpty();

        // A recall puts the lot on hold: its units may no longer be used anywhere.
        scenarios.sign(lot, "quarantine", qa, qa.username(), qa.password(), "Recall: particulates reported by a clinic")
                .andExpect(status().isOk());
        assertThat(reasons(clinicA, doctorA, units.get(0), null)).anyMatch(r -> r.contains("quarantined (on hold or recalled): do not use"));
    }

    @Test
    void unreleasedOrUnknownUnitsAreRefusedWithAReasonEachAndNothingIsWritten() throws Exception {
        String inTesting = scenarios.lotInTesting();
        List<String> units = clinics.split(inTesting, analyst, 1);
        List<Long> before = counts("shipment", "shipment_unit", "audit_entry");
        MvcResult refused = postJson("/api/shipments", analyst, shipment(clinicA, units.get(0), "NOPE-1"))
                .andExpect(status().isUnprocessableContent()).andReturn();
        List<String> reasons = read(refused, "$.reasons");
        assertThat(reasons).containsExactly(units.get(0) + ": lot " + lotCode(inTesting) + " is in testing, not released", "NOPE-1: no such unit");
        postJson("/api/shipments", analyst, "{\"clinicId\": \"" + clinicA + "\", \"unitCodes\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.unitCodes").exists());
        postJson("/api/shipments", analyst, "{\"clinicId\": \"" + UUID.randomUUID() + "\", \"unitCodes\": [\"X\"]}").andExpect(status().isNotFound());
        assertThat(counts("shipment", "shipment_unit", "audit_entry")).isEqualTo(before);
    }

    private String lotCode(String lot) throws Exception {
        return read(scenarios.lot(lot, analyst), "$.code");
    }

    private List<String> reasons(String clinic, TestUser doctor, String code, String on) throws Exception {
        return read(getJson("/api/clinics/" + clinic + "/unit-check?code=" + code + (on == null ? "" : "&on=" + on), doctor)
                .andExpect(status().isOk()).andReturn(), "$.reasons");
    }

    private static String shipment(String clinic, String... units) {
        return "{\"clinicId\": \"" + clinic + "\", \"unitCodes\": [" + String.join(", ", List.of(units).stream().map(u -> "\"" + u + "\"").toList()) + "]}";
    }
}
