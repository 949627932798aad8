package org.exotrace.trace.web;

import org.exotrace.trace.Traces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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

    @GetMapping("/trace/units/{code}")
    String unit(@PathVariable String code, Model model) {
        model.addAttribute("trace", traces.backward(code));
        return "trace/unit";
    }
}
