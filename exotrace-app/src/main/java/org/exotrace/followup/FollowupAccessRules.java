package org.exotrace.followup;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Outcome assessments, progress, a template's adjustment rules, the suggestions and decisions on
 * them and a clinic's worklist are for clinicians only, and then only for patients of the clinics
 * they work at (checked in {@link Assessments}, {@link Suggestions} and {@link Worklist#of}); the
 * rules of a clinic's copy of a template are edited by its staff ({@link AdjustmentRules}).
 */
@Component
class FollowupAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/api/patients/*/assessments", "/api/patients/*/progress", "/api/plans/*/suggestions",
                "/api/patients/*/suggestions", "/api/clinics/*/worklist", "/api/protocol-templates/*/adjustment-rules").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/api/patients/*/assessments", "/api/assessments/*/correction",
                "/api/plans/*/suggestions/*/decision", "/api/protocol-templates/*/adjustment-rules").hasRole(clinician);
        r.requestMatchers(HttpMethod.PUT, "/api/protocol-templates/*/adjustment-rules/*").hasRole(clinician);
        r.requestMatchers(HttpMethod.DELETE, "/api/protocol-templates/*/adjustment-rules/*").hasRole(clinician);
    }
}
