package org.exotrace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The password policy wherever a password is set: an administrator creating an account (API and page), the holder changing their own. */
class PasswordPolicyIntegrationTests extends IntegrationTest {

    private static String newName() {
        return "pw-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theApiRefusesWeakInitialPasswordsNamingTheFieldAndWritesNothing() throws Exception {
        TestUser admin = user(Role.ADMIN);
        String name = newName();
        List<Long> before = counts("account", "audit_entry");
        record Case(String password, String message) {}
        for (Case c : List.of(new Case("Password123", "most common passwords"), new Case("aaaaaaaaaaaa", "single character repeated"),
                new Case("I am " + name + " here", "must not contain the user name"), new Case("short", "at least 10 characters"))) {
            postJson("/api/accounts", admin, """
                    {"username": "%s", "displayName": "Pat Weak", "password": "%s", "roles": ["LAB_ANALYST"]}""".formatted(name, c.password()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.password", containsString(c.message())));
        }
        assertThat(counts("account", "audit_entry")).isEqualTo(before);

        postJson("/api/accounts", admin, """
                {"username": "%s", "displayName": "Pat Strong", "password": "tulips in the autoclave", "roles": ["LAB_ANALYST"]}""".formatted(name))
                .andExpect(status().isCreated());
    }

    @Test
    void theUsersPageShowsThePolicyBesideThePasswordField() throws Exception {
        TestUser admin = user(Role.ADMIN);
        mvc.perform(post("/admin/users").with(admin.basic()).with(csrf()).param("username", newName()).param("displayName", "Pat Weak")
                        .param("password", "iloveyou123").param("roles", "LAB_ANALYST"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("this is one of the most common passwords")));
    }

    @Test
    void theHolderCannotChooseAWeakPassword() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String containing = "My name is " + analyst.username();
        mvc.perform(post("/account/password").with(analyst.basic()).with(csrf())
                        .param("current", analyst.password()).param("password", containing).param("repeated", containing))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a password must not contain the user name")));
        mvc.perform(post("/account/password").with(analyst.basic()).with(csrf())
                        .param("current", analyst.password()).param("password", "Qwerty12345").param("repeated", "Qwerty12345"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("most common passwords")));
        mvc.perform(post("/account/password").with(analyst.basic()).with(csrf())
                        .param("current", analyst.password()).param("password", "tulips in the autoclave").param("repeated", "tulips in the autoclave"))
                .andExpect(redirectedUrl("/"));
    }
}
