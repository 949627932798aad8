package org.exotrace.followup;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A template's adjustment rules are the clinicians': they read those of the templates they may read,
 * and edit those of their clinics' copies ({@link AdjustmentRules}, which checks the clinic's staff).
 */
@Component
class AdjustmentRuleAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/api/protocol-templates/*/adjustment-rules").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/api/protocol-templates/*/adjustment-rules", "/protocol-templates/*/adjustment-rules",
                "/protocol-templates/*/adjustment-rules/*", "/protocol-templates/*/adjustment-rules/*/removal").hasRole(clinician);
        r.requestMatchers(HttpMethod.PUT, "/api/protocol-templates/*/adjustment-rules/*").hasRole(clinician);
        r.requestMatchers(HttpMethod.DELETE, "/api/protocol-templates/*/adjustment-rules/*").hasRole(clinician);
    }
}
