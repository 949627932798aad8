package org.exotrace.treatment;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Protocol templates, plans, sessions and adverse events are the clinicians': they read the shipped
 * templates and their clinics' copies and edit the copies ({@link TreatmentPlans#update}); plans,
 * sessions and adverse events belong to the patient's clinic, and the services check that the
 * clinician works there. The compliance officer sees every refused plan, under pseudonyms.
 */
@Component
class TreatmentAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/api/plan-refusals").hasRole(Role.COMPLIANCE_OFFICER.name());
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/api/protocol-templates", "/api/protocol-templates/*", "/api/patients/*/plans", "/api/plans/*",
                "/api/patients/*/plan-refusals").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/api/protocol-templates/*/copies", "/api/patients/*/plans").hasRole(clinician);
        r.requestMatchers(HttpMethod.PUT, "/api/protocol-templates/*").hasRole(clinician);
        r.requestMatchers(HttpMethod.GET, "/plans/*", "/plans/*/unit-preview", "/api/plans/*/unit-preview", "/api/plans/*/sessions",
                "/api/sessions/*", "/api/patients/*/sessions", "/api/plans/*/voided-sessions", "/api/patients/*/adverse-events",
                "/api/adverse-events/*").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/plans/*/sessions", "/sessions/*/adverse-events", "/adverse-events/*/follow-ups",
                "/api/plans/*/sessions", "/api/sessions/*/adverse-events", "/api/adverse-events/*/follow-ups", "/sessions/*/void",
                "/api/sessions/*/void").hasRole(clinician);
    }
}
