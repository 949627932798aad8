package org.exotrace.donor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.audit.AuditEntry;
import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The donor API: bad input is answered with a 4xx problem and writes nothing; the consent life cycle drives checkUse. */
class DonorApiIntegrationTests extends IntegrationTest {

    private static final String[] TABLES = {"donor", "donor_screening", "donor_consent", "audit_entry"};
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired Donors donors;
    @Autowired AuditTrail trail;

    TestUser analyst;

    @BeforeEach
    void analyst() {
        analyst = user(Role.LAB_ANALYST);
    }

    @Test
    void refusesARegistrationWithoutSourceTypeAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        postJson("/api/donors", analyst, """
                {"sourceDetail": "Wharton's jelly"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.sourceType").isNotEmpty())
                .andExpect(jsonPath("$.detail", containsString("sourceType")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownSourceTypeAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        postJson("/api/donors", analyst, """
                {"sourceType": "DRAGON"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors.sourceType").value(containsString("'DRAGON' is not valid: choose one of [UMBILICAL_CORD_MSC")))
                .andExpect(jsonPath("$.detail", containsString("DRAGON")));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesMalformedJsonNamingLineAndColumnAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        postJson("/api/donors", analyst, "{\n  \"sourceType\": \"PLANT\"\n  \"notes\": \"x\"\n}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.detail", matchesPattern(".*\\(line 3, column \\d+\\)\\.$")))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("Source"))));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void refusesNotesLongerThan2000CharactersAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        postJson("/api/donors", analyst, """
                {"sourceType": "PLANT", "notes": "%s"}""".formatted("n".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.notes").isNotEmpty());

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void acceptsNotesOfExactly2000Characters() throws Exception {
        postJson("/api/donors", analyst, """
                {"sourceType": "PLANT", "notes": "%s"}""".formatted("n".repeat(2000)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.notes", org.hamcrest.Matchers.hasLength(2000)));
    }

    @Test
    void refusesAConsentDatedInTheFutureAndWritesNothing() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC");
        List<Long> before = counts(TABLES);

        postJson("/api/donors/" + donor + "/consents", analyst, """
                {"scope": "COSMETIC_USE", "grantedOn": "%s", "documentReference": "CF-2026-001"}"""
                .formatted(LocalDate.now().plusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.grantedOn").isNotEmpty());

        assertThat(counts(TABLES)).isEqualTo(before);
        assertThat(donors.consents(UUID.fromString(donor))).isEmpty();
    }

    @Test
    void refusesWithdrawingAnAlreadyWithdrawnConsentAndWritesNothing() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC");
        String consent = grantConsent(donor, "COSMETIC_USE");
        withdraw(donor, consent, "Donor asked by phone").andExpect(status().isOk());
        List<Long> before = counts(TABLES);

        withdraw(donor, consent, "Asked again")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("already withdrawn")));

        assertThat(counts(TABLES)).isEqualTo(before);
        assertThat(donors.consents(UUID.fromString(donor))).singleElement()
                .satisfies(c -> assertThat(c.withdrawalReason()).isEqualTo("Donor asked by phone"));
    }

    @Test
    void refusesAWithdrawalWithoutReasonAndChangesNothing() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC");
        String consent = grantConsent(donor, "COSMETIC_USE");
        List<Long> before = counts(TABLES);

        postJson("/api/donors/" + donor + "/consents/" + consent + "/withdrawal", analyst, """
                {"reason": "  "}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.reason").isNotEmpty());

        assertThat(counts(TABLES)).isEqualTo(before);
        assertThat(donors.consents(UUID.fromString(donor))).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Consent.Status.GRANTED));
    }

    @Test
    void answersNotFoundForAnUnknownDonorAndWritesNothing() throws Exception {
        UUID unknown = UUID.randomUUID();
        List<Long> before = counts(TABLES);

        getJson("/api/donors/" + unknown, analyst)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString(unknown.toString())));
        postJson("/api/donors/" + unknown + "/screenings", analyst, """
                {"testCode": "ANTI_HIV_1_2", "result": "NON_REACTIVE", "sampledOn": "%s"}""".formatted(LocalDate.now()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void forbidsAClinicianToRegisterOrReadDonorsAndWritesNothing() throws Exception {
        TestUser clinician = user(Role.CLINICIAN);
        List<Long> before = counts(TABLES);

        postJson("/api/donors", clinician, """
                {"sourceType": "PLANT"}""")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(403));
        getJson("/api/donors", clinician).andExpect(status().isForbidden());

        assertThat(counts(TABLES)).isEqualTo(before);
    }

    @Test
    void asksForCredentialsWhenNoneOrWrongOnesAreSentAndWritesNothing() throws Exception {
        List<Long> before = counts(TABLES);

        mvc.perform(post("/api/donors").contentType(MediaType.APPLICATION_JSON).content("{\"sourceType\": \"PLANT\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Authentication required"));
        postJson("/api/donors", new TestUser(analyst.username(), "not the password", analyst.roles()), """
                {"sourceType": "PLANT"}""")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));

        // the wrong password itself is audited (a failed sign-in, issue 10); nothing else is written
        List<Long> after = counts(TABLES);
        assertThat(after.subList(0, 3)).isEqualTo(before.subList(0, 3));
        assertThat(after.get(3)).isEqualTo(before.get(3) + 1);
        assertThat(jdbc.sql("select record_id || ' ' || action from audit_entry order by seq desc limit 1").query(String.class).single())
                .isEqualTo(analyst.username() + " LOGIN_FAILED");
    }

    @Test
    void withdrawnConsentBlocksUseAndEveryStepIsAudited() throws Exception {
        String donor = register("UMBILICAL_CORD_MSC");
        UUID id = UUID.fromString(donor);
        String screening = screenFullPanel(donor).get("ANTI_HIV_1_2");
        String consent = grantConsent(donor, "COSMETIC_USE");
        assertThat(donors.checkUse(id, ConsentScope.COSMETIC_USE).allowed()).isTrue();

        withdraw(donor, consent, "Donor moved abroad")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawalReason").value("Donor moved abroad"));

        UseCheck check = donors.checkUse(id, ConsentScope.COSMETIC_USE);
        assertThat(check.allowed()).isFalse();
        assertThat(check.reasons()).singleElement().asString()
                .contains("withdrew consent for cosmetic use").contains("Donor moved abroad");

        assertThat(trail.history("donor", donor)).extracting(AuditEntry::action).containsExactly("CREATE");
        assertThat(trail.history("donor_screening", screening)).extracting(AuditEntry::action).containsExactly("CREATE");
        List<AuditEntry> consentHistory = trail.history("donor_consent", consent);
        assertThat(consentHistory).extracting(AuditEntry::action).containsExactly("CREATE", "WITHDRAW");
        assertThat(consentHistory.get(1).reason()).isEqualTo("Donor moved abroad");
        assertThat(consentHistory.get(1).actor()).isEqualTo(analyst.username());
    }

    @Test
    void donorWithConsentAndANegativePanelMayBeUsedOnlyForTheConsentedScope() throws Exception {
        String donor = register("ADIPOSE_MSC");
        UUID id = UUID.fromString(donor);
        screenFullPanel(donor);
        grantConsent(donor, "COSMETIC_USE");

        assertThat(donors.checkUse(id, ConsentScope.COSMETIC_USE)).isEqualTo(new UseCheck(true, List.of()));
        assertThat(donors.checkUse(id, ConsentScope.CLINICAL_USE).reasons()).singleElement().asString()
                .contains("has no consent for clinical use");
    }

    @Test
    void donorWithConsentButNoScreeningIsNotYetAllowedAndEveryRequiredTestIsAReason() throws Exception {
        String donor = register("BONE_MARROW_MSC");
        grantConsent(donor, "COSMETIC_USE");

        UseCheck check = donors.checkUse(UUID.fromString(donor), ConsentScope.COSMETIC_USE);
        assertThat(check.allowed()).isFalse();
        int required = donors.determination(UUID.fromString(donor)).findings().size();
        assertThat(check.reasons()).hasSize(required).allSatisfy(r -> assertThat(r).contains("screening pending").endsWith(": no result"));
    }

    private String register(String sourceType) throws Exception {
        var result = postJson("/api/donors", analyst, """
                {"sourceType": "%s", "sourceDetail": "test donor", "collectedOn": "%s"}""".formatted(sourceType, LocalDate.now().minusDays(3)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code", matchesPattern("X0001\\d{8}[0-9A-Z*]")))
                .andReturn();
        return read(result, "$.id");
    }

    private java.util.Map<String, String> screenFullPanel(String donor) throws Exception {
        return new org.exotrace.LotScenarios(mvc, analyst).screenFullPanel(donor);
    }

    private String grantConsent(String donor, String scope) throws Exception {
        var result = postJson("/api/donors/" + donor + "/consents", analyst, """
                {"scope": "%s", "grantedOn": "%s", "documentReference": "CF-2026-001"}""".formatted(scope, LocalDate.now().minusDays(2)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andReturn();
        return read(result, "$.id");
    }

    private ResultActions withdraw(String donor, String consent, String reason) throws Exception {
        return postJson("/api/donors/" + donor + "/consents/" + consent + "/withdrawal", analyst, """
                {"reason": "%s"}""".formatted(reason));
    }
}
