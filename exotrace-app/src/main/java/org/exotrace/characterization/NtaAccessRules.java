package org.exotrace.characterization;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Lab staff and researchers read NTA measurements and download their files; analysts upload and re-run them. */
@Component
class NtaAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/lots/*/nta", "/nta/*", "/nta/*/status", "/nta/*/input",
                "/api/lots/*/nta-measurements", "/api/nta-measurements/*", "/api/nta-measurements/*/input")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN));
        r.requestMatchers(HttpMethod.POST, "/lots/*/nta", "/nta/*/rerun", "/api/lots/*/nta-measurements",
                "/api/nta-measurements/*/rerun").hasRole(Role.LAB_ANALYST.name());
    }
}
