package org.exotrace.followup;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A clinic's worklist names its patients: clinicians only, and then only of a clinic they work at ({@link Worklist#of}). */
@Component
class WorklistAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/api/clinics/*/worklist").hasRole(Role.CLINICIAN.name());
    }
}
