package org.exotrace.quality;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Lab staff and researchers read specifications, results and OOS investigations; analysts enter
 * results (inside an investigation too); analysts and QA investigate; QA owns specifications and
 * approves or returns an investigation's conclusion.
 */
@Component
class QualityAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String[] readers = Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN);
        r.requestMatchers(HttpMethod.GET, "/specifications", "/specifications/**", "/api/specifications", "/api/specifications/**",
                "/lots/*/quality", "/results/*/raw-file", "/api/lots/*/results", "/api/lots/*/evaluation", "/api/lots/*/misev",
                "/api/lots/*/size-distribution", "/api/results/*", "/api/results/*/raw-file",
                "/investigations", "/investigations/*", "/api/investigations", "/api/investigations/*", "/api/lots/*/investigations",
                "/api/lots/*/results-on-record").hasAnyRole(readers);
        String[] investigators = Role.names(Role.LAB_ANALYST, Role.QA_RELEASER);
        r.requestMatchers(HttpMethod.POST, "/investigations/*/phase-one", "/investigations/*/phase-two", "/investigations/*/proposal",
                "/api/investigations/*/phase-one", "/api/investigations/*/phase-two", "/api/investigations/*/proposal").hasAnyRole(investigators);
        r.requestMatchers(HttpMethod.POST, "/investigations/*/results", "/api/investigations/*/results").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.POST, "/investigations/*/approval", "/investigations/*/return",
                "/api/investigations/*/approval", "/api/investigations/*/return").hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.POST, "/specifications/**", "/api/specifications/**").hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.POST, "/lots/*/results", "/results/*/invalidation", "/api/lots/*/results",
                "/api/results/*/invalidation", "/api/results/*/raw-file").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.PUT, "/api/lots/*/size-distribution").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers("/lots/*/results/all", "/results/worksheet", "/api/result-sets").hasRole(Role.LAB_ANALYST.name());
    }
}
