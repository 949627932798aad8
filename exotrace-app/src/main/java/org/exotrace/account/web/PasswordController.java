package org.exotrace.account.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.exotrace.account.Accounts;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own password: changed at will, and required after an administrator's reset. */
@Controller
class PasswordController {

    private final Accounts accounts;

    PasswordController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(AccountStateFilter.PASSWORD_PAGE)
    String form(Model model) {
        model.addAttribute("temporary", accounts.mustChangePassword(Actors.current()));
        model.addAttribute("errors", Map.of());
        return "account/password";
    }

    @PostMapping(AccountStateFilter.PASSWORD_PAGE)
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String repeated, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.changeOwnPassword(current, password, repeated);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.account.passwordChanged"));
            return "redirect:/";
        } catch (DomainProblem p) {
            response.setStatus(400);
            model.addAttribute("temporary", accounts.mustChangePassword(Actors.current()));
            model.addAttribute("errors", p.fieldErrors().isEmpty() ? Map.of("form", p.getMessage()) : p.fieldErrors());
            return "account/password";
        }
    }
}
