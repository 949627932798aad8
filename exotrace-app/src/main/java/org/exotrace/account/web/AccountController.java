package org.exotrace.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import org.exotrace.account.Accounts;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountController {

    record AccountForm(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 120) String displayName,
                       @NotBlank @Size(min = 10, max = 128) String password, @NotEmpty Set<Role> roles) {}

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("allRoles")
    Set<Role> allRoles() { return EnumSet.allOf(Role.class); }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("form", new AccountForm("", "", "", Set.of()));
        return "account/list";
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                accounts.create(form.username(), form.displayName(), form.password(), form.roles());
                redirect.addFlashAttribute("message", "Account " + form.username() + " created.");
                return "redirect:/admin/users";
            } catch (DomainProblem p) {
                p.fieldErrors().forEach((f, m) -> binding.rejectValue(f, "invalid", m));
                if (p.fieldErrors().isEmpty()) binding.reject("conflict", p.getMessage());
            }
        }
        model.addAttribute("accounts", accounts.all());
        return "account/list";
    }
}
