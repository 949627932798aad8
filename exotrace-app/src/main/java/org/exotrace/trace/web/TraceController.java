package org.exotrace.trace.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.exotrace.trace.Traces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

/** The trace pages: the same answers as the API, as nested lists. */
@Controller
class TraceController {

    private final Traces traces;

    TraceController(Traces traces) {
        this.traces = traces;
    }

    @GetMapping("/trace/lots/{code}")
    String lot(@PathVariable String code, Model model) {
        model.addAttribute("trace", traces.forward(code));
        return "trace/lot";
    }

    @GetMapping("/trace/donors/{code}")
    String donor(@PathVariable String code, Model model) {
        model.addAttribute("trace", traces.forwardFromDonor(code));
        return "trace/source";
    }

    @GetMapping("/trace/batches/{code}")
    String batch(@PathVariable String code, Model model) {
        model.addAttribute("trace", traces.forwardFromBatch(code));
        return "trace/source";
    }

    /** A session's trace is its unit's: the page of that unit. */
    @GetMapping("/trace/sessions/{id}")
    String session(@PathVariable UUID id) {
        return "redirect:/trace/units/" + UriUtils.encodePathSegment(traces.backwardFromSession(id).unit().code(), StandardCharsets.UTF_8);
    }

    @GetMapping("/trace/patients/{pseudonym}")
    String patient(@PathVariable String pseudonym, Model model) {
        model.addAttribute("trace", traces.backwardFromPatient(pseudonym));
        return "trace/patient";
    }

    @GetMapping("/trace/units/{code}")
    String unit(@PathVariable String code, Model model) {
        model.addAttribute("trace", traces.backward(code));
        return "trace/unit";
    }
}
