package org.exotrace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Personal API tokens: made by their holder with a name, an expiry and a subset of their roles,
 * shown once and kept only as a SHA-256; a Bearer request gets the token's roles that its holder
 * still has and costs no password hash; revoked, expired, unknown tokens and disabled accounts get
 * 401 problem+json, and unknown tokens count against the client address.
 */
class ApiTokenIntegrationTests extends ClockedIntegrationTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private String token(TestUser holder, String name, int days, String... roles) throws Exception {
        MvcResult made = postJson("/api/account/tokens", holder, """
                {"name": "%s", "days": %d, "roles": [%s]}""".formatted(name, days,
                        String.join(", ", List.of(roles).stream().map(r -> "\"" + r + "\"").toList())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token", startsWith("exo_")))
                .andExpect(jsonPath("$.details.name").value(name))
                .andReturn();
        return read(made, "$.token");
    }

    /** POST to a lab-analyst-only endpoint and a QA-only one with an empty body: 403 when the role is missing, a 400 refusal of the body otherwise. */
    private ResultActions asAnalyst(RequestPostProcessor auth) throws Exception {
        return mvc.perform(post("/api/donors").with(auth).contentType(MediaType.APPLICATION_JSON).content("{}"));
    }

    private ResultActions asQa(RequestPostProcessor auth) throws Exception {
        return mvc.perform(post("/api/screening-panels").with(auth).contentType(MediaType.APPLICATION_JSON).content("{}"));
    }

    @Test
    void aTokenOpensTheApiWithOnlyItsRolesUntilItIsRevoked() throws Exception {
        TestUser both = user(Role.LAB_ANALYST, Role.QA_RELEASER);
        String token = token(both, "nightly export", 30, "LAB_ANALYST");
        assertThat(token).hasSize(4 + 43);

        mvc.perform(get("/api/lots").with(bearer(token))).andExpect(status().isOk());
        asAnalyst(bearer(token)).andExpect(status().isBadRequest());
        asQa(bearer(token)).andExpect(status().isForbidden());
        asQa(both.basic()).andExpect(status().isBadRequest());

        MvcResult list = mvc.perform(get("/api/account/tokens").with(bearer(token))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("nightly export"))
                .andExpect(jsonPath("$[0].roles").value(org.hamcrest.Matchers.contains("LAB_ANALYST")))
                .andExpect(jsonPath("$[0].lastUsedAt").exists())
                .andReturn();
        assertThat(list.getResponse().getContentAsString()).doesNotContain(token.substring(12));
        String id = read(list, "$[0].id");
        assertThat(audited("api_token", id, "CREATE")).isEqualTo(1);

        mvc.perform(post("/api/account/tokens/" + id + "/revoke").with(both.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"the export job moved\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.revokedAt").exists());
        mvc.perform(get("/api/lots").with(bearer(token))).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("This API token was revoked."));
        assertThat(audited("api_token", id, "REVOKE")).isEqualTo(1);
    }

    @Test
    void aTokenIsStoredOnlyAsItsSha256AndNeverInClear() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String token = token(analyst, "stored", 10, "LAB_ANALYST");

