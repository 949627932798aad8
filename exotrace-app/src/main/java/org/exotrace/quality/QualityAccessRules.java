package org.exotrace.quality;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Lab staff and researchers read specifications and results; analysts enter results; QA owns specifications. */
@Component
class QualityAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String[] readers = Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN);
        r.requestMatchers(HttpMethod.GET, "/specifications", "/specifications/**", "/api/specifications", "/api/specifications/**",
                "/lots/*/quality", "/results/*/raw-file", "/api/lots/*/results", "/api/lots/*/evaluation", "/api/lots/*/misev",
                "/api/lots/*/size-distribution", "/api/results/*", "/api/results/*/raw-file").hasAnyRole(readers);
        r.requestMatchers(HttpMethod.POST, "/specifications/**", "/api/specifications/**").hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.POST, "/lots/*/results", "/results/*/invalidation", "/api/lots/*/results",
                "/api/results/*/invalidation", "/api/results/*/raw-file").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.PUT, "/api/lots/*/size-distribution").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers("/lots/*/results/all", "/results/worksheet", "/api/result-sets").hasRole(Role.LAB_ANALYST.name());
    }
}
