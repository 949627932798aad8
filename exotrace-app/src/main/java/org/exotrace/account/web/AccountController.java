package org.exotrace.account.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exotrace.account.Account;
import org.exotrace.account.Accounts;
import org.exotrace.account.LoginThrottle;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's users: the list, a new account, and per account its roles, enabling and a password reset, each with a reason. */
@Controller
class AccountController {

    record AccountForm(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 120) String displayName,
                       @NotBlank @Size(min = 10, max = 128) String password, @NotEmpty Set<Role> roles) {}

    private final Accounts accounts;
    private final LoginThrottle throttle;

    AccountController(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @ModelAttribute("allRoles")
    Set<Role> allRoles() { return EnumSet.allOf(Role.class); }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("locked", throttle.lockedAccounts());
        model.addAttribute("form", new AccountForm("", "", "", Set.of()));
        return "account/list";
    }

    @PostMapping("/admin/users")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                accounts.create(form.username(), form.displayName(), form.password(), form.roles());
                redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.account.created", form.username()));
                return "redirect:/admin/users";
            } catch (DomainProblem p) {
                p.fieldErrors().forEach((f, m) -> binding.rejectValue(f, "invalid", m));
                if (p.fieldErrors().isEmpty()) binding.reject("conflict", p.getMessage());
            }
        }
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("locked", throttle.lockedAccounts());
        return "account/list";
    }

    @GetMapping("/admin/users/{username}")
    String detail(@PathVariable String username, Model model) {
        Account account = accounts.find(username).orElseThrow(() -> DomainProblem.notFound("Account", username));
        model.addAttribute("account", account);
        model.addAttribute("self", account.username().equals(Actors.current()));
        model.addAttribute("temporary", accounts.mustChangePassword(username));
        model.addAttribute("lockedUntil", throttle.lockedUntil(username).orElse(null));
        if (!model.containsAttribute("chosenRoles")) model.addAttribute("chosenRoles", account.roles());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "account/detail";
    }

    @PostMapping("/admin/users/{username}/roles")
    String roles(@PathVariable String username, @RequestParam(required = false) List<Role> roles, @RequestParam(defaultValue = "") String reason,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            Account after = accounts.changeRoles(username, chosen, reason);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.account.rolesChanged", username,
                    String.join(", ", after.roles().stream().map(Role::label).sorted().toList())));
            return "redirect:/admin/users/" + username;
        } catch (DomainProblem p) {
            model.addAttribute("chosenRoles", chosen);
            return refused("roles", p, username, model, response);
        }
    }

    @PostMapping("/admin/users/{username}/status")
    String status(@PathVariable String username, @RequestParam boolean enabled, @RequestParam(defaultValue = "") String reason, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            accounts.setEnabled(username, enabled, reason);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of(enabled ? "lab.account.enabled" : "lab.account.disabled", username));
            return "redirect:/admin/users/" + username;
        } catch (DomainProblem p) {
            return refused("status", p, username, model, response);
        }
    }

    @PostMapping("/admin/users/{username}/password-reset")
    String reset(@PathVariable String username, @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        try {
            String temporary = accounts.resetPassword(username, reason);
            redirect.addFlashAttribute("temporaryPassword", temporary);
            return "redirect:/admin/users/" + username;
        } catch (DomainProblem p) {
            return refused("reset", p, username, model, response);
        }
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            throttle.unlock(username, reason);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.account.unlocked", username));
            return "redirect:/admin/users/" + username;
        } catch (DomainProblem p) {
            return refused("unlock", p, username, model, response);
        }
    }

    /** The account page again with the refusal beside the form it came from ({@code form} names it). */
    private String refused(String form, DomainProblem p, String username, Model model, HttpServletResponse response) {
        response.setStatus(switch (p.kind()) {
            case CONFLICT -> 409;
            case NOT_FOUND -> 404;
            default -> 400;
        });
        Map<String, String> errors = new LinkedHashMap<>();
        p.fieldErrors().forEach((field, message) -> errors.put(form + "." + field, message));
        if (p.fieldErrors().isEmpty()) errors.put(form, p.getMessage());
        model.addAttribute("errors", errors);
        return detail(username, model);
    }
}
