package org.exotrace.release;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Only QA releasers sign dispositions; lab staff, researchers and clinicians may read decisions and certificates. */
@Component
class ReleaseAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/lots/*/release-panel", "/api/lots/*/release-check", "/api/lots/*/decisions")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN));
        r.requestMatchers(HttpMethod.GET, "/lots/*/certificate.pdf", "/api/lots/*/certificate")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.CLINICIAN, Role.ADMIN));
        r.requestMatchers(HttpMethod.POST, "/lots/*/disposition", "/api/lots/*/release", "/api/lots/*/rejection", "/api/lots/*/quarantine")
                .hasRole(Role.QA_RELEASER.name());
    }
}
