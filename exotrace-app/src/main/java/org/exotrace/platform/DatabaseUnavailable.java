package org.exotrace.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.exotrace.shared.ProblemResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What a request gets while the database cannot be reached (see {@link DatabaseErrors#unavailable}):
 * 503 with {@code Retry-After}, as problem+json in the API and as the error page on the web, instead
 * of the 401 "Authentication required" or sign-in failure that a failed account lookup would give,
 * or a 500. How long a request waits for a connection first is {@code exotrace.db.connection-timeout}.
 */
final class DatabaseUnavailable {

    static final String TITLE = "Database unavailable";
    static final String DETAIL = "The database cannot be reached at the moment. Try again in a few seconds;"
            + " a change sent just now may not have been saved, so check before sending it again.";
    static final URI TYPE = URI.create("urn:exotrace:problem:database-unavailable");
    static final int RETRY_AFTER_SECONDS = 5;

    static ProblemDetail problem() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        p.setTitle(TITLE);
        p.setType(TYPE);
        return p;
    }

    static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        return headers;
    }

    /** The API's entry point: 503 problem+json when authentication failed for want of the database, otherwise {@code otherwise}. */
    static AuthenticationEntryPoint orEntryPoint(AuthenticationEntryPoint otherwise) {
        return (request, response, exception) -> {
            if (!DatabaseErrors.unavailable(exception)) {
                otherwise.commence(request, response, exception);
                return;
            }
            writeProblem(response);
        };
    }

    /** 503 problem+json with {@code Retry-After}, written straight to the response (outside Spring MVC). */
    static void writeProblem(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        ProblemResponse.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(), TYPE.toString(), TITLE, DETAIL);
    }

    /** The sign-in form's failure handler: the 503 error page when the account could not be looked up, otherwise {@code otherwise}. */
    static AuthenticationFailureHandler orFailureHandler(AuthenticationFailureHandler otherwise) {
        return (request, response, exception) -> {
            if (!DatabaseErrors.unavailable(exception)) {
                otherwise.onAuthenticationFailure(request, response, exception);
                return;
            }
            page(response);
        };
    }

    /**
     * A page of its own with 503 and {@code Retry-After}, written here rather than through the servlet
     * container's error dispatch: with sessions kept in the database (several nodes), the error
     * dispatch would look up the session in the database that cannot be reached, and the container's
     * own error page would answer instead. Needs nothing but the style sheet.
     */
    static void page(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + TITLE + " · Exotrace</title>"
                + "<link rel=\"stylesheet\" href=\"/css/exotrace.css\"></head><body><main class=\"page\"><h1>" + TITLE + "</h1><p>" + DETAIL
                + "</p><p><a href=\"/\">Exotrace</a></p></main></body></html>");
        response.flushBuffer();
    }

    private DatabaseUnavailable() {
    }
}
