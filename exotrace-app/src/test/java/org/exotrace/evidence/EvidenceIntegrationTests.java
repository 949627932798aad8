package org.exotrace.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.exotrace.ClinicScenarios;
import org.exotrace.IntegrationTest;
import org.exotrace.outcome.Instrument;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The evidence workbench's invariants: research sees only patients whose research-use consent is
 * in force; the statistics are the arithmetic of the data chosen; a locked plan is audited and
 * can be changed by no one; bad input is refused with a message on its field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceIntegrationTests extends IntegrationTest {

    @Autowired ResearchData data;
    @Autowired Analyses analyses;

    private TestUser researcher;
    private TestUser doctor;
    private String consenting;
    private String withdrawn;
    private String neverConsented;
    private List<String> cohort;

    /**
     * Five patients of a new clinic on the AD electroporation template, started 100 days ago, with an
     * EASI at the start and at day 84 (2 x the sum of four signs on the lower limbs at 70 %):
     * three consent to research (EASI 16 -> 8, 20 -> 16, 24 -> 4), one consents and withdraws,
     * one never consents.
     */
    @BeforeAll
    void fiveCourses() throws Exception {
        researcher = user(Role.RESEARCHER);
        doctor = user(Role.CLINICIAN);
        ClinicScenarios clinics = new ClinicScenarios(mvc, user(Role.ADMIN));
        String clinic = clinics.clinic("KR", doctor);
        String template = clinics.templateId("AD-REDNESS-EP", doctor);
        LocalDate start = LocalDate.now().minusDays(100);
        consenting = course(clinics, clinic, template, start, 2, 1, true, false);
        String second = course(clinics, clinic, template, start, 2.5, 2, true, false);
        String third = course(clinics, clinic, template, start, 3, 0.5, true, false);
        withdrawn = course(clinics, clinic, template, start, 2, 1, true, true);
        neverConsented = course(clinics, clinic, template, start, 2, 1, false, false);
        cohort = List.of(consenting, second, third);
    }

    /** A patient with a plan and two EASI readings; their pseudonym. */
    private String course(ClinicScenarios clinics, String clinic, String template, LocalDate start, double before, double after, boolean research,
                          boolean withdraw) throws Exception {
        String patient = clinics.patient(clinic, doctor, "atopic dermatitis");
        String plan = clinics.planFrom(patient, doctor, template, start);
        clinics.lowerLimbEasi(patient, doctor, plan, start, before, before, before, before);
        clinics.lowerLimbEasi(patient, doctor, plan, start.plusDays(84), after, after, after, after);
        if (research) {
            MvcResult consent = postJson("/api/patients/" + patient + "/consents", doctor, "{\"kind\": \"RESEARCH_USE\", \"formVersion\": \"RU-1\", "
                    + "\"signedOn\": \"" + start.minusDays(1) + "\", \"signedBy\": \"Test Patient\"}").andExpect(status().isCreated()).andReturn();
            if (withdraw) {
                postJson("/api/patient-consents/" + read(consent, "$.id") + "/withdrawal", doctor,
                        "{\"on\": \"" + LocalDate.now() + "\", \"reason\": \"No longer wishes her data used\"}").andExpect(status().isOk());
            }
        }
        MvcResult p = getJson("/api/patients/" + patient, doctor).andExpect(status().isOk()).andReturn();
        return read(p, "$.pseudonym");
    }

    private <T> T asResearcher(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(researcher.username(), null,
                List.of(new SimpleGrantedAuthority(Role.RESEARCHER.authority()))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aPatientWithoutAResearchConsentInForceIsInNoCourseNoPageAndNoAnalysis() throws Exception {
        Set<String> pseudonyms = asResearcher(() -> data.courses().stream().map(Course::pseudonym).collect(java.util.stream.Collectors.toSet()));

        assertThat(pseudonyms).containsAll(cohort).doesNotContain(withdrawn, neverConsented);
        String page = mvc.perform(get("/evidence/analysis").param("kind", "PAIRED").param("instrument", "EASI").param("indication", "atopic dermatitis")
                .with(researcher.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(consenting).doesNotContain(withdrawn).doesNotContain(neverConsented);
    }

    @Test
    void researchIsTheResearchersAlone() throws Exception {
        mvc.perform(get("/evidence").with(doctor.basic())).andExpect(status().isForbidden());
        mvc.perform(get("/evidence").with(user(Role.QA_RELEASER).basic())).andExpect(status().isForbidden());
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(doctor.username(), null,
                List.of(new SimpleGrantedAuthority(Role.CLINICIAN.authority()))));
        try {
            assertThatThrownBy(() -> data.courses()).hasMessageContaining("Only researchers");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Changes 16 -> 8, 20 -> 16, 24 -> 4: mean change (-8 - 4 - 20) / 3 = -32 / 3; two of three drop by at least 50 %. */
    @Test
    void thePairedAnalysisIsTheArithmeticOfTheBaselinesAndTheVisitValues() {
        AnalysisReport r = asResearcher(() -> analyses.run(analyses.cohort(CohortFilter.ALL).stream().filter(c -> cohort.contains(c.pseudonym()))
                .toList(), CohortFilter.ALL, new AnalysisSpec(AnalysisKind.PAIRED, Instrument.EASI, 84, 7, 50, null, null),
                AnalysisReport.Provenance.EXPLORATORY));

        AnalysisReport.Estimate change = r.estimates().get(0);
        assertThat(change.n()).isEqualTo(3);
        assertThat(change.value()).isCloseTo(-32.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.tables()).anySatisfy(t -> assertThat(t.rows().get(0)).contains("2 / 3"));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("n = 3 is small"));
        assertThat(r.visits().get(0)).isEqualTo(new AnalysisReport.VisitCount("baseline", 0, 3, 0));
        assertThat(r.methods()).contains("paired t-test").contains("Wilcoxon signed-rank").contains("Complete cases: 3 of 3");
        assertThat(r.provenance().preSpecified()).isFalse();
    }

    @Test
    void aLockedPlanIsAuditedItsResultsArePreSpecifiedAndNoOneCanChangeIt() throws Exception {
        MvcResult locked = mvc.perform(post("/evidence/plans").with(researcher.basic()).with(csrf()).param("title", "EASI at week 12")
                .param("kinds", "PAIRED", "RESPONDER").param("instrument", "EASI").param("indication", "atopic dermatitis"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = locked.getResponse().getRedirectedUrl();
        java.util.UUID id = java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String sha = jdbc.sql("select sha256 from evidence_plan where id = ?").param(id).query(String.class).single();

        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'evidence_plan' and record_id = ?").param(id.toString())
                .query(Long.class).single()).isEqualTo(1);
        String page = mvc.perform(get(location).with(researcher.basic())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Pre-specified").contains(sha).contains(consenting).doesNotContain(withdrawn);
        assertThatThrownBy(() -> jdbc.sql("update evidence_plan set title = 'changed' where id = ?").param(id).update())
                .rootCause().hasMessageContaining("permission denied for table evidence_plan");
        String refused = asSuperuserRolledBack(su -> {
            try {
                su.sql("update evidence_plan set content = '{}' where id = ?").param(id).update();
                return "changed";
            } catch (RuntimeException e) {
                return e.getMessage();
            }
        });
        assertThat(refused).contains("is locked");
        byte[] pdf = mvc.perform(get(location + "/report.pdf").with(researcher.basic())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aValueThatCannotBeReadIsRefusedOnItsFieldAndNothingIsRun() throws Exception {
        String page = mvc.perform(get("/evidence/analysis").param("kind", "PAIRED").param("instrument", "EASI").param("day", "twelve weeks")
                .with(researcher.basic())).andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&#39;twelve weeks&#39; is not a whole number");
        long plans = count("evidence_plan");
        mvc.perform(post("/evidence/plans").with(researcher.basic()).with(csrf()).param("title", "").param("instrument", "EASI"))
                .andExpect(status().isBadRequest());
        assertThat(count("evidence_plan")).isEqualTo(plans);
    }
}
