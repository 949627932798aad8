package org.exotrace.donor;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Donor records are lab data: analysts and QA read them, analysts write them (QA invalidates or
 * corrects a result that is not negative); clinicians and researchers never see them. The screening panels are read by the lab and compliance officers and
 * changed by QA.
 */
@Component
class DonorAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/donors", "/donors/**", "/api/donors", "/api/donors/**")
                .hasAnyRole(Role.names(Donors.IDENTIFYING_ROLES.toArray(Role[]::new)));
        // a result that is not negative is invalidated or corrected by QA, a second person (Donors.mayReplace decides per result)
        r.requestMatchers(HttpMethod.POST, "/donors/*/screenings/*/invalidation", "/api/donors/*/screenings/*/invalidation",
                "/api/donors/*/screenings/*/correction").hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER));
        r.requestMatchers(HttpMethod.POST, "/donors", "/donors/**", "/api/donors", "/api/donors/**")
                .hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.PUT, "/api/donors/*/collection").hasRole(Role.LAB_ANALYST.name());

        r.requestMatchers(HttpMethod.GET, "/screening-panels", "/api/screening-panels", "/api/screening-panels/*", "/api/screening-tests")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.COMPLIANCE_OFFICER, Role.ADMIN));
        r.requestMatchers(HttpMethod.GET, "/screening-panels/**").hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.POST, "/screening-panels", "/screening-panels/**", "/api/screening-panels", "/api/screening-panels/**")
                .hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.PUT, "/api/screening-panels/*/tests/*").hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.DELETE, "/api/screening-panels/*/tests/*").hasRole(Role.QA_RELEASER.name());
    }
}
