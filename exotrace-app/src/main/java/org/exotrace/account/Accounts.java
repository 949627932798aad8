package org.exotrace.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
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

/** The accounts collection: create, look up, check a password. Also the sign-in user source. */
@Service
public class Accounts implements UserDetailsService {

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z][a-z0-9._-]{1,39}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.events = events;
    }

    @Transactional
    public Account create(String username, String displayName, String rawPassword, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainProblem.invalid("username", "use 2-40 lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw DomainProblem.invalid("displayName", "give the printed name (1-120 characters) that signatures will show");
        }
        if (rawPassword == null || rawPassword.length() < 10 || rawPassword.length() > 128) {
            throw DomainProblem.invalid("password", "use at least 10 and at most 128 characters");
        }
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

    /** True when the password is the account's current one and the account is enabled: the second signature component. */
    public boolean verifyPassword(String username, String rawPassword) {
        if (username == null || rawPassword == null) return false;
        return jdbc.sql("select password_hash from account where username = ? and enabled")
                .param(username).query(String.class).optional()
                .map(hash -> encoder.matches(rawPassword, hash))
                .orElse(false);
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
