package org.exotrace.platform;

import org.exotrace.shared.DomainProblem;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused request on a page (not the API) shows the error page with the right status and the
 * refusal's message, instead of a server error. Forms handle their own field messages first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(2)
class PageProblemHandler {

    @ExceptionHandler(DomainProblem.class)
    ModelAndView refused(DomainProblem p) {
        HttpStatus status = switch (p.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case RULE_VIOLATION -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("problemTitle", p.title());
        mav.addObject("detail", p.getMessage());
        return mav;
    }

    /** Two requests raced for the same thing (a double-clicked save): the database kept one; this one saved nothing. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView race(DataIntegrityViolationException e) {
        if (DatabaseErrors.unstorableCharacter(e)) return page(HttpStatus.BAD_REQUEST, "Invalid input", PlatformMessages.UNSTORABLE);
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(HttpStatus.CONFLICT);
        mav.addObject("status", HttpStatus.CONFLICT.value());
        mav.addObject("problemTitle", "Conflict");
        mav.addObject("detail", PlatformMessages.RACE);
        return mav;
    }

    /** A malformed id or number in the address (/lots/xyz, ?page=abc): the page names the parameter instead of a bare 400. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "Invalid address", "'" + e.getValue() + "' is not a valid value for " + e.getName()
                + "; check the link or go back.");
    }

    /** An address without a parameter its page needs (a link cut short): the page names it instead of a server error. */
    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ModelAndView missing(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "Invalid address", "The address lacks " + e.getParameterName()
                + "; check the link or go back.");
    }

    /** The database cannot be reached: 503 and a page saying to try again, instead of a server error. Anything else goes on as before. */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class})
    ModelAndView databaseUnavailable(Exception e, jakarta.servlet.http.HttpServletResponse response) throws Exception {
        if (!DatabaseErrors.unavailable(e)) throw e;
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL);
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("problemTitle", title);
        mav.addObject("detail", detail);
        return mav;
    }
}
