package org.exotrace.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A request that no API endpoint takes in that form (a JSON body to an upload that takes
 * multipart/form-data) fails before any controller is chosen, so {@link ApiProblemHandler}, which
 * serves the API's controllers, never sees it. This answers it as a problem that says which
 * content types the call takes, instead of the framework's default error body.
 */
@ControllerAdvice
@Order(3)
class UnmatchedApiRequests {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) throw e;
        String sent = e.getContentType() == null ? "no content type" : e.getContentType().toString();
        String takes = e.getSupportedMediaTypes().isEmpty() ? "another content type"
                : String.join(" or ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "This call does not take " + sent + "; send " + takes + ".");
        p.setTitle("Unsupported content type");
        p.setType(URI.create("urn:exotrace:problem:unsupported-media-type"));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
