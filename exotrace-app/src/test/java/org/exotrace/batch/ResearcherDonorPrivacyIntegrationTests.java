package org.exotrace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.exotrace.IntegrationTest;
import org.exotrace.LotScenarios;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donors;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Researchers study lots and outcomes but never see who the material came from: no donor code, no
 * donor id and no link to the donor's record in any page or answer they can reach, while analysts
 * and QA keep the full trace.
 */
class ResearcherDonorPrivacyIntegrationTests extends IntegrationTest {

    @Autowired Donors donors;

    private TestUser analyst;
    private TestUser researcher;
    private LotScenarios scenarios;
    private String donorId;
    private String donorCode;
    private String donorCodeDisplay;
    private String batchId;
    private String lotId;

    @BeforeEach
    void setUp() throws Exception {
        analyst = user(Role.LAB_ANALYST);
        researcher = user(Role.RESEARCHER);
        scenarios = new LotScenarios(mvc, analyst);
        donorId = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES).id();
        var donor = donors.get(java.util.UUID.fromString(donorId));
        donorCode = donor.code().value();
        donorCodeDisplay = donor.code().display();
        batchId = scenarios.batch(donorId);
        lotId = scenarios.lot(batchId);
    }

    @Test
    void theLineageShowsResearchersTheSourceButNotTheDonor() throws Exception {
        String forResearcher = body(get("/api/lots/" + lotId + "/lineage"), researcher, MediaType.APPLICATION_JSON);
        assertThat(forResearcher).contains("\"type\":\"donor\"", "Umbilical-cord MSC", "donor code withheld")
                .doesNotContain(donorCode, donorCodeDisplay, donorId);
        String page = body(get("/lots/" + lotId + "/lineage"), researcher, MediaType.TEXT_HTML);
        assertThat(page).contains("donor code withheld").doesNotContain(donorCodeDisplay, "/donors/");

        assertThat(body(get("/api/lots/" + lotId + "/lineage"), analyst, MediaType.APPLICATION_JSON)).contains(donorCodeDisplay, donorId);
    }

    @Test
    void batchesReachResearchersWithoutTheirDonor() throws Exception {
        assertThat(body(get("/api/batches/" + batchId), researcher, MediaType.APPLICATION_JSON)).doesNotContain("donorId", donorId);
        assertThat(body(get("/api/batches").param("size", "100"), researcher, MediaType.APPLICATION_JSON)).doesNotContain(donorId);
        assertThat(body(get("/batches/" + batchId), researcher, MediaType.TEXT_HTML)).contains("Donor code withheld")
                .doesNotContain(donorCodeDisplay, donorId);
        assertThat(body(get("/batches"), researcher, MediaType.TEXT_HTML)).doesNotContain(donorCodeDisplay);
        // nor can a researcher find a donor's batches by typing the code
        assertThat(body(get("/api/batches").param("q", donorCode), researcher, MediaType.APPLICATION_JSON)).contains("\"total\":0");

        assertThat(body(get("/api/batches/" + batchId), analyst, MediaType.APPLICATION_JSON)).contains(donorId);
        assertThat(body(get("/batches/" + batchId), analyst, MediaType.TEXT_HTML)).contains(donorCodeDisplay);
        assertThat(body(get("/api/batches").param("q", donorCode), analyst, MediaType.APPLICATION_JSON)).contains(batchId);
    }

    @Test
    void theFormsThatListDonorsAreForAnalystsOnly() throws Exception {
        for (String path : List.of("/batches/new", "/lots/" + lotId + "/derive", "/lots/pool")) {
            mvc.perform(get(path).with(researcher.basic()).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
            mvc.perform(get(path).with(analyst.basic()).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        }
    }

    @Test
    void aReleaseRefusalNamesNoDonorToAResearcher() throws Exception {
        var consents = scenarios.humanDonor(LotScenarios.PRODUCT_SCOPES);
        String lot = scenarios.lot(scenarios.batch(consents.id()));
        String code = donors.get(java.util.UUID.fromString(consents.id())).code().display();
        postJson("/api/donors/" + consents.id() + "/consents/" + consents.consents().get(ConsentScope.COSMETIC_USE) + "/withdrawal", analyst, """
                {"withdrawnOn": "%s", "reason": "donor asked"}""".formatted(LocalDate.now())).andExpect(status().isOk());

        assertThat(body(get("/lots/" + lot + "/release-panel"), researcher, MediaType.TEXT_HTML))
                .contains("A donor (Umbilical-cord MSC) withdrew consent for cosmetic use").doesNotContain(code);
        assertThat(body(get("/lots/" + lot + "/release-panel"), analyst, MediaType.TEXT_HTML)).contains("Donor " + code + " withdrew consent");
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, TestUser as, MediaType accept)
            throws Exception {
        return mvc.perform(request.with(as.basic()).accept(accept)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
