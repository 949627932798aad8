package org.exotrace.photograph;

import org.exotrace.clinic.Patients;
import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Clinical photographs are for clinicians only, and among them only for the staff of the
 * patient's clinic ({@link Photographs} checks that through {@link Patients#get}); every other
 * role is refused here, before the request reaches the module.
 */
@Component
class PhotographAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/api/patients/*/photographs", "/api/photographs/*", "/api/photographs/*/content",
                "/patients/*/photographs", "/photographs/*/content").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/api/patients/*/photographs", "/patients/*/photographs").hasRole(clinician);
    }
}
