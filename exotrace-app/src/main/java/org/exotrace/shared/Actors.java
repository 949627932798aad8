package org.exotrace.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting now: the authenticated user's name, or {@code system} for start-up and seeding work. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {}

    /** Whether the authenticated user holds at least one of the roles; false for {@code system} work outside a request. */
    public static boolean holdsAny(Role... roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) return false;
        for (Role role : roles) {
            if (auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) return true;
        }
        return false;
    }

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }
}
