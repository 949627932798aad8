package org.exotrace.recall;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * QA releasers open, follow and close recalls (and account for the units still in the lab);
 * compliance officers read them. Clinicians reach only the notices of the clinics they work at,
 * acknowledge them and report their units ({@link Recalls} checks the clinic's staff).
 */
@Component
class RecallAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String[] readers = Role.names(Role.QA_RELEASER, Role.COMPLIANCE_OFFICER);
        String qa = Role.QA_RELEASER.name();
        r.requestMatchers(HttpMethod.GET, "/recalls/new").hasRole(qa);
        r.requestMatchers(HttpMethod.GET, "/recalls", "/recalls/*", "/recalls/*/report.pdf", "/api/recalls", "/api/recalls/*",
                "/api/recalls/*/units", "/api/recalls/*/look-back").hasAnyRole(readers);
        r.requestMatchers(HttpMethod.POST, "/recalls", "/api/recalls", "/recalls/*/closure", "/api/recalls/*/closure",
                "/recalls/*/units/*/report", "/api/recalls/*/units/*/report").hasRole(qa);
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/recall-notices", "/recall-notices/*", "/api/recall-notices", "/api/recall-notices/*").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/recall-notices/*/acknowledgement", "/recall-notices/*/units/*/report",
                "/api/recall-notices/*/acknowledgement", "/api/recall-notices/*/units/*/report").hasRole(clinician);
    }
}
