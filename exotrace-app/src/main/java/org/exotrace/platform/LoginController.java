package org.exotrace.platform;

import jakarta.servlet.http.HttpSession;
import org.exotrace.account.LoginThrottled;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.WebAttributes;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String refused, HttpSession session, Model model) {
        // A throttled sign-in (issue 10): the reason and the wait, shown beside the password field.
        if (refused != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottled t) {
            model.addAttribute("refusal", t.getMessage());
        }
        return "login";
    }
}
