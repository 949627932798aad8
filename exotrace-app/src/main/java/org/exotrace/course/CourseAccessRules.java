package org.exotrace.course;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The pages that draw on a patient's whole course (the clinic home, the patient's page, progress
 * with its assessment and decision forms, the progress report, the FHIR export) and a protocol
 * template's page with its adjustment rules are for clinicians only; the modules behind them check
 * that the clinician works at the patient's or the template's clinic.
 */
@Component
class CourseAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/clinic", "/patients/*", "/patients/*/plan-fields", "/patients/*/progress",
                "/patients/*/progress/fields", "/patients/*/progress.pdf", "/patients/*/fhir", "/api/patients/*/fhir",
                "/protocol-templates/*").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/patients/*/plans", "/patients/*/assessments", "/assessments/*/correction",
                "/plans/*/suggestions/*/decision", "/protocol-templates/*", "/protocol-templates/*/copies",
                "/protocol-templates/*/adjustment-rules", "/protocol-templates/*/adjustment-rules/*",
                "/protocol-templates/*/adjustment-rules/*/removal").hasRole(clinician);
    }
}
