package org.exotrace.account.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.exotrace.shared.ProblemResponse;
import org.exotrace.account.Accounts;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies an administrator's changes to people already signed in: a disabled account's session
 * ends at its next request, and an account holding a temporary password reaches nothing but the
 * password page (the API answers 403) until its holder has chosen a new one. Runs after the
 * security filters, so the signed-in user is known.
 */
@Component
class AccountStateFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    private static final List<String> OPEN = List.of(PASSWORD_PAGE, "/logout", "/login", "/error", "/favicon.ico");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/webjars/");

    private final Accounts accounts;

    AccountStateFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken || open(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Accounts.Standing> standing = accounts.standing(auth.getName());
        boolean api = path.startsWith("/api/");
        if (standing.isPresent() && !standing.get().enabled()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) session.invalidate();
            if (api) ProblemResponse.write(response, 401, "Account disabled", "This account was disabled by an administrator.");
            else response.sendRedirect(request.getContextPath() + "/login?disabled");
            return;
        }
        if (standing.isPresent() && standing.get().mustChangePassword()) {
            if (api) ProblemResponse.write(response, 403, "Password change required",
                    "This account holds a temporary password: sign in on the web and choose a new one at " + PASSWORD_PAGE + " first.");
            else response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String path) {
        return OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}
