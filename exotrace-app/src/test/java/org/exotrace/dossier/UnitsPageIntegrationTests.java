package org.exotrace.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The lab's units page composes the batch module's units with the clinic module's whereabouts:
 * each unit's status and place (in the lab, shipped, received, used with the day, destroyed),
 * filtered by lot, status and clinic, and never the patient who was treated.
 */
class UnitsPageIntegrationTests extends IntegrationTest {

    @Test
    void eachUnitShowsItsPlaceAndStatusFilteredByStatusAndClinicWithoutThePatient() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser qa = user(Role.QA_RELEASER);
        TestUser doctor = user(Role.CLINICIAN);
        TestUser researcher = user(Role.RESEARCHER);
        ClinicScenarios clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        LotScenarios lots = new LotScenarios(mvc, analyst);
        String clinic = clinics.clinic("KR", doctor);
        String clinicName = read(getJson("/api/clinics", doctor).andReturn(), "$[0].name");
        String lot = lots.released(qa);
        String lotCode = read(lots.lot(lot, analyst), "$.code");
        List<String> units = clinics.split(lot, analyst, 5);
        clinics.shipAndReceive(clinic, analyst, doctor, units.subList(0, 2));
        postJson("/api/shipments", analyst, "{\"clinicId\": \"" + clinic + "\", \"unitCodes\": [\"" + units.get(2) + "\"]}")
                .andExpect(status().isCreated());
        String unitId = jdbc.sql("select id from lot_unit where code = ?").param(units.get(4)).query(String.class).single();
        postJson("/api/units/" + unitId + "/destruction", analyst, "{\"reason\": \"Cracked in the freezer\"}").andExpect(status().isOk());
        String patient = clinics.patient(clinic, doctor, "melasma"); // with the treatment consent signed at registration
        String plan = clinics.plan(patient, doctor, "MELASMA-MN", LotScenarios.PRODUCT);
        postJson("/api/plans/" + plan + "/sessions", doctor, """
                {"unitCode": "%s", "volumeMl": 0.5, "device": "Dermapen 4", "needleDepthMm": 0.5, "passes": 3, "area": "full face", "side": "BOTH"}"""
                .formatted(units.get(0))).andExpect(status().isCreated());

        String page = page("/units?lot=" + lotCode, analyst);
        assertThat(row(page, units.get(0))).contains("Used in a session").contains(clinicName).contains("used in a session on " + LocalDate.now());
        assertThat(row(page, units.get(1))).contains("Received by the clinic").contains("received on " + LocalDate.now());
        assertThat(row(page, units.get(2))).contains("Shipped, not yet received").contains("shipped on " + LocalDate.now());
        assertThat(row(page, units.get(3))).contains("In the lab").contains("Destroy…");
        assertThat(row(page, units.get(4))).contains("Destroyed").contains("Cracked in the freezer").doesNotContain("Destroy…");
        assertThat(page).as("a lab page never names the patient").doesNotContain("Test Patient").doesNotContain("Patient, Test")
                .doesNotContain(">IN_LAB<").doesNotContain(">RELEASED<").doesNotContain(">RECEIVED<");

        assertThat(codes(page("/units?lot=" + lotCode + "&status=RECEIVED", analyst))).containsExactly(units.get(1));
        assertThat(codes(page("/units?lot=" + lotCode + "&status=IN_LAB", analyst))).containsExactly(units.get(3));
        assertThat(codes(page("/units?lot=" + lotCode + "&status=DESTROYED", analyst))).containsExactly(units.get(4));
        assertThat(codes(page("/units?lot=" + lotCode + "&status=USED", analyst))).containsExactly(units.get(0));
        assertThat(codes(page("/units?lot=" + lotCode + "&status=SHIPPED&clinic=" + clinic, analyst))).containsExactly(units.get(2));
        assertThat(codes(page("/units?lot=" + lotCode + "&clinic=" + clinic, researcher))).containsExactly(units.get(0), units.get(1), units.get(2));
        assertThat(codes(page("/units?lot=" + lotCode + "&status=IN_LAB&clinic=" + clinic, analyst))).isEmpty();
        String bogus = page("/units?lot=" + lotCode + "&status=BOGUS", analyst);
        assertThat(bogus).contains("is not a status; showing every status");
        assertThat(codes(bogus)).hasSize(5);
        assertThat(codes(page("/units?lot=" + lotCode.replace("-", "_"), analyst))).as("an underscore is literal, not a wildcard").isEmpty();

        mvc.perform(get("/units").with(doctor.basic())).andExpect(status().isForbidden());
    }

    private String page(String path, TestUser as) throws Exception {
        return mvc.perform(get(path).with(as.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The table row of one unit. */
    private static String row(String page, String unitCode) {
        Matcher m = Pattern.compile("<tr data-unit=\"" + Pattern.quote(unitCode) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row for " + unitCode).isTrue();
        return m.group(1);
    }

    private static List<String> codes(String page) {
        return Pattern.compile("<tr data-unit=\"([^\"]+)\">").matcher(page).results().map(r -> r.group(1)).toList();
    }
}
