package org.exotrace.followup;

import org.exotrace.clinic.Patients;
import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Outcome assessments and progress are for clinicians only, and then only for patients of the
 * clinics they work at ({@link Patients#get}, checked in {@link Assessments}).
 */
@Component
class AssessmentAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/api/patients/*/assessments", "/api/patients/*/progress", "/patients/*/progress",
                "/patients/*/progress/fields").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/api/patients/*/assessments", "/api/assessments/*/correction", "/patients/*/assessments",
                "/assessments/*/correction")
                .hasRole(clinician);
    }
}
