package org.exotrace.account;

import java.util.Set;
import org.exotrace.shared.Role;

/** A person who can sign in. The printed name is what electronic signatures show. */
public record Account(String username, String displayName, Set<Role> roles, boolean enabled) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) { return roles.contains(role); }
}
