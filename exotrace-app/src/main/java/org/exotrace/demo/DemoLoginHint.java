package org.exotrace.demo;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * With the demo on, every page's model (the login page's hint in particular) lists the demo
 * accounts and their password; with it off this bean does not exist and nothing is listed.
 */
@ControllerAdvice(annotations = Controller.class)
@ConditionalOnProperty(name = "exotrace.demo.enabled", havingValue = "true")
class DemoLoginHint {

    /** One line of the hint: the user name and the role's label. */
    record Hint(String username, String role) {}

    @ModelAttribute("demoAccounts")
    List<Hint> demoAccounts() {
        return DemoUsers.ACCOUNTS.stream().map(a -> new Hint(a.username(), a.role().label())).toList();
    }

    @ModelAttribute("demoPassword")
    String demoPassword() {
        return DemoUsers.PASSWORD;
    }
}
