package org.exotrace.demo;

import java.util.function.Supplier;
import org.exotrace.account.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a step of the demo as one of its users, so the audit trail, signatures and the services'
 * membership checks see the person who would do it. Steps do not nest: each clears the user.
 */
final class DemoUsers {

    private final Accounts accounts;

    DemoUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    <T> T as(String username, Supplier<T> step) {
        var authorities = accounts.find(username).orElseThrow().roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        try {
            return step.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void as(String username, Runnable step) {
        as(username, () -> {
            step.run();
            return null;
        });
    }
}
