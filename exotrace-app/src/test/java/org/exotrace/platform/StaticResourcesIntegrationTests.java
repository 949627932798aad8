package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exotrace.IntegrationTest;
import org.exotrace.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * The static files are served from their three paths only (StaticResources): the style sheets, the
 * script and htmx at the path the layout links to, and the API's documentation page still loads.
 */
class StaticResourcesIntegrationTests extends IntegrationTest {

    @Test
    void theLayoutsStyleSheetScriptAndHtmxAreServed() throws Exception {
        TestUser analyst = user(Role.LAB_ANALYST);
        String dashboard = mvc.perform(get("/dashboard").with(analyst.basic())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher htmx = Pattern.compile("<script src=\"([^\"]*htmx[^\"]*)\"").matcher(dashboard);
        assertThat(htmx.find()).as("the layout links htmx").isTrue();

        assertThat(body(htmx.group(1))).contains("htmx");
        assertThat(body("/webjars/htmx.org/dist/htmx.min.js")).as("the version-free path").contains("htmx");
        assertThat(body("/css/exotrace.css")).contains("{");
        assertThat(body("/js/exotrace.js")).isNotBlank();
        mvc.perform(get("/swagger-ui/index.html").with(analyst.basic())).andExpect(status().isOk());
        mvc.perform(get("/css/no-such.css")).andExpect(status().isNotFound());
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