        Map<String, Object> row = jdbc.sql("select * from api_token where username = ?").param(analyst.username()).query().singleRow();
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(token.substring(4)));
        assertThat(row.get("secret_hash").toString()).isEqualTo(ApiTokens.sha256(token)).hasSize(64);
        assertThat(row.get("prefix")).isEqualTo(token.substring(0, 12));
        assertThat(jdbc.sql("select count(*) from audit_entry where new_value like ?").param("%" + token.substring(12) + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBearerRequestChecksNoPasswordHash() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String token = token(analyst, "fast", 10, "LAB_ANALYST");

        clearInvocations(encoder);
        for (int i = 0; i < 5; i++) mvc.perform(get("/api/lots").with(bearer(token))).andExpect(status().isOk());
        verify(encoder, never()).matches(any(), any());

        mvc.perform(get("/api/lots").with(analyst.basic())).andExpect(status().isOk());
        verify(encoder, atLeastOnce()).matches(any(), any());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String token = token(analyst, "one day", 1, "LAB_ANALYST");
        mvc.perform(get("/api/lots").with(bearer(token))).andExpect(status().isOk());

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        mvc.perform(get("/api/lots").with(bearer(token))).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("expired")));
    }

    @Test
    void aTokenLosesTheRolesItsHolderLosesAndEverythingWhenTheAccountIsDisabled() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST, Role.QA_RELEASER);
        TestUser admin = user(Role.ADMIN);
        String token = token(analyst, "scoped", 30, "LAB_ANALYST", "QA_RELEASER");
        asAnalyst(bearer(token)).andExpect(status().isBadRequest());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/accounts/" + analyst.username() + "/roles")
                .with(admin.basic()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\": [\"QA_RELEASER\"], \"reason\": \"moved to QA\"}")).andExpect(status().isOk());
        asAnalyst(bearer(token)).andExpect(status().isForbidden());
        asQa(bearer(token)).andExpect(status().isBadRequest());

        postJson("/api/accounts/" + analyst.username() + "/disable", admin, "{\"reason\": \"left the lab\"}").andExpect(status().isOk());
        mvc.perform(get("/api/lots").with(bearer(token))).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("disabled")));
    }

    @Test
    void refusesATokenBeyondItsHoldersRolesOrTheLongestValidityAndWritesNothing() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        List<Long> before = counts("api_token", "audit_entry");

        postJson("/api/account/tokens", analyst, """
                {"name": "", "days": 400, "roles": ["LAB_ANALYST", "ADMIN"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.days").value("choose 1 to 365 days"))
                .andExpect(jsonPath("$.errors.roles", containsString("you do not hold Administrator")));
        assertThat(counts("api_token", "audit_entry")).isEqualTo(before);
    }

    @Test
    void aTokenCannotMakeAnotherToken() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String token = token(analyst, "first", 10, "LAB_ANALYST");
        mvc.perform(post("/api/account/tokens").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"second\", \"days\": 10, \"roles\": [\"LAB_ANALYST\"]}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("cannot make another token")));
    }

    @Test
    void unknownTokensCountAgainstTheClientAddress() throws Exception {
        String address = "10.9.1.1";
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/lots").with(bearer("exo_notatoken" + i)).with(from(address))).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value("This API token is not known."));
        }
        mvc.perform(get("/api/lots").with(bearer("exo_notatoken")).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(audited("login_address", address, "LOGIN_FAILED")).isEqualTo(20);
    }

    @Test
    void theTokensPageMakesAndRevokesATokenShownOnce() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        mvc.perform(post("/account/tokens").with(analyst.basic()).with(csrf()).param("name", "").param("days", "30").param("roles", "LAB_ANALYST"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("field-error")));

        MvcResult made = mvc.perform(post("/account/tokens").with(analyst.basic()).with(csrf())
                        .param("name", "spreadsheet").param("days", "30").param("roles", "LAB_ANALYST"))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(flash().attribute("newToken", startsWith("exo_")))
                .andReturn();
        String token = (String) made.getFlashMap().get("newToken");
        mvc.perform(get("/account/tokens").with(analyst.basic())).andExpect(status().isOk())
                .andExpect(content().string(containsString("spreadsheet")))
                .andExpect(content().string(containsString(token.substring(0, 12))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
        mvc.perform(get("/api/lots").with(bearer(token))).andExpect(status().isOk());
    }

    @Test
    void theApiDescriptionOffersTheBearerTokenFirstAndBasicSecond() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        mvc.perform(get("/v3/api-docs").with(analyst.basic())).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
                .andExpect(jsonPath("$.security[0].bearer").exists())
                .andExpect(jsonPath("$.security[1].basic").exists())
                .andExpect(jsonPath("$.info.description", containsString("Authorization: Bearer exo_")));
    }
}
