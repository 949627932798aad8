package org.exotrace.platform;

import java.util.List;
import org.exotrace.account.ApiTokens;
import org.exotrace.account.BearerTokenFilter;
import org.exotrace.account.LoginThrottle;
import org.exotrace.account.LoginThrottled;
import org.exotrace.shared.AccessRules;
import org.exotrace.shared.ProblemResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Two filter chains over the same accounts: {@code /api/**} with personal API tokens (Bearer) or
 * HTTP Basic, stateless, answering 401/403/429 as problem+json; everything else with form login.
 * Every password check goes through the account module's login throttle. In both, each module's
 * {@link AccessRules} are applied and any request that no rule allows is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", java.util.Map.of("argon2", argon2));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, List<AccessRules> rules, ApiTokens tokens, LoginThrottle throttle) throws Exception {
        // Issue 10: a personal API token (Bearer) is the way in, one SHA-256 and one query per request;
        // HTTP Basic stays, behind the login throttle (429 with Retry-After when refused).
        AuthenticationEntryPoint unauthenticated = (req, res, ex) -> {
            if (ex instanceof LoginThrottled throttled) BearerTokenFilter.throttled(res, throttled.refusal());
            else ProblemResponse.write(res, HttpStatus.UNAUTHORIZED.value(), "Authentication required", API_CREDENTIALS);
        };
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, throttle), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(DatabaseUnavailable.orEntryPoint(unauthenticated)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(DatabaseUnavailable.orEntryPoint(unauthenticated))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponse.write(res, HttpStatus.FORBIDDEN.value(),
                                "Not allowed", "Your roles do not allow " + req.getMethod() + " " + req.getRequestURI() + ".")))
                .headers(SecurityHeaders.api())
                .authorizeHttpRequests(auth -> {
                    rules.forEach(r -> r.configure(auth));
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, List<AccessRules> rules) throws Exception {
        // Only a page someone opened is worth returning to after sign-in, never an htmx fragment that a
        // delayed trigger sent after sign-out (it would greet the next person with a bare fragment or a 403).
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
        http.requestCache(cache -> cache.requestCache(pagesOnly))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        // a throttled sign-in says why and how long to wait, beside the password (LoginController)
                        .failureHandler(DatabaseUnavailable.orFailureHandler((req, res, ex) -> {
                            req.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, ex);
                            res.sendRedirect(req.getContextPath() + (ex instanceof LoginThrottled ? "/login?refused" : "/login?error"));
                        })))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .headers(SecurityHeaders.pages())
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/login").permitAll();
                    auth.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll();
                    auth.requestMatchers("/", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated();
                    rules.forEach(r -> r.configure(auth));
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }

    private static final String API_CREDENTIALS = "Send a personal API token (Authorization: Bearer exo_..., made on the API tokens page "
            + "of your account) or the user name and password of an Exotrace account with HTTP Basic.";
}
