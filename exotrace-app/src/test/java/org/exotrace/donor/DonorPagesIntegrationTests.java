package org.exotrace.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The donor page's forms without a browser: a correction through the page replaces the wrong result
 * (kept, invalidated) and needs a reason; the collection form refuses a future date beside its
 * field; the screening panel pages render for their readers.
 */
class DonorPagesIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"donor", "donor_screening", "audit_entry"};

    @Autowired Donors donors;

    TestUser analyst;
    Donor donor;
    Screening wrong;

    @BeforeEach
    void donorWithAWrongResult() {
        analyst = user(Role.LAB_ANALYST);
        donor = transaction().execute(tx -> donors.register(new Donors.Registration(SourceType.UMBILICAL_CORD_MSC, "pages", null,
                LocalDate.now().minusDays(2), null)));
        wrong = transaction().execute(tx -> donors.recordScreening(donor.id(),
                new Donors.ScreeningEntry("ANTI_HCV", "NON_REACTIVE", LocalDate.now().minusDays(2))));
    }

    @Test
    void theCorrectionFormRefusesAnAnalystCorrectingAReactiveResultAndWritesNothing() throws Exception {
        Screening reactive = transaction().execute(tx -> donors.recordScreening(donor.id(),
                new Donors.ScreeningEntry("ANTI_HCV", "REACTIVE", LocalDate.now().minusDays(2))));
        mvc.perform(get("/donors/" + donor.id()).with(analyst.basic()))
                .andExpect(content().string(containsString("only QA, a person other than who recorded it, may invalidate it")))
                .andExpect(content().string(not(containsString("Invalidate as QA"))));
        List<Long> before = counts(TABLES);

        mvc.perform(post("/donors/" + donor.id() + "/screenings").with(analyst.basic()).with(csrf())
                        .param("testCode", "ANTI_HCV").param("result", "NON_REACTIVE").param("sampledOn", LocalDate.now().minusDays(2).toString())
                        .param("corrects", reactive.id().toString()).param("reason", "Report reads non-reactive"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("only a QA releaser who did not record it may invalidate or correct it")));

        assertThat(counts(TABLES)).isEqualTo(before);
        mvc.perform(get("/donors/" + donor.id()).with(user(Role.QA_RELEASER).basic()))
                .andExpect(content().string(containsString("Invalidate as QA")));
    }

    @Test
    void theCorrectionFormReplacesAWrongResultWithAReasonAndKeepsIt() throws Exception {
        mvc.perform(get("/donors/" + donor.id()).param("correct", wrong.id().toString()).with(analyst.basic()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Correct a screening result")))
                .andExpect(content().string(containsString("Reason for the correction")));
        List<Long> before = counts(TABLES);

        mvc.perform(post("/donors/" + donor.id() + "/screenings").with(analyst.basic()).with(csrf())
                        .param("testCode", "ANTI_HCV").param("result", "NON_REACTIVE").param("sampledOn", LocalDate.now().minusDays(2).toString())
                        .param("corrects", wrong.id().toString()).param("reason", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is required")));
        assertThat(counts(TABLES)).isEqualTo(before);

        mvc.perform(post("/donors/" + donor.id() + "/screenings").with(analyst.basic()).with(csrf())
                        .param("testCode", "ANTI_HCV").param("result", "NON_REACTIVE").param("sampledOn", LocalDate.now().minusDays(1).toString())
                        .param("corrects", wrong.id().toString()).param("reason", "Sampling date typed wrong"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/donors/" + donor.id()));

        assertThat(donors.screenings(donor.id())).hasSize(2).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(wrong.id());
            assertThat(s.status()).isEqualTo(Screening.Status.INVALIDATED);
            assertThat(s.invalidationReason()).isEqualTo("Sampling date typed wrong");
            assertThat(s.correctedBy()).isNotNull();
        });
        assertThat(donors.determination(donor.id()).finding("ANTI_HCV").outcome()).isEqualTo(EligibilityDetermination.Outcome.SATISFIED);
    }

    @Test
    void theCollectionFormRefusesAFutureDateBesideItsFieldAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        mvc.perform(post("/donors/" + donor.id() + "/collection").with(analyst.basic()).with(csrf())
                        .param("collectedOn", LocalDate.now().plusDays(3).toString()).param("collectionJurisdiction", "US")
                        .param("reason", "typo"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cannot be in the future")))
                .andExpect(content().string(containsString("<details open")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void thePanelsPageListsEveryPanelForTheLabAndComplianceAndTheEditorOnlyForQa() throws Exception {
        TestUser compliance = user(Role.COMPLIANCE_OFFICER);
        TestUser qa = user(Role.QA_RELEASER);

        mvc.perform(get("/screening-panels").with(compliance.basic()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bone-marrow MSC in United States")))
                .andExpect(content().string(containsString("from 30 days before to 7 days after collection")))
                .andExpect(content().string(containsString("UNVERIFIED")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Add a panel"))));
        String panel = jdbc.sql("select id from screening_panel where source_type = 'ADIPOSE_MSC' and jurisdiction = 'EU'")
                .query(String.class).single();
        mvc.perform(get("/screening-panels/" + panel + "/edit").with(analyst.basic())).andExpect(status().isForbidden());
        mvc.perform(get("/screening-panels/" + panel + "/edit").with(qa.basic()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Require a test")));
        mvc.perform(get("/screening-panels/" + panel + "/tests/ANTI_HIV_1_2/edit").with(qa.basic()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Stop requiring this test")));
    }
}
