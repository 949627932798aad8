package org.exotrace.trace;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Traces are read by those who answer for a recall or a look-back: lab analysts, QA releasers and
 * compliance officers over the whole network, clinicians over their own clinics' units
 * ({@link Traces} narrows them; a donor's code is traced only by the roles that may identify donors).
 * Researchers and administrators do not trace patients.
 */
@Component
class TraceAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/api/trace/*/*", "/trace/*/*")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.COMPLIANCE_OFFICER, Role.CLINICIAN));
    }
}
