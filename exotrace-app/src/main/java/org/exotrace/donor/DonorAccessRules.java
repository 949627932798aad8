package org.exotrace.donor;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Donor records are lab data: analysts and QA read them, analysts write them; clinicians and researchers never see them. */
@Component
class DonorAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/donors", "/donors/**", "/api/donors", "/api/donors/**")
                .hasAnyRole(Role.names(Donors.IDENTIFYING_ROLES.toArray(Role[]::new)));
        r.requestMatchers(HttpMethod.POST, "/donors", "/donors/**", "/api/donors", "/api/donors/**")
                .hasRole(Role.LAB_ANALYST.name());
    }
}
