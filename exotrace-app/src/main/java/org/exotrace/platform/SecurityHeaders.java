package org.exotrace.platform;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of pages and of the API, besides Spring Security's defaults
 * ({@code X-Content-Type-Options: nosniff}, no caching of responses, HSTS on HTTPS).
 *
 * <ul>
 *   <li>Content-Security-Policy: scripts only from the application's own files ({@code script-src
 *       'self'}, no inline script or handler, no {@code eval}: htmx runs with {@code allowEval=false});
 *       inline styles stay allowed ({@code style="..."} attributes); no plugins; forms post only here;
 *       no page may be framed ({@code frame-ancestors 'none'}, and {@code X-Frame-Options: DENY} for
 *       older browsers).</li>
 *   <li>Referrer-Policy {@code same-origin}: addresses (which name patients, donors and lots by id) are
 *       never sent to another site.</li>
 *   <li>Permissions-Policy: no page uses the camera, microphone, location, payment or USB.</li>
 * </ul>
 */
final class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** API answers are data, never a document to run or frame. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
        return headers -> common(headers).contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY));
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> api() {
        return headers -> common(headers).contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY));
    }

    private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
        return headers.frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS));
    }

    private SecurityHeaders() {
    }
}
