package org.exotrace.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values every page's layout shows: the lab's name and whether demo data is loaded. */
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
}
