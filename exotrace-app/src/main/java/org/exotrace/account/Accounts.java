package org.exotrace.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts collection: create, look up, check a password; the administrator's changes (roles,
 * disable and enable, password reset), each with a reason and audited; the holder's own password
 * change. Also the sign-in user source.
 */
@Service
public class Accounts implements UserDetailsService {

    static final int TEMPORARY_PASSWORD_LENGTH = 16;
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z][a-z0-9._-]{1,39}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;
    private final PasswordPolicy policy;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, ApplicationEventPublisher events, LoginThrottle throttle, PasswordPolicy policy) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.events = events;
        this.throttle = throttle;
        this.policy = policy;
    }

    @Transactional
    public Account create(String username, String displayName, String rawPassword, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainProblem.invalid("username", "use 2-40 lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw DomainProblem.invalid("displayName", "give the printed name (1-120 characters) that signatures will show");
        }
        policy.problem(rawPassword, username).ifPresent(message -> {
            throw DomainProblem.invalid("password", message);
        });
        if (roles == null || roles.isEmpty()) throw DomainProblem.invalid("roles", "choose at least one role");
        if (find(username).isPresent()) throw DomainProblem.conflict("An account named '" + username + "' already exists.");
        jdbc.sql("insert into account (username, display_name, password_hash, roles) values (?, ?, ?, ?)")
                .params(username, displayName.strip(), encoder.encode(rawPassword), roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .update();
        Account account = new Account(username, displayName.strip(), roles, true);
        events.publishEvent(RecordChanged.created("account", username, Map.of("username", username,
                "displayName", account.displayName(), "roles", account.roles().stream().map(Role::name).sorted().toList())));
        return account;
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select username, display_name, roles, enabled from account where username = ?")
                .param(username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getBoolean(4)))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql("select username, display_name, roles, enabled from account order by username")
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getBoolean(4)))
                .list();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from account").query(Long.class).single() == 0;
    }

    /**
     * True when the password is the account's current one, the account is enabled and its password
     * is not a temporary one an administrator set: the second signature component. A wrong password
     * counts as a failed sign-in of the account ({@link LoginThrottle}, in its own transaction that
     * writes an audit entry: call this before the caller's transaction has written one). Refused
     * with a {@link DomainProblem.Kind#FORBIDDEN} problem while the account is locked out, whatever
     * the password.
     */
    public boolean verifyPassword(String username, String rawPassword) {
        if (username == null || rawPassword == null) return false;
        LoginThrottle.Check check = throttle.check(username, null);
        if (check.refusal().filter(LoginThrottle.Refusal::locked).isPresent()) {
            throw DomainProblem.forbidden(check.refusal().get().message().replace("Sign-in for this account", "The account " + username)
                    + " A locked account cannot sign.");
        }
        boolean right = jdbc.sql("select password_hash from account where username = ? and enabled and not password_must_change")
                .param(username).query(String.class).optional()
                .map(hash -> encoder.matches(rawPassword, hash))
                .orElse(false);
        if (!right) throttle.reenteredPasswordFailed(username, "electronic signature");
        else if (check.accountFailures() > 0) throttle.succeeded(username);
        return right;
    }

    /** Whether an account may act now: enabled, and whether its password is a temporary one to replace first. */
    public record Standing(boolean enabled, boolean mustChangePassword) {}

    /** The account's standing, read once per request by the web layer; empty for an unknown name. */
    public Optional<Standing> standing(String username) {
        return jdbc.sql("select enabled, password_must_change from account where username = ?").param(username)
                .query((rs, n) -> new Standing(rs.getBoolean(1), rs.getBoolean(2))).optional();
    }

    /** Whether the account holds a temporary password it must replace before anything else. */
    public boolean mustChangePassword(String username) {
        return jdbc.sql("select password_must_change from account where username = ?").param(username).query(Boolean.class).optional()
                .orElse(false);
    }

    /**
     * Gives the account these roles (administrator). Refused without a reason or a role, when
     * nothing changes, and for the administrator's own account: nobody grants themselves the right
     * to release lots or approve investigations, or takes their own administrator role away.
     */
    @Transactional
    public Account changeRoles(String username, Set<Role> roles, String reason) {
        Account before = lock(username);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (roles == null || roles.isEmpty()) errors.put("roles", "choose at least one role");
        else if (before.roles().equals(roles)) errors.put("roles", "these are already the roles of " + username);
        else if (username.equals(Actors.current())) errors.put("roles", "you cannot change your own roles; another administrator can");
        Texts.check(errors, "reason", reason, 1000, true);
        if (!errors.isEmpty()) throw DomainProblem.invalid("Roles not changed", errors);
        jdbc.sql("update account set roles = ? where username = ?").params(csv(roles), username).update();
        Account after = find(username).orElseThrow();
        events.publishEvent(RecordChanged.changed("account", username, "CHANGE_ROLES", Map.of("roles", names(before.roles())),
                Map.of("roles", names(after.roles())), reason.strip()));
        return after;
    }

    /** Disables (false) or enables (true) the account (administrator), with a reason; administrators cannot disable themselves. */
    @Transactional
    public Account setEnabled(String username, boolean enabled, String reason) {
        Account before = lock(username);
        Texts.check("reason", reason, 1000, true);
        if (!enabled && username.equals(Actors.current())) {
            throw DomainProblem.conflict("You cannot disable your own account; another administrator can.");
        }
        if (before.enabled() == enabled) throw DomainProblem.conflict(username + " is already " + (enabled ? "enabled" : "disabled") + ".");
        jdbc.sql("update account set enabled = ? where username = ?").params(enabled, username).update();
        events.publishEvent(RecordChanged.changed("account", username, enabled ? "ENABLE" : "DISABLE", Map.of("enabled", before.enabled()),
                Map.of("enabled", enabled), reason.strip()));
        return find(username).orElseThrow();
    }

    /**
     * Replaces the account's password with a generated temporary one (administrator), with a reason,
     * and answers it: it is shown once and stored only as a hash. Its holder must choose a new
     * password at the next sign-in; until then the account can neither sign electronically nor use
     * the API. Administrators change their own password on the password page instead.
     */
    @Transactional
    public String resetPassword(String username, String reason) {
        lock(username);
        Texts.check("reason", reason, 1000, true);
        if (username.equals(Actors.current())) {
            throw DomainProblem.conflict("Change your own password on the password page; a reset is for someone else's account.");
        }
        String temporary = FirstAdministrator.randomPassword(TEMPORARY_PASSWORD_LENGTH, username, policy);
        jdbc.sql("update account set password_hash = ?, password_must_change = true, password_changed_at = now() where username = ?")
                .params(encoder.encode(temporary), username).update();
        events.publishEvent(RecordChanged.changed("account", username, "RESET_PASSWORD", Map.of("temporaryPassword", false),
                Map.of("temporaryPassword", true), reason.strip()));
        return temporary;
    }

    /**
     * The holder changes their own password: the current one (temporary or not) must be right, the
     * new one must meet the {@link PasswordPolicy}, be different from the current one and typed the same twice.
     */
    @Transactional
    public void changeOwnPassword(String current, String replacement, String repeated) {
        String username = Actors.current();
        String hash = jdbc.sql("select password_hash from account where username = ? and enabled for update").param(username)
                .query(String.class).optional().orElseThrow(() -> DomainProblem.notFound("Account", username));
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (throttle.refusal(username, null).filter(LoginThrottle.Refusal::locked).isPresent()) {
            throw DomainProblem.forbidden(throttle.refusal(username, null).get().message());
        }
        if (current == null || !encoder.matches(current, hash)) {
            throttle.reenteredPasswordFailed(username, "password page");
            errors.put("current", "this is not your current password");
        }
        java.util.Optional<String> weak = policy.problem(replacement, username);
        if (weak.isPresent()) {
            errors.put("password", weak.get());
        } else if (current != null && current.equals(replacement)) {
            errors.put("password", "choose a password different from the current one");
        } else if (!replacement.equals(repeated)) {
            errors.put("repeated", "type the same new password twice");
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Password not changed", errors);
        boolean temporary = mustChangePassword(username);
        jdbc.sql("update account set password_hash = ?, password_must_change = false, password_changed_at = now() where username = ?")
                .params(encoder.encode(replacement), username).update();
        events.publishEvent(RecordChanged.changed("account", username, "CHANGE_PASSWORD", Map.of("temporaryPassword", temporary),
                Map.of("temporaryPassword", false), "changed by the account holder"));
    }

    private Account lock(String username) {
        return jdbc.sql("select username, display_name, roles, enabled from account where username = ? for update")
                .param(username == null ? "" : username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), roles(rs.getString(3)), rs.getBoolean(4)))
                .optional().orElseThrow(() -> DomainProblem.notFound("Account", username));
    }

    private static String csv(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    /** The printed name for a user name, or the user name itself when unknown (e.g. {@code system}). */
    public String printedName(String username) {
        return find(username).map(Account::displayName).orElse(username);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled from account where username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .disabled(!rs.getBoolean(4))
                        .authorities(roles(rs.getString(3)).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    private static Set<Role> roles(String csv) {
        List<Role> list = new ArrayList<>();
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).forEach(s -> list.add(Role.valueOf(s.strip())));
        return list.isEmpty() ? Set.of() : EnumSet.copyOf(list);
    }
}
