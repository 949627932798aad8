package org.exotrace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An administrator disables and enables accounts, resets passwords and changes roles, each with a
 * reason and audited, but never disables themselves or removes their own administrator role. A
 * reset password is temporary: shown once, good only for choosing a new one (no API, no signature).
 */
class AccountAdministrationIntegrationTests extends IntegrationTest {

    private TestUser admin;
    private TestUser analyst;

    @BeforeEach
    void setUp() {
        admin = user(Role.ADMIN);
        analyst = user(Role.LAB_ANALYST);
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgainAndBothChangesAreAuditedWithTheirReason() throws Exception {
        getJson("/api/lots", analyst).andExpect(status().isOk());
        apiPost("/api/accounts/" + analyst.username() + "/disable", admin, "{\"reason\": \"Left the company\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        getJson("/api/lots", analyst).andExpect(status().isUnauthorized());
        assertThat(lastAudit(analyst.username())).containsEntry("action", "DISABLE").containsEntry("reason", "Left the company")
                .containsEntry("actor", admin.username());

        apiPost("/api/accounts/" + analyst.username() + "/enable", admin, "{\"reason\": \"Rehired\"}").andExpect(status().isOk());
        getJson("/api/lots", analyst).andExpect(status().isOk());
        assertThat(lastAudit(analyst.username())).containsEntry("action", "ENABLE").containsEntry("reason", "Rehired");
    }

    @Test
    void aDisabledAccountsOpenSessionEndsAtItsNextRequest() throws Exception {
        // The session lives in the database (Spring Session): the browser's cookie carries it, not a MockHttpSession.
        jakarta.servlet.http.Cookie session = sessionCookie(mvc.perform(post("/login").with(csrf()).param("username", analyst.username())
                        .param("password", analyst.password()))
                .andExpect(status().is3xxRedirection()).andReturn());
        mvc.perform(get("/lots").cookie(session)).andExpect(status().isOk());
        apiPost("/api/accounts/" + analyst.username() + "/disable", admin, "{\"reason\": \"Account compromised\"}").andExpect(status().isOk());
        mvc.perform(get("/lots").cookie(session)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login?disabled"));
    }

    @Test
    void refusesSelfDisablingAnyChangeOfOwnRolesAndChangesWithoutAReasonWritingNothing() throws Exception {
        List<Long> before = counts("audit_entry");
        Map<String, Object> accountBefore = row(admin.username());

        apiPost("/api/accounts/" + admin.username() + "/disable", admin, "{\"reason\": \"testing\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("You cannot disable your own account; another administrator can."));
        apiPut("/api/accounts/" + admin.username() + "/roles", admin, "{\"roles\": [\"LAB_ANALYST\"], \"reason\": \"testing\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").value("you cannot change your own roles; another administrator can"));
        // nor grant themselves the right to sign a release
        apiPut("/api/accounts/" + admin.username() + "/roles", admin, "{\"roles\": [\"ADMIN\", \"QA_RELEASER\"], \"reason\": \"testing\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").value("you cannot change your own roles; another administrator can"));
        apiPut("/api/accounts/" + analyst.username() + "/roles", admin, "{\"roles\": [\"QA_RELEASER\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").value("is required"));
        apiPut("/api/accounts/" + analyst.username() + "/roles", admin, "{\"roles\": [], \"reason\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.roles").value("choose at least one role"));
        apiPost("/api/accounts/" + analyst.username() + "/disable", admin, "{}").andExpect(status().isBadRequest());
        apiPost("/api/accounts/" + analyst.username() + "/password-reset", admin, "{\"reason\": \"\"}").andExpect(status().isBadRequest());
        apiPost("/api/accounts/" + admin.username() + "/password-reset", admin, "{\"reason\": \"mine\"}").andExpect(status().isConflict());
        apiPost("/api/accounts/nobody-here/disable", admin, "{\"reason\": \"x\"}").andExpect(status().isNotFound());
        apiPost("/api/accounts/" + admin.username() + "/disable", analyst, "{\"reason\": \"coup\"}").andExpect(status().isForbidden());

        assertThat(counts("audit_entry")).isEqualTo(before);
        assertThat(row(admin.username())).isEqualTo(accountBefore);
    }

