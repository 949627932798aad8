package org.exotrace.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exotrace.shared.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into an RFC 9457 problem with a message a person can act
 * on: field messages for invalid input, the reasons for a refused business rule, the line and
 * column of malformed JSON. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(1)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> domain(DomainProblem e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        p.setTitle(e.title());
        p.setType(URI.create("urn:exotrace:problem:" + e.kind().name().toLowerCase().replace('_', '-')));
        if (!e.fieldErrors().isEmpty()) p.setProperty("errors", e.fieldErrors());
        if (!e.reasons().isEmpty()) p.setProperty("reasons", e.reasons());
        return ResponseEntity.status(status).body(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".");
        p.setTitle("Invalid input");
        return ResponseEntity.badRequest().body(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow this action.");
        p.setTitle("Not allowed");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(p);
    }

    /** Two requests raced for the same thing (a double-clicked save, one unit scanned twice): the database kept one. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> race(DataIntegrityViolationException e) {
        if (DatabaseErrors.unstorableCharacter(e)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, PlatformMessages.UNSTORABLE);
            p.setTitle("Invalid input");
            p.setType(URI.create("urn:exotrace:problem:invalid-input"));
            return ResponseEntity.badRequest().body(p);
        }
        log.info("Refused a write that would break a database rule: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, PlatformMessages.RACE);
        p.setTitle("Conflict");
        p.setType(URI.create("urn:exotrace:problem:conflict"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseErrors.unavailable(e)) {
            log.warn("Answered 503: the database cannot be reached ({})", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(DatabaseUnavailable.headers()).body(DatabaseUnavailable.problem());
        }
        log.error("Unexpected error in API call", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was saved. The error is in the server log.");
        p.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.merge(f.getField(), f.getDefaultMessage(), (a, b) -> a + "; " + b));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.merge(g.getObjectName(), g.getDefaultMessage(), (a, b) -> a + "; " + b));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(errors));
        p.setTitle("Invalid input");
        p.setType(URI.create("urn:exotrace:problem:invalid-input"));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.merge(r.getMethodParameter().getParameterName(), err.getDefaultMessage(), (a, b) -> a + "; " + b)));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(errors));
        p.setTitle("Invalid input");
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Map.Entry<String, String> field = fieldProblem(ex);
        if (field != null) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field.getKey() + ": " + field.getValue());
            p.setTitle("Invalid input");
            p.setType(URI.create("urn:exotrace:problem:invalid-input"));
            p.setProperty("errors", Map.of(field.getKey(), field.getValue()));
            return ResponseEntity.badRequest().body(p);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, readable(ex));
        p.setTitle("Malformed request body");
        p.setType(URI.create("urn:exotrace:problem:malformed-body"));
        return ResponseEntity.badRequest().body(p);
    }

    /**
     * Well-formed JSON whose value does not fit its field (a number where a date belongs, a word
     * where a number belongs): the field's path and what it takes, as a field message.
     */
    private static Map.Entry<String, String> fieldProblem(HttpMessageNotReadableException ex) {
        if (!(ex.getMostSpecificCause() instanceof tools.jackson.databind.exc.MismatchedInputException mismatch)
                || mismatch instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (tools.jackson.core.JacksonException.Reference r : mismatch.getPath()) {
            if (r.getPropertyName() != null) path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
        }
        Class<?> type = mismatch.getTargetType();
        if (path.isEmpty() || type == null) return null;
        String expected;
        if (type == java.time.LocalDate.class) expected = "give a date as text in the form \"2026-01-31\"";
        else if (type == java.time.Instant.class || type == java.time.LocalDateTime.class || type == java.time.OffsetDateTime.class) {
            expected = "give a date and time as text in the form \"2026-01-31T14:30:00Z\"";
        } else if (type.isEnum()) {
            expected = "choose one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        } else if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) expected = "give a number";
        else if (type == Boolean.class || type == boolean.class) expected = "give true or false";
        else if (type == java.util.UUID.class) expected = "give an id like 3f2b0c1e-8a4d-4c6e-9b1a-2d7e5f6a8b9c";
        else if (type == String.class) expected = "give text in quotes";
        else return null;
        if (mismatch instanceof tools.jackson.databind.exc.InvalidFormatException invalid && invalid.getValue() != null) {
            expected = "'" + invalid.getValue() + "' is not valid: " + expected;
        }
        return Map.entry(path.toString(), expected);
    }

    private static String describe(Map<String, String> errors) {
        StringBuilder sb = new StringBuilder();
        errors.forEach((field, message) -> sb.append(sb.isEmpty() ? "" : "; ").append(field).append(": ").append(message));
        return sb.toString();
    }

    /** The first line of the parser's message names the problem and, for JSON, the line and column. */
    private static String readable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        String firstLine = message.lines().findFirst().orElse("").replaceAll("\\s*\\(for Object starting at.*", "");
        String location = "";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line: (\\d+), column: (\\d+)").matcher(message);
        if (m.find()) location = " (line " + m.group(1) + ", column " + m.group(2) + ")";
        // Jackson 3 no longer writes "line: N, column: M" into the message; the location object still has them.
        if (location.isEmpty() && cause instanceof tools.jackson.core.JacksonException je && je.getLocation() != null
                && je.getLocation().getLineNr() > 0) {
            location = " (line " + je.getLocation().getLineNr() + ", column " + je.getLocation().getColumnNr() + ")";
        }
        if (message.isBlank() || message.contains("Required request body is missing")) {
            return "The request body is missing; send a JSON object.";
        }
        return "The request body is not valid JSON for this call: " + firstLine.replaceAll("\\s+at \\[Source.*", "") + location + ".";
    }
}
