package org.exotrace.demo;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.exotrace.account.Accounts;
import org.exotrace.shared.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's accounts, and a step of the demo run as one of them, so the audit trail, signatures
 * and the services' membership checks see the person who would do it. Steps do not nest: each
 * clears the user.
 */
final class DemoUsers {

    /** The password of every demo account. */
    static final String PASSWORD = "exotrace-demo";

    /** A demo account: what the login page's hint lists and what the demo creates. */
    record DemoAccount(String username, String displayName, Role role) {}

    /** Every demo account, in the order the login page lists them. */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("analyst", "Alex Morgan", Role.LAB_ANALYST),
            new DemoAccount("analyst2", "Sam Lee", Role.LAB_ANALYST),
            new DemoAccount("qa", "Dr. Quinn Park (QA)", Role.QA_RELEASER),
            // a second QA person: an invalidation proposed by QA is approved by another QA person
            new DemoAccount("qa2", "Dr. Nora Berg (QA)", Role.QA_RELEASER),
            new DemoAccount("clinician", "Dr. Ana Silva", Role.CLINICIAN),
            new DemoAccount("clinician2", "Dr. Yoo Seung-hee", Role.CLINICIAN),
            new DemoAccount("researcher", "Dr. Kim Jae-won", Role.RESEARCHER),
            new DemoAccount("compliance", "Alex Moreau", Role.COMPLIANCE_OFFICER),
            new DemoAccount("admin", "Administrator", Role.ADMIN));

    /** Creates every demo account (in the caller's transaction). */
    static void createAll(Accounts accounts) {
        ACCOUNTS.forEach(a -> accounts.create(a.username(), a.displayName(), PASSWORD, Set.of(a.role())));
    }

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
