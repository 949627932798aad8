package org.exotrace.compliance;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Everyone signed in may read the rules and check a use; only compliance officers change rules. */
@Component
class ComplianceAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/compliance", "/compliance/check", "/api/compliance/rules", "/api/compliance/rules/*",
                "/api/compliance/check").authenticated();
        r.requestMatchers(HttpMethod.GET, "/compliance/rules/new", "/compliance/rules/*/edit").hasRole(Role.COMPLIANCE_OFFICER.name());
        r.requestMatchers(HttpMethod.POST, "/compliance/rules", "/compliance/rules/*", "/compliance/rules/*/retirement",
                "/api/compliance/rules", "/api/compliance/rules/*/retirement").hasRole(Role.COMPLIANCE_OFFICER.name());
        r.requestMatchers(HttpMethod.PUT, "/api/compliance/rules/*").hasRole(Role.COMPLIANCE_OFFICER.name());
    }
}
