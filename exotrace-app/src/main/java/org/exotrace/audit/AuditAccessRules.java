package org.exotrace.audit;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

@Component
class AuditAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/audit", "/audit/**", "/api/audit", "/api/audit/**")
                .hasAnyRole(Role.names(Role.QA_RELEASER, Role.COMPLIANCE_OFFICER, Role.ADMIN));
    }
}
