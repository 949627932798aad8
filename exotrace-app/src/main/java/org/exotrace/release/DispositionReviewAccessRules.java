package org.exotrace.release;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The lab reads disposition reviews (researchers without donor codes); only QA releasers sign their outcome. */
@Component
class DispositionReviewAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/lots/*/review-panel", "/api/disposition-reviews", "/api/lots/*/disposition-reviews")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN));
        r.requestMatchers(HttpMethod.POST, "/lots/*/review-outcome", "/api/lots/*/disposition-review/outcome")
                .hasRole(Role.QA_RELEASER.name());
    }
}
