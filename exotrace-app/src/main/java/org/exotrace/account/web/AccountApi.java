package org.exotrace.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.exotrace.account.Account;
import org.exotrace.account.Accounts;
import org.exotrace.account.LoginThrottle;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts", description = "Accounts and roles (administrators): every change needs a reason and is audited")
class AccountApi {

    record Roles(Set<Role> roles, String reason) {}

    record Reason(String reason) {}

    /** A new account: its password must meet the password policy (at least 10 characters, not a common one, not the user name). */
    record NewAccount(String username, String displayName, String password, Set<Role> roles) {}

    /** The temporary password of a reset: shown this once, stored only as a hash. */
    record TemporaryPassword(String username, String temporaryPassword, boolean mustChangeAtNextSignIn) {}

    private final Accounts accounts;
    private final LoginThrottle throttle;

    AccountApi(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @GetMapping
    List<Account> list() {
        return accounts.all();
    }

    @PostMapping
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Create an account with an initial password that meets the password policy (at least 10 characters, not one of the "
            + "common passwords, not containing the user name, not one character repeated)")
    Account create(@RequestBody NewAccount body) {
        return accounts.create(body.username(), body.displayName(), body.password(), body.roles());
    }

    @GetMapping("/{username}")
    Account get(@PathVariable String username) {
        return accounts.find(username).orElseThrow(() -> DomainProblem.notFound("Account", username));
    }

    @PutMapping("/{username}/roles")
    @Operation(summary = "Give the account these roles, with a reason; you cannot change your own roles")
    Account roles(@PathVariable String username, @RequestBody Roles body) {
        return accounts.changeRoles(username, body.roles(), body.reason());
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable the account with a reason: it can no longer sign in, and its open sessions end; not your own")
    Account disable(@PathVariable String username, @RequestBody Reason body) {
        return accounts.setEnabled(username, false, body.reason());
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable a disabled account again, with a reason")
    Account enable(@PathVariable String username, @RequestBody Reason body) {
        return accounts.setEnabled(username, true, body.reason());
    }

    @PostMapping("/{username}/password-reset")
    @Operation(summary = "Replace the password with a generated temporary one, answered once; its holder must choose a new one at the next "
            + "sign-in and cannot sign electronically or use the API before")
    TemporaryPassword reset(@PathVariable String username, @RequestBody Reason body) {
        return new TemporaryPassword(username, accounts.resetPassword(username, body.reason()), true);
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Lift the sign-in lockout of an account locked after wrong passwords, with a reason")
    Account unlock(@PathVariable String username, @RequestBody Reason body) {
        throttle.unlock(username, body.reason());
        return get(username);
    }
}
