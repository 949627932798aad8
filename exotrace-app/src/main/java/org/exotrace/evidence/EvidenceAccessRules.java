package org.exotrace.evidence;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The workbench is the researcher's alone: research reads only pseudonymous data of consenting
 * patients, and no other role needs cohorts or exports. The owning modules' research reads check
 * the role again.
 */
@Component
class EvidenceAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers("/evidence", "/evidence/**", "/api/evidence", "/api/evidence/**").hasRole(Role.RESEARCHER.name());
    }
}
