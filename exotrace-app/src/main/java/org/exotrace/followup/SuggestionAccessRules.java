package org.exotrace.followup;

import org.exotrace.clinic.Patients;
import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Adjustment suggestions, the decisions on them and the progress report PDF are for clinicians only, and then only for
 * patients of the clinics they work at (checked in {@link Suggestions} and {@link Patients#get}).
 */
@Component
class SuggestionAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/api/plans/*/suggestions", "/api/patients/*/suggestions", "/patients/*/progress.pdf")
                .hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/api/plans/*/suggestions/*/decision", "/plans/*/suggestions/*/decision").hasRole(clinician);
    }
}
