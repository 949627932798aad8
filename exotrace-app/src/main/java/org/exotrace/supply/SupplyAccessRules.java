package org.exotrace.supply;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The lab (analysts and QA releasers) ships units and follows its shipments; the staff of the
 * receiving clinic confirm receipt, see their inventory and check a unit before use
 * ({@link Shipments}, which checks the clinic's staff).
 */
@Component
class SupplyAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        String[] lab = Role.names(Role.LAB_ANALYST, Role.QA_RELEASER);
        r.requestMatchers(HttpMethod.GET, "/shipments", "/shipments/new", "/api/shipments/*").hasAnyRole(lab);
        r.requestMatchers(HttpMethod.POST, "/shipments", "/api/shipments").hasAnyRole(lab);
        String clinician = Role.CLINICIAN.name();
        r.requestMatchers(HttpMethod.GET, "/clinic/*/inventory", "/api/clinics/*/inventory", "/api/clinics/*/unit-check").hasRole(clinician);
        r.requestMatchers(HttpMethod.POST, "/shipments/*/receipt", "/api/shipments/*/receipt").hasRole(clinician);
    }
}
