package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.exotrace.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The language switch works before sign-in and is remembered in a cookie; only English and
 * Traditional Chinese (Hong Kong) are ever shown, whatever the browser or a crafted parameter asks.
 */
class LocaleSwitchIntegrationTests extends IntegrationTest {

    @Test
    void theSignInPageSwitchesToChineseAndRemembersIt() throws Exception {
        MockHttpServletResponse switched = mvc.perform(get("/login").param("lang", "zh-HK")).andExpect(status().isOk())
                .andReturn().getResponse();
        String page = switched.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"zh-HK\"").contains(">登入<").contains("用戶名稱");
        Cookie remembered = switched.getCookie(LocaleConfiguration.COOKIE);
        assertThat(remembered).isNotNull();
        assertThat(remembered.isHttpOnly()).isTrue();

        String again = mvc.perform(get("/login").cookie(remembered)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("<html lang=\"zh-HK\"").contains("用戶名稱");

        String back = mvc.perform(get("/login").param("lang", "en").cookie(remembered)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(back).contains("<html lang=\"en\"").contains(">Sign in<").doesNotContain("用戶名稱");
    }

    @Test
    void englishUnlessChineseWasChosenEvenWhenTheBrowserAsksForAnotherLanguage() throws Exception {
        String german = mvc.perform(get("/login").header("Accept-Language", "de-DE")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(german).contains("<html lang=\"en\"").contains("User name");
        String french = mvc.perform(get("/login").param("lang", "fr")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(french).contains("<html lang=\"en\"").contains("User name");
        String junk = mvc.perform(get("/login").param("lang", "<script>")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(junk).contains("<html lang=\"en\"");
    }

    @Test
    void theSwitchLinksKeepThePageAndItsParameters() throws Exception {
        String page = mvc.perform(get("/login?logout")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/login?logout&amp;lang=zh-HK\"").contains("href=\"/login?logout&amp;lang=en\"")
                .contains("aria-label=\"Language\"");
    }
}
