package org.exotrace.coldchain;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The cold chain is read by the lab, QA, compliance and clinicians (their clinics' units, narrowed by
 * {@link ColdChain}); the lab keeps locations and places, QA declares conditions and decides holds,
 * the lab and clinicians record handovers, excursions and thaws. {@link ColdChain} checks each role again.
 */
@Component
class ColdChainAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String[] readers = Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.COMPLIANCE_OFFICER, Role.CLINICIAN);
        r.requestMatchers(HttpMethod.GET, "/cold-chain", "/cold-chain/**", "/api/cold-chain/**").hasAnyRole(readers);
        r.requestMatchers(HttpMethod.PUT, "/api/cold-chain/conditions/*").hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.POST, "/cold-chain/conditions", "/api/cold-chain/events/*/decision", "/cold-chain/events/*/decision")
                .hasRole(Role.QA_RELEASER.name());
        r.requestMatchers(HttpMethod.POST, "/cold-chain/locations", "/api/cold-chain/locations", "/cold-chain/units/*/place",
                "/api/cold-chain/units/*/place").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.POST, "/cold-chain/units/*/handovers", "/cold-chain/units/*/excursions", "/cold-chain/units/*/thaws",
                "/api/cold-chain/units/*/handovers", "/api/cold-chain/units/*/excursions", "/api/cold-chain/units/*/thaws")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.CLINICIAN));
    }
}
