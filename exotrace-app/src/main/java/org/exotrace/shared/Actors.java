package org.exotrace.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting now: the authenticated user's name, or {@code system} for start-up and seeding work. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {}

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }
}
