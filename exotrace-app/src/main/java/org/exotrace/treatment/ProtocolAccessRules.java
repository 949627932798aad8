package org.exotrace.treatment;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Protocol templates are the clinicians' own: they read the shipped ones and their clinics'
 * copies, copy a template into their clinic and edit the copy ({@link TreatmentPlans#update},
 * which checks the clinic's staff).
 */
@Component
class ProtocolAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/protocol-templates/*").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/protocol-templates/*", "/protocol-templates/*/copies").hasRole(clinician);
        r.requestMatchers(HttpMethod.PUT, "/api/protocol-templates/*").hasRole(clinician);
    }
}
