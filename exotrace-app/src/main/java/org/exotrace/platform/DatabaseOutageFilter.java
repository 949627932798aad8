package org.exotrace.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost net for a lost database: a filter that needs it (the account check every signed-in
 * request passes) fails outside the controllers and their exception handlers, which would give a
 * 500. Such a failure is answered as {@link DatabaseUnavailable} says: 503 problem+json under
 * {@code /api}, the error page with 503 elsewhere, both with {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseErrors.unavailable(e) || response.isCommitted()) throw e;
            log.warn("Answered 503 to {} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.resetBuffer();
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                DatabaseUnavailable.writeProblem(response);
            } else {
                DatabaseUnavailable.page(response);
            }
        }
    }
}
