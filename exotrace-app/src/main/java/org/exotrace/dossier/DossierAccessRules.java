package org.exotrace.dossier;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class DossierAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/lots", "/lots/*", "/lots/*/timeline", "/dashboard", "/units")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN));
    }
}
