package org.exotrace.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.exotrace.shared.Actors;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Role;
import org.exotrace.shared.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: the API's way in without a password, and without an Argon2 hash per request.
 * A token is {@code exo_} and 32 random bytes in base64url (256 bits), shown once to the person who
 * makes it and kept only as its SHA-256 (a random secret needs no slow hash: nothing can be guessed
 * from it) with its first {@value #PREFIX_LENGTH} characters to find it and to recognise it in lists.
 * Each token has a name, an expiry of at most {@code exotrace.api-token.max-days} (365) days and a set
 * of roles that is a subset of its holder's: it grants those roles that its holder still has, and
 * nothing once the account is disabled, the token revoked or expired. Creating and revoking are audited
 * (record {@code api_token}); the time of last use is kept at most once a minute.
 */
@Service
public class ApiTokens {

    public static final String TOKEN_PREFIX = "exo_";
    static final int PREFIX_LENGTH = 12;
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** A token as its holder sees it in lists: never the secret. */
    public record ApiToken(UUID id, String username, String name, String prefix, Set<Role> roles, Instant createdAt, Instant expiresAt,
                           Instant revokedAt, String revokedBy, Instant lastUsedAt) {

        public boolean active(Instant now) { return revokedAt == null && expiresAt.isAfter(now); }

        /** Active, Revoked or Expired, for people. */
        public String stateLabel(Instant now) { return revokedAt != null ? "Revoked" : expiresAt.isAfter(now) ? "Active" : "Expired"; }
    }

    /** A token just made: the only time its secret exists outside the caller's hands. */
    public record NewToken(ApiToken token, String secret) {}

    /** Who a presented token stands for: its holder and the roles it grants now (token scope ∩ the holder's roles). */
    public record Bearer(UUID tokenId, String username, Set<Role> roles) {}

    /** Why a presented token does not authenticate; {@code unknown} when no token has its prefix and hash. */
    public record Rejection(boolean unknown, String detail) {}

    /** A presented token's outcome: a bearer or a rejection. */
    public record Outcome(Optional<Bearer> bearer, Optional<Rejection> rejection) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LoginThrottle clock;
    private final Accounts accounts;
    private final int maxDays;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, LoginThrottle clock, Accounts accounts,
              @Value("${exotrace.api-token.max-days:365}") int maxDays) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.accounts = accounts;
        this.maxDays = maxDays;
    }

    public int maxDays() { return maxDays; }

    public Instant now() { return clock.now(); }

    /**
     * Makes a token for the signed-in person: a name (1-80 characters, unique among their active
     * tokens), 1 to {@link #maxDays()} days of validity and roles that they hold. Refused with
     * field errors, nothing written, otherwise; audited without the secret. A request authenticated
     * by a token cannot make another one (tokens would outlive their revocation by begetting others).
     */
    @Transactional
    public NewToken create(String name, Integer days, Set<Role> roles) {
        if (org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw DomainProblem.forbidden("A token cannot make another token: sign in with your password (the API tokens page, or HTTP Basic).");
        }
        String username = Actors.current();
        Account holder = accounts.find(username).filter(Account::enabled)
                .orElseThrow(() -> DomainProblem.forbidden("Only an enabled account can make API tokens."));
        Map<String, String> errors = new LinkedHashMap<>();
        Texts.check(errors, "name", name, 80, true);
        if (!errors.containsKey("name") && jdbc.sql("select count(*) from api_token where username = ? and lower(name) = lower(?) "
                + "and revoked_at is null and expires_at > ?").params(username, name.strip(), Timestamp.from(now())).query(Long.class).single() > 0) {
            errors.put("name", "you already have an active token of this name");
        }
        if (days == null || days < 1 || days > maxDays) errors.put("days", "choose 1 to " + maxDays + " days");
        if (roles == null || roles.isEmpty()) errors.put("roles", "choose at least one of your roles");
        else if (!holder.roles().containsAll(roles)) {
            Set<Role> foreign = EnumSet.copyOf(roles);
            foreign.removeAll(holder.roles());
            errors.put("roles", "you do not hold " + foreign.stream().map(Role::label).sorted().collect(Collectors.joining(", "))
                    + "; a token can only carry roles you have");
        }
        if (!errors.isEmpty()) throw DomainProblem.invalid("Token not created", errors);
        String secret;
        String prefix;
        do {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            prefix = secret.substring(0, PREFIX_LENGTH);
        } while (jdbc.sql("select count(*) from api_token where prefix = ?").param(prefix).query(Long.class).single() > 0);
        UUID id = UUID.randomUUID();
        Instant created = now();
        Instant expires = created.plus(Duration.ofDays(days));
        jdbc.sql("insert into api_token (id, username, name, prefix, secret_hash, roles, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, username, name.strip(), prefix, sha256(secret), csv(roles), Timestamp.from(created), Timestamp.from(expires))
                .update();
        ApiToken token = get(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("username", username);
        after.put("name", token.name());
        after.put("prefix", prefix);
        after.put("roles", roles.stream().map(Role::name).sorted().toList());
        after.put("expiresAt", expires.toString());
        events.publishEvent(RecordChanged.created("api_token", id, after));
        return new NewToken(token, secret);
    }

    /** The signed-in person's tokens, newest first, revoked and expired ones included. */
    public List<ApiToken> mine() {
        return jdbc.sql("select * from api_token where username = ? order by created_at desc, name").param(Actors.current())
                .query(ApiTokens::token).list();
    }

    /** Revokes one of the signed-in person's tokens at once, with an optional reason; audited. Refused for someone else's or an inactive token. */
    @Transactional
    public ApiToken revoke(UUID id, String reason) {
        ApiToken token = jdbc.sql("select * from api_token where id = ? and username = ? for update").params(id, Actors.current())
                .query(ApiTokens::token).optional().orElseThrow(() -> DomainProblem.notFound("API token", id));
        if (token.revokedAt() != null) throw DomainProblem.conflict("The token '" + token.name() + "' is already revoked.");
        Texts.check("reason", reason, 1000, false);
        Instant at = now();
        jdbc.sql("update api_token set revoked_at = ?, revoked_by = ? where id = ?").params(Timestamp.from(at), Actors.current(), id).update();
        events.publishEvent(RecordChanged.changed("api_token", id, "REVOKE", Map.of("revoked", false), Map.of("revoked", true, "name", token.name()),
                reason == null || reason.isBlank() ? "revoked by its holder" : reason.strip()));
        return get(id);
    }

    /**
     * Who a presented bearer token stands for, with one indexed query (the token joined with its
     * holder's account): a rejection when it is malformed, unknown, revoked, expired or its holder's
     * account is disabled. Records the time of use when the last one is over a minute old.
     */
    public Outcome authenticate(String presented) {
        if (presented == null || !presented.startsWith(TOKEN_PREFIX) || presented.length() < PREFIX_LENGTH || presented.length() > 100) {
            return rejected(true, "This is not an Exotrace API token.");
        }
        String prefix = presented.substring(0, PREFIX_LENGTH);
        record Found(UUID id, String username, String hash, String roles, Instant expires, Instant revoked, Instant lastUsed,
                     String accountRoles, boolean enabled) {}
        Optional<Found> found = jdbc.sql("""
                        select t.id, t.username, t.secret_hash, t.roles, t.expires_at, t.revoked_at, t.last_used_at, a.roles, a.enabled
                        from api_token t join account a on a.username = t.username where t.prefix = ?""")
                .param(prefix)
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8), rs.getBoolean(9)))
                .optional();
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().hash().getBytes(StandardCharsets.US_ASCII),
                sha256(presented).getBytes(StandardCharsets.US_ASCII))) {
            return rejected(true, "This API token is not known.");
        }
        Found t = found.get();
        Instant now = now();
        if (t.revoked() != null) return rejected(false, "This API token was revoked.");
        if (!t.expires().isAfter(now)) return rejected(false, "This API token expired at " + t.expires() + "; make a new one.");
        if (!t.enabled()) return rejected(false, "The account of this API token is disabled.");
        Set<Role> granted = EnumSet.noneOf(Role.class);
        granted.addAll(roles(t.roles()));
        granted.retainAll(roles(t.accountRoles()));
        if (t.lastUsed() == null || t.lastUsed().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("update api_token set last_used_at = ? where id = ?").params(Timestamp.from(now), t.id()).update();
        }
        return new Outcome(Optional.of(new Bearer(t.id(), t.username(), granted)), Optional.empty());
    }

    private static Outcome rejected(boolean unknown, String detail) {
        return new Outcome(Optional.empty(), Optional.of(new Rejection(unknown, detail)));
    }

    private ApiToken get(UUID id) {
        return jdbc.sql("select * from api_token where id = ?").param(id).query(ApiTokens::token).single();
    }

    private static ApiToken token(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("name"), rs.getString("prefix"),
                roles(rs.getString("roles")), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"), instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csv(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<Role> roles(String csv) {
        List<Role> list = new ArrayList<>();
        Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).forEach(s -> list.add(Role.valueOf(s.strip())));
        return list.isEmpty() ? Set.of() : EnumSet.copyOf(list);
    }
}
