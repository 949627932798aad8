package org.exotrace.platform;

import java.util.List;
import org.exotrace.shared.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Two filter chains over the same accounts: {@code /api/**} with HTTP Basic, stateless, answering
 * 401/403 as problem+json; everything else with form login. In both, each module's
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
    SecurityFilterChain api(HttpSecurity http, List<AccessRules> rules) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(DatabaseUnavailable.orEntryPoint((req, res, ex) ->
                        problem(res, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "Send the user name and password of an Exotrace account with HTTP Basic."))))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(DatabaseUnavailable.orEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "Send the user name and password of an Exotrace account with HTTP Basic.")))
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN,
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
                        .failureHandler(DatabaseUnavailable.orFailureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error"))))
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

    private static void problem(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String title, String detail)
            throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
