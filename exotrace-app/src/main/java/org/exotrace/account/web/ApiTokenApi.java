package org.exotrace.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.exotrace.account.ApiTokens;
import org.exotrace.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/account/tokens")
@Tag(name = "API tokens", description = "Your personal API tokens: the way into the API. Send one as 'Authorization: Bearer exo_...'")
class ApiTokenApi {

    record NewTokenRequest(String name, Integer days, Set<Role> roles) {}

    record Reason(String reason) {}

    /** The token made: {@code token} is its secret, answered this once and never again. */
    record MadeToken(String token, ApiTokens.ApiToken details) {}

    private final ApiTokens tokens;

    ApiTokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "Your tokens, newest first, with their state and last use; never their secrets")
    List<ApiTokens.ApiToken> mine() {
        return tokens.mine();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make a token: a name, 1 to 365 days of validity and roles you hold; the answer holds the secret this once. "
            + "Needs your password (HTTP Basic or a signed-in session): a token cannot make another token")
    MadeToken create(@RequestBody NewTokenRequest body) {
        ApiTokens.NewToken made = tokens.create(body.name(), body.days(), body.roles());
        return new MadeToken(made.secret(), made.token());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke one of your tokens at once, with an optional reason")
    ApiTokens.ApiToken revoke(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
        return tokens.revoke(id, body == null ? null : body.reason());
    }
}
