package org.exotrace.shared;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module states who may reach its pages and endpoints. The platform applies every module's
 * rules and then denies anything no rule allowed.
 */
public interface AccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry);
}
