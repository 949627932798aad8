package org.exotrace.clinic;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Administrators set up clinics and their staff; only clinicians reach patients, and then only
 * those of clinics they work at ({@link Clinics#requireMember}, checked in the services). Lab
 * roles, researchers and administrators never reach a patient's identity.
 */
@Component
class ClinicAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/admin/clinics").hasRole(Role.ADMIN.name());
        r.requestMatchers(HttpMethod.POST, "/admin/clinics", "/admin/clinics/*/members", "/api/clinics", "/api/clinics/*/members")
                .hasRole(Role.ADMIN.name());
        r.requestMatchers(HttpMethod.GET, "/api/clinics").hasAnyRole(Role.names(Role.ADMIN, Role.CLINICIAN, Role.LAB_ANALYST, Role.QA_RELEASER));
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/clinic/*/patients/new", "/api/clinics/*/patients", "/api/patients/*", "/api/patients/*/consents")
                .hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/clinic/*/patients", "/patients/*/consents", "/patient-consents/*/withdrawal",
                "/api/clinics/*/patients", "/api/patients/*/consents", "/api/patient-consents/*/withdrawal").hasRole(clinician);
    }
}
