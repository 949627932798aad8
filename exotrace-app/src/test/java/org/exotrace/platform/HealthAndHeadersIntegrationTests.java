package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The liveness and readiness probes answer anyone, with the status and nothing else; readiness
 * includes the database and liveness does not; no other actuator endpoint exists. Pages and API
 * answers carry the Content-Security-Policy (scripts from the application's files only, no framing),
 * Referrer-Policy, X-Frame-Options, X-Content-Type-Options and Permissions-Policy; no template
 * holds an inline script or event handler the policy would block.
 */
class HealthAndHeadersIntegrationTests extends IntegrationTest {

    @Autowired PathMappedEndpoints endpoints;
    @Autowired HealthEndpointGroups healthGroups;

    @Test
    void theProbesAnswerWithoutSignInAndWithoutDetails() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            mvc.perform(get(probe)).andExpect(status().isOk()).andExpect(content().json("{\"status\":\"UP\"}", org.springframework.test.json.JsonCompareMode.STRICT));
        }
    }

    @Test
    void readinessWaitsForTheDatabaseAndLivenessDoesNot() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).as("a lost database must not get the application restarted").isFalse();
        assertThat(healthGroups.get("liveness").isMember("livenessState")).isTrue();
    }

    @Test
    void noOtherActuatorEndpointExistsAndTheFullHealthReportNeedsSignIn() throws Exception {
        assertThat(endpoints.stream().map(PathMappedEndpoint::getRootPath).toList()).containsExactly("health");
        mvc.perform(get("/actuator/health")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health/db")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/env").with(user(Role.ADMIN).basic())).andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse();
        String csp = page.getHeader("Content-Security-Policy");
        assertThat(directive(csp, "script-src")).isEqualTo("script-src 'self'");
        assertThat(directive(csp, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(directive(csp, "object-src")).isEqualTo("object-src 'none'");
        assertCommonHeaders(page);
    }

    @Test
    void apiAnswersCarryTheSecurityHeaders() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/api/clinics").with(user(Role.ADMIN).basic())).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(answer.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertCommonHeaders(answer);
        MockHttpServletResponse refused = mvc.perform(get("/api/clinics")).andExpect(status().isUnauthorized()).andReturn().getResponse();
        assertCommonHeaders(refused);
    }

    @Test
    void noTemplateHoldsAnInlineScriptOrEventHandler() throws IOException {
        Pattern handler = Pattern.compile("<[^>]*\\s(on[a-z]+|hx-on[:\\-a-z]*)\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).hasSizeGreaterThan(20);
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            for (Pattern p : List.of(handler, inlineScript, Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE))) {
                Matcher m = p.matcher(html);
                while (m.find()) found.add(template.getFilename() + ": " + m.group());
            }
        }
        assertThat(found).as("inline scripts the Content-Security-Policy blocks; put them in static/js/exotrace.js").isEmpty();
    }

    private static void assertCommonHeaders(MockHttpServletResponse response) {
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
    }

    private static String directive(String policy, String name) {
        assertThat(policy).isNotNull();
        for (String d : policy.split(";")) {
            if (d.strip().startsWith(name + " ")) return d.strip();
        }
        return null;
    }
}
