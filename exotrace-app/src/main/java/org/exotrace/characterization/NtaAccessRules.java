package org.exotrace.characterization;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Lab staff and researchers read NTA measurements and calibrations and download their files;
 * analysts upload and re-run measurements and make calibrations; analysts or QA withdraw a calibration.
 */
@Component
class NtaAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/lots/*/nta", "/nta/*", "/nta/*/status", "/nta/*/input",
                "/nta/calibrations", "/nta/calibrations/*", "/nta/calibrations/*/file",
                "/api/lots/*/nta-measurements", "/api/nta-measurements/*", "/api/nta-measurements/*/input",
                "/api/nta-calibrations", "/api/nta-calibrations/*")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN));
        r.requestMatchers(HttpMethod.POST, "/lots/*/nta", "/nta/*/rerun", "/api/lots/*/nta-measurements",
                "/api/nta-measurements/*/rerun", "/nta/calibrations", "/api/nta-calibrations").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.POST, "/nta/calibrations/*/withdrawal", "/api/nta-calibrations/*/withdrawal")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER));
    }
}
