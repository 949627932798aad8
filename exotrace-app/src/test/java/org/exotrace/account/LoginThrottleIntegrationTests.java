package org.exotrace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exotrace.LotScenarios;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sign-in throttling, shared by the API (HTTP Basic), the sign-in form and electronic signing:
 * doubling delays after a few wrong passwords, a lockout after 20 within the window (the right
 * password refused too), a higher limit per client address, failures logged and audited, and the
 * administrator's unlock. Defaults: 3 free failures, delay 1 s doubling to at most 60 s, 20 failures
 * lock for 15 minutes; an address gets 20 free failures.
 */
class LoginThrottleIntegrationTests extends ClockedIntegrationTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private ResultActions api(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/lots").with(httpBasic(username, password)).with(from(address)).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions form(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address)));
    }

    /** 20 wrong passwords through the API, each after the delay the one before set has passed. */
    private void lockThroughTheApi(TestUser user, String address) throws Exception {
        for (int i = 1; i <= 20; i++) {
            clock.advance(Duration.ofSeconds(61));
            api(user.username(), "wrong password " + i, address).andExpect(status().is(i < 20 ? 401 : 429));
        }
    }

    @Test
    void twentyWrongPasswordsThroughTheApiLockTheAccountForTheConfiguredWindow() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        api(analyst.username(), analyst.password(), "10.9.0.1").andExpect(status().isOk());

        lockThroughTheApi(analyst, "10.9.0.1");

        // locked: the right password is refused, from any address, through the API and the form
        api(analyst.username(), analyst.password(), "10.9.0.11")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(header().string("Retry-After", "900"))
                .andExpect(jsonPath("$.title").value("Sign-in locked"))
                .andExpect(jsonPath("$.detail", containsString("locked after 20 wrong passwords")));
        MvcResult refused = form(analyst.username(), analyst.password(), "10.9.0.12").andExpect(redirectedUrl("/login?refused")).andReturn();
        mvc.perform(get("/login").param("refused", "").cookie(sessionCookie(refused)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is locked after 20 wrong passwords; try again in 15 minutes")));
        assertThat(audited("account", analyst.username(), "LOGIN_FAILED")).isEqualTo(20);
        assertThat(audited("account", analyst.username(), "LOCKED")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(14));
        api(analyst.username(), analyst.password(), "10.9.0.13").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"));

        clock.advance(Duration.ofMinutes(1));
        api(analyst.username(), analyst.password(), "10.9.0.13").andExpect(status().isOk());
        form(analyst.username(), analyst.password(), "10.9.0.13").andExpect(redirectedUrl("/"));
        // the count starts again: one more wrong password is an ordinary 401
        api(analyst.username(), "wrong again", "10.9.0.13").andExpect(status().isUnauthorized());
    }

    @Test
    void eachFurtherWrongPasswordDoublesTheWaitAndTheRightOneWaitsToo() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String address = "10.9.0.2";
        for (int i = 0; i < 3; i++) api(analyst.username(), "wrong " + i, address).andExpect(status().isUnauthorized());

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            MvcResult refused = api(analyst.username(), "guess " + i, address).andExpect(status().isTooManyRequests())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.title").value("Too many failed sign-ins")).andReturn();
            long wait = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
            waits.add(wait);
            clock.advance(Duration.ofSeconds(wait));
            api(analyst.username(), "guess " + i, address).andExpect(status().isUnauthorized());
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L);

        // refused attempts are not checked, so the right password waits as well, and they are not counted
        api(analyst.username(), analyst.password(), address).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "16"));
        assertThat(jdbc.sql("select failures from login_throttle where subject_kind = 'ACCOUNT' and subject = ?").param(analyst.username())
                .query(Integer.class).single()).isEqualTo(7);
        clock.advance(Duration.ofSeconds(16));
        api(analyst.username(), analyst.password(), address).andExpect(status().isOk());
        api(analyst.username(), "wrong after success", address).andExpect(status().isUnauthorized());
        api(analyst.username(), analyst.password(), address).andExpect(status().isOk());
    }

    @Test
    void theSignInFormWaitsWithAMessageBesideThePassword() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String address = "10.9.0.6";
        for (int i = 0; i < 3; i++) form(analyst.username(), "wrong " + i, address).andExpect(redirectedUrl("/login?error"));
        MvcResult refused = form(analyst.username(), analyst.password(), address).andExpect(redirectedUrl("/login?refused")).andReturn();
        mvc.perform(get("/login").param("refused", "").cookie(sessionCookie(refused)))
                .andExpect(content().string(containsString("id=\"password-refused\"")))
                .andExpect(content().string(containsString("wait 1 second before the next attempt")));
        assertThat(jdbc.sql("select reason from audit_entry where record_type = 'account' and record_id = ? and action = 'LOGIN_FAILED'")
                .param(analyst.username()).query(String.class).list()).hasSize(3).allMatch(r -> r.contains("sign-in form"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anAddressIsThrottledAfterMoreFailuresThanAnAccountAndOnlyThatAddress(CapturedOutput output) throws Exception {
        String address = "10.9.0.3";
        TestUser colleague = user(Role.LAB_ANALYST);
        // 19 wrong passwords for as many user names: no account reaches its limit, the address is below its own
        for (int i = 1; i < 20; i++) api("nobody-" + i + "-" + colleague.username(), "secret guess " + i, address).andExpect(status().isUnauthorized());
        api(colleague.username(), colleague.password(), address).andExpect(status().isOk());

        api("nobody-20-" + colleague.username(), "secret guess 20", address).andExpect(status().isUnauthorized());
        api(colleague.username(), colleague.password(), address).andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail", containsString("your network address")));
        api(colleague.username(), colleague.password(), "10.9.0.4").andExpect(status().isOk());

        assertThat(audited("login_address", address, "LOGIN_FAILED")).isEqualTo(20);
        assertThat(output).contains("Failed sign-in through the API for user name 'nobody-20-" + colleague.username() + "' from " + address)
                .doesNotContain("secret guess");
    }

    @Test
    void aWrongSigningPasswordCountsAndALockedAccountCannotSign() throws Exception {
        TestUser qa = user(Role.QA_RELEASER);
        LotScenarios scenarios = new LotScenarios(mvc, user(Role.LAB_ANALYST));
        String lot = scenarios.passingLot();
        var signedIn = SecurityMockMvcRequestPostProcessors.user(qa.username()).roles(Role.QA_RELEASER.name());

        mvc.perform(post("/api/lots/" + lot + "/release").with(signedIn).contentType(MediaType.APPLICATION_JSON).content("""
                {"username": "%s", "password": "not my password"}""".formatted(qa.username()))).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select failures from login_throttle where subject_kind = 'ACCOUNT' and subject = ?").param(qa.username())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(audited("account", qa.username(), "LOGIN_FAILED")).isEqualTo(1);

        // somebody guesses qa's password through the API (from elsewhere) until the account locks; qa's open session stays
        for (int i = 2; i <= 20; i++) {
            clock.advance(Duration.ofSeconds(61));
            api(qa.username(), "guess " + i, "10.9.0.5").andExpect(status().is(i < 20 ? 401 : 429));
        }
        mvc.perform(post("/api/lots/" + lot + "/release").with(signedIn).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "%s", "password": "%s"}""".formatted(qa.username(), qa.password())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("A locked account cannot sign")));
        assertThat((String) read(scenarios.lot(lot, scenarios.analyst()), "$.state")).isEqualTo("IN_TESTING");

        clock.advance(Duration.ofMinutes(15));
        mvc.perform(post("/api/lots/" + lot + "/release").with(signedIn).contentType(MediaType.APPLICATION_JSON).content("""
                {"username": "%s", "password": "%s"}""".formatted(qa.username(), qa.password()))).andExpect(status().isOk());
    }

    @Test
    void anAdministratorSeesALockedAccountAndUnlocksItWithAReason() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        TestUser admin = user(Role.ADMIN);
        lockThroughTheApi(analyst, "10.9.0.7");

        mvc.perform(get("/admin/users").with(admin.basic()).with(from("10.9.0.8")))
                .andExpect(content().string(containsString("Locked until")));
        mvc.perform(get("/admin/users/" + analyst.username()).with(admin.basic()).with(from("10.9.0.8")))
                .andExpect(content().string(containsString("Unlock sign-in")));
        mvc.perform(post("/api/accounts/" + analyst.username() + "/unlock").with(admin.basic()).with(from("10.9.0.8"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.reason").exists());
        mvc.perform(post("/admin/users/" + analyst.username() + "/unlock").with(admin.basic()).with(csrf()).with(from("10.9.0.8"))
                .param("reason", "Called the holder: they had caps lock on"))
                .andExpect(redirectedUrl("/admin/users/" + analyst.username()));

        api(analyst.username(), analyst.password(), "10.9.0.9").andExpect(status().isOk());
        assertThat(audited("account", analyst.username(), "UNLOCK")).isEqualTo(1);
        mvc.perform(post("/api/accounts/" + analyst.username() + "/unlock").with(admin.basic()).with(from("10.9.0.8"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"again\"}")).andExpect(status().isConflict());
    }
}
