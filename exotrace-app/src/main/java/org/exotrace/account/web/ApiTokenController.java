package org.exotrace.account.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.exotrace.account.Accounts;
import org.exotrace.account.ApiTokens;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own API tokens: make one (shown once), see them with their last use, revoke one. */
@Controller
class ApiTokenController {

    static final String PAGE = "/account/tokens";
    static final int DEFAULT_DAYS = 90;

    private final ApiTokens tokens;
    private final Accounts accounts;

    ApiTokenController(ApiTokens tokens, Accounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        return show(model, "", DEFAULT_DAYS, null, Map.of());
    }

    @PostMapping(PAGE)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer days,
                  @RequestParam(required = false) List<Role> roles, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            ApiTokens.NewToken made = tokens.create(name, days, chosen);
            redirect.addFlashAttribute("newToken", made.secret());
            redirect.addFlashAttribute("newTokenName", made.token().name());
            return "redirect:" + PAGE;
        } catch (DomainProblem p) {
            response.setStatus(p.kind() == DomainProblem.Kind.FORBIDDEN ? 403 : 400);
            return show(model, name, days, chosen, p.fieldErrors().isEmpty() ? Map.of("form", p.getMessage()) : p.fieldErrors());
        }
    }

    @PostMapping(PAGE + "/{id}/revoke")
    String revoke(@PathVariable UUID id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            ApiTokens.ApiToken revoked = tokens.revoke(id, null);
            redirect.addFlashAttribute("message", org.exotrace.shared.UiText.of("lab.account.tokenRevoked", revoked.name()));
            return "redirect:" + PAGE;
        } catch (DomainProblem p) {
            response.setStatus(p.kind() == DomainProblem.Kind.NOT_FOUND ? 404 : 409);
            return show(model, "", DEFAULT_DAYS, null, Map.of("list", p.getMessage()));
        }
    }

    private String show(Model model, String name, Integer days, Set<Role> chosen, Map<String, String> errors) {
        Set<Role> mine = accounts.find(Actors.current()).map(a -> a.roles().isEmpty() ? Set.<Role>of() : EnumSet.copyOf(a.roles())).orElse(Set.of());
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute("now", tokens.now());
        model.addAttribute("myRoles", mine);
        model.addAttribute("chosenRoles", chosen == null ? mine : chosen);
        model.addAttribute("name", name);
        model.addAttribute("days", days);
        model.addAttribute("maxDays", tokens.maxDays());
        model.addAttribute("errors", errors);
        model.addAttribute("apiBase", org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        return "account/tokens";
    }
}