    @Test
    void rolesChangeWithTheOldAndNewRolesInTheAuditTrail() throws Exception {
        apiPut("/api/accounts/" + analyst.username() + "/roles", admin, "{\"roles\": [\"QA_RELEASER\", \"LAB_ANALYST\"], \"reason\": \"Trained as releaser\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles.length()").value(2));
        Map<String, Object> audit = lastAudit(analyst.username());
        assertThat(audit).containsEntry("action", "CHANGE_ROLES").containsEntry("reason", "Trained as releaser");
        assertThat(audit.get("old_value").toString()).contains("LAB_ANALYST").doesNotContain("QA_RELEASER");
        assertThat(audit.get("new_value").toString()).contains("LAB_ANALYST").contains("QA_RELEASER");
        getJson("/api/specifications", analyst).andExpect(status().isOk());
    }

    @Test
    void aResetPasswordIsShownOnceAndServesOnlyToChooseANewOne() throws Exception {
        String temporary = read(apiPost("/api/accounts/" + analyst.username() + "/password-reset", admin, "{\"reason\": \"Forgot it\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.mustChangeAtNextSignIn").value(true)).andReturn(), "$.temporaryPassword");
        assertThat(temporary).hasSize(16);
        Map<String, Object> audit = lastAudit(analyst.username());
        assertThat(audit).containsEntry("action", "RESET_PASSWORD").containsEntry("reason", "Forgot it");
        assertThat(audit.toString()).doesNotContain(temporary);

        mvc.perform(get("/api/lots").with(httpBasic(analyst.username(), analyst.password()))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/lots").with(httpBasic(analyst.username(), temporary))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Password change required"));
        assertThat(accounts.verifyPassword(analyst.username(), temporary)).as("a temporary password cannot sign").isFalse();
        mvc.perform(get("/lots").with(httpBasic(analyst.username(), temporary))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").with(httpBasic(analyst.username(), temporary)).with(csrf()).param("current", temporary)
                .param("password", "short").param("repeated", "short")).andExpect(status().isBadRequest());
        mvc.perform(post("/account/password").with(httpBasic(analyst.username(), temporary)).with(csrf()).param("current", temporary)
                        .param("password", "a new long passphrase").param("repeated", "a new long passphrase"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/lots").with(httpBasic(analyst.username(), "a new long passphrase"))).andExpect(status().isOk());
        assertThat(accounts.verifyPassword(analyst.username(), "a new long passphrase")).isTrue();
        assertThat(lastAudit(analyst.username())).containsEntry("action", "CHANGE_PASSWORD").containsEntry("actor", analyst.username());
    }

    @Test
    void theAdministratorsPagesRefuseBesideTheFormAndShowATemporaryPasswordOnce() throws Exception {
        mvc.perform(post("/admin/users/" + analyst.username() + "/status").with(admin.basic()).with(csrf()).param("enabled", "false"))
                .andExpect(status().isBadRequest());
        String self = mvc.perform(get("/admin/users/" + admin.username()).with(admin.basic())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(self).doesNotContain("Disable account").doesNotContain("Reset password").contains("You cannot change your own roles").doesNotContain("Change roles");
        var reset = mvc.perform(post("/admin/users/" + analyst.username() + "/password-reset").with(admin.basic()).with(csrf())
                .param("reason", "Locked out")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(reset.getFlashMap().get("temporaryPassword")).asString().hasSize(16);
        String again = mvc.perform(get("/admin/users/" + analyst.username()).with(admin.basic())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(again).doesNotContain("shown only this once").contains("Temporary password: to be changed at the next sign-in");
    }

    private Map<String, Object> lastAudit(String username) {
        return jdbc.sql("select action, reason, actor, old_value::text as old_value, new_value::text as new_value from audit_entry "
                + "where record_type = 'account' and record_id = ? order by seq desc limit 1").param(username).query().singleRow();
    }

    private Map<String, Object> row(String username) {
        return jdbc.sql("select roles, enabled, password_hash, password_must_change from account where username = ?").param(username).query().singleRow();
    }

    private ResultActions apiPost(String path, TestUser as, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as.basic())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions apiPut(String path, TestUser as, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).with(as.basic())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
