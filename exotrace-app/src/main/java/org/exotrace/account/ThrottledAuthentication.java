package org.exotrace.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one user-name-and-password check of the application (the sign-in form and HTTP Basic, on the
 * pages and the API): the {@link LoginThrottle} is asked first, so a delayed or locked account or
 * address is refused before any Argon2 work; a wrong password is counted against both. Being the only
 * {@link AuthenticationProvider} bean, Spring Security uses it for every filter chain.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final LoginThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    ThrottledAuthentication(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        LoginThrottle.Check check = throttle.check(username, address);
        if (check.refusal().isPresent()) throw new LoginThrottled(check.refusal().get());
        try {
            Authentication done = passwords.authenticate(authentication);
            if (check.accountFailures() > 0) throttle.succeeded(username);
            return done;
        } catch (BadCredentialsException wrong) {
            var next = throttle.failed(username, address, way());
            if (next.isPresent() && next.get().locked()) throw new LoginThrottled(next.get());
            throw wrong;
        }
    }

    private static String way() {
        var attrs = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attrs instanceof org.springframework.web.context.request.ServletRequestAttributes s) {
            String path = s.getRequest().getRequestURI().substring(s.getRequest().getContextPath().length());
            if (path.startsWith("/api/")) return "API";
            if (path.equals("/login")) return "sign-in form";
        }
        return "HTTP Basic";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
