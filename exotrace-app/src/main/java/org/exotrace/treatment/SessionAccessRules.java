package org.exotrace.treatment;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Sessions, adverse events and the FHIR export of a course belong to the patient's clinic: only clinicians reach them, and the
 * services then check that they work at that clinic.
 */
@Component
class SessionAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/plans/*", "/plans/*/unit-preview", "/api/plans/*/unit-preview", "/api/plans/*/sessions",
                "/api/sessions/*", "/api/patients/*/sessions", "/api/plans/*/voided-sessions", "/api/patients/*/adverse-events", "/api/adverse-events/*", "/api/patients/*/fhir", "/patients/*/fhir").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/plans/*/sessions", "/sessions/*/adverse-events", "/adverse-events/*/follow-ups",
                "/api/plans/*/sessions", "/api/sessions/*/adverse-events", "/api/adverse-events/*/follow-ups", "/sessions/*/void",
                "/api/sessions/*/void").hasRole(clinician);
    }
}
