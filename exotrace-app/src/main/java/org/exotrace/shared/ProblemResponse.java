package org.exotrace.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem+json answer written straight to the servlet response, for the places that
 * answer before Spring MVC does (security filters, entry points): the same four members the MVC
 * handlers send, properly escaped.
 */
public final class ProblemResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponse() {
    }

    public static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    /** A problem of no particular type ({@code about:blank}). */
    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        write(response, status, "about:blank", title, detail);
    }
}
