package org.exotrace.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipping form (lab) and the inventory page (clinic): units chosen by tick or by a range of
 * numbers, a refusal shown beside its unit with nothing shipped, the receipt confirmed with its
 * day, and every received unit with whether it may be used today.
 */
class ShippingPagesIntegrationTests extends IntegrationTest {

    private TestUser analyst;
    private TestUser qa;
    private TestUser doctor;
    private TestUser otherDoctor;
    private ClinicScenarios clinics;
    private LotScenarios lots;
    private String clinic;

    @BeforeEach
    void setUp() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        doctor = user(Role.CLINICIAN);
        otherDoctor = user(Role.CLINICIAN);
        clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        lots = new LotScenarios(mvc, analyst);
        clinic = clinics.clinic("FR", doctor);
        clinics.clinic("FR", otherDoctor);
    }

    @Test
    void shipsARangeOfUnitsThenTheClinicConfirmsTheReceiptAndSeesThemUsable() throws Exception {
        String lot = lots.released(qa);
        List<String> units = clinics.split(lot, analyst, 6);
        String form = page("/shipments/new?lot=" + lot, analyst);
        assertThat(form).contains(units.get(0)).contains(units.get(5)).contains("Select all");

        mvc.perform(post("/shipments").with(analyst.basic()).with(csrf()).param("lotId", lot).param("clinicId", clinic)
                        .param("shippedOn", LocalDate.now().minusDays(1).toString()).param("range", "2-4").param("unit", units.get(5)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/shipments"));
        String shipment = jdbc.sql("select shipment_id from shipment_unit where unit_code = ?").param(units.get(1)).query(String.class).single();
        assertThat(jdbc.sql("select unit_code from shipment_unit where shipment_id = cast(? as uuid) order by unit_code").param(shipment)
                .query(String.class).list()).containsExactly(units.get(1), units.get(2), units.get(3), units.get(5));

        String home = page("/clinic", doctor);
        assertThat(home).contains("A shipment from the lab is").contains("Inventory (1 to receive)");
        String inventory = page("/clinic/" + clinic + "/inventory", doctor);
        assertThat(inventory).contains("4 units").contains("Confirm receipt").contains("No unit in stock.");

        List<Long> before = counts("audit_entry");
        mvc.perform(post("/shipments/" + shipment + "/receipt").with(otherDoctor.basic()).with(csrf()).param("on", LocalDate.now().toString()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/shipments/" + shipment + "/receipt").with(doctor.basic()).with(csrf()).param("on", LocalDate.now().minusDays(2).toString()))
                .andExpect(status().isBadRequest());
        assertThat(counts("audit_entry")).isEqualTo(before);
        mvc.perform(post("/shipments/" + shipment + "/receipt").with(doctor.basic()).with(csrf()).param("on", LocalDate.now().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/clinic/" + clinic + "/inventory"));

        inventory = page("/clinic/" + clinic + "/inventory", doctor);
        assertThat(inventory).contains("No shipment is waiting for a receipt.");
        for (String code : List.of(units.get(1), units.get(2), units.get(3), units.get(5))) {
            assertThat(inventory).contains("data-unit=\"" + code + "\"");
        }
        assertThat(inventory).doesNotContain("data-unit=\"" + units.get(0) + "\"");
        assertThat(inventory.split("state-PASS\">Yes<", -1)).hasSize(5);

        // A recall hold reaches the shelf: every unit of the lot says no, with the check's reason.
        lots.sign(lot, "quarantine", qa, qa.username(), qa.password(), "Recall: particulates").andExpect(status().isOk());
        inventory = page("/clinic/" + clinic + "/inventory", doctor);
        assertThat(inventory.split("state-FAIL\">No<", -1)).hasSize(5);
        assertThat(inventory).contains("(on hold or recalled): do not use");
        mvc.perform(get("/clinic/" + clinic + "/inventory").with(otherDoctor.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/clinic/" + clinic + "/inventory").with(analyst.basic())).andExpect(status().isForbidden());
    }

    @Test
    void aRefusedUnitIsShownBesideItselfAndNothingIsShipped() throws Exception {
        String lot = lots.released(qa);
        List<String> units = clinics.split(lot, analyst, 3);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(units.get(1)));
        List<Long> before = counts("shipment", "shipment_unit", "audit_entry");

        String refused = mvc.perform(post("/shipments").with(analyst.basic()).with(csrf()).param("lotId", lot).param("clinicId", clinic)
                        .param("unit", units.get(0)).param("unit", units.get(1)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Nothing was shipped: 1 refusal, shown beside the units.").contains("already shipped");
        assertThat(refused).containsPattern("value=\"" + units.get(0) + "\"\\s+checked");

        mvc.perform(post("/shipments").with(analyst.basic()).with(csrf()).param("lotId", lot).param("clinicId", clinic).param("range", "2-9"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/shipments").with(analyst.basic()).with(csrf()).param("lotId", lot).param("clinicId", clinic).param("range", "3-1"))
                .andExpect(status().isBadRequest());
        String noUnits = mvc.perform(post("/shipments").with(analyst.basic()).with(csrf()).param("lotId", lot).param("clinicId", clinic))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noUnits).contains("list the units to ship");
        String noClinic = mvc.perform(post("/shipments").with(analyst.basic()).with(csrf()).param("lotId", lot).param("unit", units.get(0)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noClinic).contains("choose the clinic");
        mvc.perform(post("/shipments").with(doctor.basic()).with(csrf()).param("lotId", lot).param("clinicId", clinic).param("unit", units.get(0)))
                .andExpect(status().isForbidden());
        assertThat(counts("shipment", "shipment_unit", "audit_entry")).isEqualTo(before);
    }

    private String page(String path, TestUser as) throws Exception {
        return mvc.perform(get(path).with(as.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
