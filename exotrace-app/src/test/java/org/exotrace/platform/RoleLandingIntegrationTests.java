package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Each role lands on its own work: the start page sends QA to the lots awaiting release, analysts
 * to the lots in testing, clinicians to their worklist, compliance officers to the rules,
 * researchers to the lots and administrators to the accounts; there is no placeholder page left.
 * Without the demo, the sign-in page names no account.
 */
class RoleLandingIntegrationTests extends IntegrationTest {

    @Test
    void everyRoleLandsOnItsOwnWork() throws Exception {
        assertLanding(user(Role.QA_RELEASER), "/lots/awaiting-release");
        assertLanding(user(Role.LAB_ANALYST), "/lots?state=IN_TESTING");
        assertLanding(user(Role.CLINICIAN), "/clinic");
        assertLanding(user(Role.COMPLIANCE_OFFICER), "/compliance");
        assertLanding(user(Role.RESEARCHER), "/evidence");
        assertLanding(user(Role.ADMIN), "/admin/users");
        assertLanding(user(Role.ADMIN, Role.QA_RELEASER), "/lots/awaiting-release");
    }

    @Test
    void eachLandingPageOpensForItsRoleAndTheLabDashboardMovedToItsOwnAddress() throws Exception {
        TestUser qa = user(Role.QA_RELEASER);
        String queue = mvc.perform(get("/lots/awaiting-release").with(qa.basic())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(queue).contains("Lots awaiting release").contains("Ready for you to sign");
        mvc.perform(get("/dashboard").with(user(Role.LAB_ANALYST).basic())).andExpect(status().isOk());
        String clinic = mvc.perform(get("/clinic").with(user(Role.CLINICIAN).basic())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(clinic).doesNotContain("being built");
        mvc.perform(get("/dashboard").with(user(Role.CLINICIAN).basic())).andExpect(status().isForbidden());
    }

    @Test
    void withoutTheDemoTheSignInPageListsNoAccount() throws Exception {
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).doesNotContain("Demo accounts").doesNotContain("exotrace-demo");
    }

    private void assertLanding(TestUser user, String path) throws Exception {
        mvc.perform(get("/").with(user.basic())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
    }
}
