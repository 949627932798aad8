package org.exotrace.account;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Administrators manage accounts; everyone signed in changes their own password and makes their own API tokens. */
@Component
class AccountAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers("/admin/users", "/admin/users/**", "/api/accounts", "/api/accounts/**").hasRole(Role.ADMIN.name());
        r.requestMatchers("/account/password").authenticated();
        r.requestMatchers("/account/tokens", "/account/tokens/**", "/api/account/tokens", "/api/account/tokens/**").authenticated();
    }
}
