package org.exotrace.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.exotrace.shared.ProblemResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request that carries {@code Authorization: Bearer exo_...} with the
 * {@link ApiTokens personal token} (a SHA-256 and one query, no password hash). A token that
 * is not accepted answers 401 problem+json at once, never falls through to another scheme; an
 * unknown one also counts as a failed sign-in of the client address ({@link LoginThrottle}), and
 * an address that is throttled answers 429 with {@code Retry-After}. Requests without a bearer
 * token pass untouched (HTTP Basic follows). Not a bean: the API's filter chain adds it, so it
 * never runs for pages.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final LoginThrottle throttle;

    public BearerTokenFilter(ApiTokens tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Outcome outcome = tokens.authenticate(header.substring(7).strip());
        if (outcome.bearer().isPresent()) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            ApiTokenAuthentication authentication = new ApiTokenAuthentication(outcome.bearer().get());
            authentication.setDetails(request.getRemoteAddr());
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
            return;
        }
        ApiTokens.Rejection rejection = outcome.rejection().orElseThrow();
        Optional<LoginThrottle.Refusal> refusal = throttle.refusal(null, request.getRemoteAddr());
        if (refusal.isEmpty() && rejection.unknown()) {
            // this failure is answered 401 like any other, unless it is the one that locks the address
            refusal = throttle.failed(null, request.getRemoteAddr(), "API token").filter(LoginThrottle.Refusal::locked);
        }
        if (refusal.isPresent()) {
            throttled(response, refusal.get());
            return;
        }
        ProblemResponse.write(response, 401, "Invalid API token", rejection.detail());
    }

    /** 429 with {@code Retry-After} and a problem+json saying how long to wait. */
    public static void throttled(HttpServletResponse response, LoginThrottle.Refusal refusal) throws IOException {
        response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        ProblemResponse.write(response, 429, refusal.locked() ? "Sign-in locked" : "Too many failed sign-ins", refusal.message());
    }

}
