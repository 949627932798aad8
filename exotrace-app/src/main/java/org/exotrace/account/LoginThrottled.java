package org.exotrace.account;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused by the {@link LoginThrottle} before the password was checked: the account or the
 * address is waiting out a delay or locked. The API answers 429 with {@code Retry-After}; the
 * sign-in form shows {@link #getMessage()} beside the password.
 */
public class LoginThrottled extends AccountStatusException {

    private final transient LoginThrottle.Refusal refusal;

    public LoginThrottled(LoginThrottle.Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public LoginThrottle.Refusal refusal() { return refusal; }

    /** Whole seconds to wait before the next attempt, for the {@code Retry-After} header. */
    public long retryAfterSeconds() { return refusal.retryAfterSeconds(); }
}
