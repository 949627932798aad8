package org.exotrace.batch;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Manufacturing records: analysts, QA, researchers and administrators read them; only analysts
 * write them. Lot paths are listed one by one: other modules own /lots, /lots/{id} and the lot's
 * results, release and certificate paths.
 */
@Component
class BatchAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        // the forms that make batches and lots list donors and lots to choose from: only those who make them see them
        r.requestMatchers(HttpMethod.GET, "/batches/new", "/lots/*/derive", "/lots/pool").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.GET, "/batches", "/batches/**", "/api/batches", "/api/batches/**", "/api/products",
                        "/api/lots", "/api/lots/*", "/api/lots/*/lineage", "/api/lots/*/units",
                        "/api/lots/*/declared-concentration/corrections", "/lots/*/declared-concentration",
                        "/lots/*/units", "/lots/*/labels", "/lots/*/lineage", "/api/units/*")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN));
        r.requestMatchers(HttpMethod.GET, "/units/*/destruction").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.POST, "/units/*/destruction", "/api/units/*/destruction").hasRole(Role.LAB_ANALYST.name());
        r.requestMatchers(HttpMethod.POST, "/batches", "/batches/**", "/api/batches", "/api/batches/**",
                        "/api/lots/*/units", "/api/lots/*/derivatives", "/api/lots/pools",
                        "/lots/*/units", "/lots/*/derive", "/lots/pool")
                .hasRole(Role.LAB_ANALYST.name());
        // A declared concentration typed wrongly is corrected by the analyst or by QA, with a reason.
        r.requestMatchers(HttpMethod.PUT, "/api/lots/*/declared-concentration").hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER));
        r.requestMatchers(HttpMethod.POST, "/lots/*/declared-concentration").hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER));
    }
}
