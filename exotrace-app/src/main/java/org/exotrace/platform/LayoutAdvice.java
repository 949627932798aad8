package org.exotrace.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Values every page's layout shows: the lab's name, whether demo data is loaded, and the language switch. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

    private final String labName;
    private final boolean demo;

    LayoutAdvice(@Value("${exotrace.lab.name}") String labName, @Value("${exotrace.demo.enabled:false}") boolean demo) {
        this.labName = labName;
        this.demo = demo;
    }

    @ModelAttribute("labName")
    String labName() { return labName; }

    @ModelAttribute("demoMode")
    boolean demoMode() { return demo; }

    /**
     * The page being shown, as the language switch links to it with {@code lang} set (its other
     * parameters kept); the start page for a page shown in answer to a sent form or an error, which
     * cannot be opened again by a link.
     */
    @ModelAttribute("languageSwitch")
    LanguageSwitch languageSwitch(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || path.startsWith("/error")) {
            return new LanguageSwitch("/", null);
        }
        return new LanguageSwitch(path, request.getQueryString());
    }

    /** Links to the current page in each supported language. */
    record LanguageSwitch(String path, String query) {

        /** The page with {@code lang} set to the language tag. */
        public String to(String languageTag) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path.isEmpty() ? "/" : path).query(query);
            return uri.replaceQueryParam("lang", languageTag).build().toUriString();
        }
    }
}
