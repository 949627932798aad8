package org.exotrace.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages: English unless someone chose Traditional Chinese (Hong Kong) with
 * {@code ?lang=zh-HK} (back with {@code ?lang=en}), remembered in a cookie so it holds before sign-in
 * (the sign-in page) and across sessions. Only the supported locales are ever resolved: a cookie or
 * parameter naming another language reads as English, so no page falls back to the server's locale.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    /** Traditional Chinese as written in Hong Kong. */
    static final Locale HONG_KONG_CHINESE = Locale.forLanguageTag("zh-HK");

    /** The languages the message bundles are written in, the default first. */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, HONG_KONG_CHINESE);

    static final String COOKIE = "exotrace-lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver cookie = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        cookie.setDefaultLocaleFunction(request -> Locale.ENGLISH);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieHttpOnly(true);
        cookie.setCookieSameSite("Lax");
        cookie.setRejectInvalidCookies(true);
        return new SupportedOnly(cookie);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The supported locale nearest to {@code wanted}: any Chinese reads as zh-HK, anything else as English. */
    static Locale supported(Locale wanted) {
        return "zh".equals(wanted.getLanguage()) ? HONG_KONG_CHINESE : Locale.ENGLISH;
    }

    /** A resolver that answers only supported locales, whatever the cookie says. */
    private record SupportedOnly(CookieLocaleResolver cookie) implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(cookie.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            cookie.setLocale(request, response, locale);
        }
    }
}
