package org.exotrace.batch;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * A unit broken in the lab is destroyed with the day and a reason, audited and kept; from then on
 * it cannot be shipped or used. The lab destroys only what it still holds: a shipped unit is the
 * clinic's. Every refusal writes nothing.
 */
class UnitDestructionIntegrationTests extends IntegrationTest {

    private TestUser analyst;
    private TestUser qa;
    private TestUser doctor;
    private LotScenarios lots;
    private ClinicScenarios clinics;
    private String clinic;

    @BeforeEach
    void setUp() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        qa = user(Role.QA_RELEASER);
        doctor = user(Role.CLINICIAN);
        lots = new LotScenarios(mvc, analyst);
        clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        clinic = clinics.clinic("DE", doctor);
    }

    @Test
    void aDestroyedUnitIsKeptWithItsReasonAuditedAndCanNoLongerBeShippedOrUsed() throws Exception {
        List<String> units = clinics.split(lots.released(qa), analyst, 3);
        String unitId = unitId(units.get(2));
        long audits = count("audit_entry");

        postJson("/api/units/" + unitId + "/destruction", analyst, "{\"reason\": \"Ampoule cracked at visual inspection\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(units.get(2)))
                .andExpect(jsonPath("$.destruction.on").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.destruction.by").value(analyst.username()))
                .andExpect(jsonPath("$.destruction.reason").value("Ampoule cracked at visual inspection"));
        assertThat(count("audit_entry")).isEqualTo(audits + 1);
        Map<String, Object> entry = jdbc.sql("select action, reason, actor from audit_entry where record_type = 'lot_unit' and record_id = ? order by seq desc limit 1")
                .param(unitId).query().singleRow();
        assertThat(entry).containsEntry("action", "DESTROY").containsEntry("reason", "Ampoule cracked at visual inspection")
                .containsEntry("actor", analyst.username());
        assertThat(jdbc.sql("select count(*) from lot_unit where id = cast(? as uuid)").param(unitId).query(Long.class).single())
                .as("a destroyed unit is kept").isEqualTo(1);

        List<Long> before = counts("shipment", "shipment_unit", "audit_entry");
        postJson("/api/shipments", analyst, "{\"clinicId\": \"" + clinic + "\", \"unitCodes\": [\"" + units.get(0) + "\", \"" + units.get(2) + "\"]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons.length()").value(1))
                .andExpect(jsonPath("$.reasons[0]").value(units.get(2) + ": destroyed on " + LocalDate.now() + " (Ampoule cracked at visual inspection)"));
        assertThat(counts("shipment", "shipment_unit", "audit_entry")).as("the whole shipment is refused").isEqualTo(before);

        List<String> reasons = read(getJson("/api/clinics/" + clinic + "/unit-check?code=" + units.get(2), doctor)
                .andExpect(status().isOk()).andReturn(), "$.reasons");
        assertThat(reasons).contains("unit " + units.get(2) + " was destroyed on " + LocalDate.now() + ": do not use");
    }

    @Test
    void refusesADestructionWithoutAReasonInTheFutureTwiceOrOfAShippedUnitAndWritesNothing() throws Exception {
        List<String> units = clinics.split(lots.released(qa), analyst, 3);
        clinics.shipAndReceive(clinic, analyst, doctor, List.of(units.get(0)));
        String shipped = unitId(units.get(0));
        String inLab = unitId(units.get(1));
        postJson("/api/units/" + inLab + "/destruction", analyst, "{\"reason\": \"Label smudged beyond reading\"}").andExpect(status().isOk());
        List<Long> before = destructionCounts();

        postJson("/api/units/" + unitId(units.get(2)) + "/destruction", analyst, "{\"reason\": \"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").value("is required"));
        postJson("/api/units/" + unitId(units.get(2)) + "/destruction", analyst, "{\"reason\": \"cracked\", \"on\": \"" + LocalDate.now().plusDays(1) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.on").value("cannot be in the future"));
        postJson("/api/units/" + unitId(units.get(2)) + "/destruction", analyst, "{\"reason\": \"cracked\", \"on\": \"" + LocalDate.now().minusYears(1) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.on").value(org.hamcrest.Matchers.startsWith("cannot be before the unit was filled")));
        postJson("/api/units/" + inLab + "/destruction", analyst, "{\"reason\": \"again\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("Unit " + units.get(1) + " was already destroyed on " + LocalDate.now() + "."));
        postJson("/api/units/" + shipped + "/destruction", analyst, "{\"reason\": \"dropped\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is no longer in the lab: shipped to Clinic ")));
        postJson("/api/units/" + unitId(units.get(2)) + "/destruction", doctor, "{\"reason\": \"dropped\"}").andExpect(status().isForbidden());
        postJson("/api/units/" + unitId(units.get(2)) + "/destruction", qa, "{\"reason\": \"dropped\"}").andExpect(status().isForbidden());

        assertThat(destructionCounts()).isEqualTo(before);
    }

    private List<Long> destructionCounts() {
        return List.of(jdbc.sql("select count(*) from lot_unit where destroyed_on is not null").query(Long.class).single(), count("audit_entry"));
    }

    private String unitId(String code) {
        return jdbc.sql("select id from lot_unit where code = ?").param(code).query(java.util.UUID.class).single().toString();
    }
}
