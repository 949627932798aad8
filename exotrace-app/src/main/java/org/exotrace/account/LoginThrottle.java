package org.exotrace.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.exotrace.shared.DomainProblem;
import org.exotrace.shared.RecordChanged;
import org.exotrace.shared.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins, counted per account and per client address, shared by every way in: the sign-in
 * form, HTTP Basic on the API, unknown API tokens (per address) and the password re-entered at an
 * electronic signature or approval (per account).
 *
 * <p>Rules, per subject (an account or an address): failures count until a whole window passes
 * without one. From the {@code free}-th failure on, the next attempt is refused until a delay has
 * passed: 1 s, then doubling per further failure, at most {@code exotrace.login.max-delay-seconds}.
 * At {@code max-failures} the subject is locked for the window: every attempt is refused, the right
 * password too. An address has higher limits than an account, so people behind one address are not
 * locked out by one of them. A successful sign-in clears the account's count (not the address's).
 *
 * <p>Every failure is logged (WARN, never the password) and audited (record {@code account},
 * action {@code LOGIN_FAILED}, then {@code LOCKED}; an unknown user name under
 * {@code login_address}) in its own transaction, so it survives the refusal that follows. The state
 * lives in the table {@code login_throttle}, so it survives restarts and is shared by every instance.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final String ACCOUNT = "ACCOUNT";
    static final String ADDRESS = "ADDRESS";

    /** What a sign-in attempt is refused for; {@code locked} is a lockout, otherwise a delay. */
    public record Refusal(boolean locked, Instant until, long retryAfterSeconds, String message) {}

    /** Limits of one kind of subject. */
    record Limits(int free, int max) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Limits account;
    private final Limits address;
    private final Duration window;
    private final Duration maxDelay;

    LoginThrottle(JdbcClient jdbc, ApplicationEventPublisher events, ObjectProvider<Clock> clock,
                  @Value("${exotrace.login.free-failures:3}") int accountFree,
                  @Value("${exotrace.login.max-failures:20}") int accountMax,
                  @Value("${exotrace.login.address-free-failures:20}") int addressFree,
                  @Value("${exotrace.login.address-max-failures:100}") int addressMax,
                  @Value("${exotrace.login.window-minutes:15}") int windowMinutes,
                  @Value("${exotrace.login.max-delay-seconds:60}") int maxDelaySeconds) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.account = new Limits(accountFree, accountMax);
        this.address = new Limits(addressFree, addressMax);
        this.window = Duration.ofMinutes(windowMinutes);
        this.maxDelay = Duration.ofSeconds(maxDelaySeconds);
    }

    /** The time now, from the application's clock (a {@link Clock} bean when there is one), to the microsecond. */
    public Instant now() {
        // to the microsecond the database keeps, so a time written and read back compares equal
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The throttle's answer before a password is checked: a refusal, or how many failures the account has to clear on success. */
    public record Check(Optional<Refusal> refusal, int accountFailures) {}

    /**
     * Whether an attempt for this user name from this address is refused now, and why: one
     * primary-key query. Either argument may be null (a signature has no address, an unknown token
     * no user name).
     */
    public Check check(String username, String clientAddress) {
        Instant now = now();
        Refusal worst = null;
        int accountFailures = 0;
        for (Row row : rows(username, clientAddress)) {
            if (row.kind().equals(ACCOUNT)) accountFailures = row.failures();
            Refusal r = row.refusal(now);
            if (r != null && (worst == null || r.locked() && !worst.locked() || r.until().isAfter(worst.until()) && r.locked() == worst.locked())) {
                worst = r;
            }
        }
        return new Check(Optional.ofNullable(worst), accountFailures);
    }

    /** {@link #check} without the count: the refusal, if any. */
    public Optional<Refusal> refusal(String username, String clientAddress) {
        return check(username, clientAddress).refusal();
    }

    /**
     * Counts a failed attempt against the user name (when given) and the address (when given), in
     * its own transaction, and answers the refusal the next attempt will meet, if any. {@code way}
     * says where it happened ("sign-in form", "API", "API token", "signature"), for the log and the audit.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Refusal> failed(String username, String clientAddress, String way) {
        return record(username, clientAddress, way, true);
    }

    /**
     * Counts a wrong password re-entered by a signed-in person (an electronic signature, an approval,
     * the password page) against the account, in its own transaction: it brings the lockout nearer
     * but sets no delay (signing has its own lock after a few failures; a delay would only stop the
     * person's own session from working).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Refusal> reenteredPasswordFailed(String username, String way) {
        return record(username, null, way, false);
    }

    private Optional<Refusal> record(String username, String clientAddress, String way, boolean delays) {
        Instant now = now();
        String name = username == null ? null : clean(username, 40);
        String addr = clientAddress == null ? null : clean(clientAddress, 100);
        boolean known = name != null && jdbc.sql("select count(*) from account where username = ?").param(name).query(Long.class).single() > 0;
        int accountFailures = 0;
        boolean accountLocked = false;
        if (name != null) {
            Row row = count(ACCOUNT, name, account, now, delays);
            accountFailures = row.failures();
            accountLocked = row.lockedUntil() != null && row.lockedUntil().isAfter(now) && row.failures() == account.max();
        }
        if (addr != null) count(ADDRESS, addr, address, now, delays);
        log.warn("Failed sign-in through the {} for user name '{}' from {} ({} recent failures of this user name)", way,
                name == null ? "-" : name, addr == null ? "-" : addr, accountFailures);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("way", way);
        if (addr != null) after.put("address", addr);
        if (known) {
            after.put("recentFailures", accountFailures);
            events.publishEvent(RecordChanged.changed("account", name, "LOGIN_FAILED", null, after, "wrong password through the " + way));
            if (accountLocked) {
                log.warn("Account '{}' locked for {} minutes after {} failed sign-ins", name, window.toMinutes(), accountFailures);
                events.publishEvent(RecordChanged.changed("account", name, "LOCKED", null,
                        Map.of("lockedUntil", now.plus(window).toString(), "failures", accountFailures),
                        accountFailures + " wrong passwords within " + window.toMinutes() + " minutes"));
            }
        } else if (addr != null) {
            after.put("knownAccount", false);
            events.publishEvent(RecordChanged.changed("login_address", addr, "LOGIN_FAILED", null, after,
                    (name == null ? "unknown credentials" : "unknown user name") + " through the " + way));
        }
        return refusal(name, addr);
    }

    /** A successful sign-in: the account's count starts again (the address keeps its count). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        jdbc.sql("update login_throttle set failures = 0, delayed_until = null where subject_kind = 'ACCOUNT' and subject = ? and failures > 0 "
                + "and (locked_until is null or locked_until <= ?)").params(username, Timestamp.from(now())).update();
    }

    /** When the account's lockout ends, if it is locked now. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = now();
        return rows(username, null).stream().filter(r -> r.kind().equals(ACCOUNT) && r.lockedUntil() != null && r.lockedUntil().isAfter(now))
                .map(Row::lockedUntil).findFirst();
    }

    /** The accounts locked now, with the end of each lockout: the administrator's list marks them. */
    public Map<String, Instant> lockedAccounts() {
        Map<String, Instant> locked = new LinkedHashMap<>();
        jdbc.sql("select subject, locked_until from login_throttle where subject_kind = 'ACCOUNT' and locked_until > ? order by subject")
                .param(Timestamp.from(now()))
                .query((rs, n) -> locked.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        return locked;
    }

    /**
     * Lifts an account's lockout and delay before their time (administrator), with a reason; audited
     * as {@code UNLOCK}. Refused when the account is neither locked nor delayed.
     */
    @Transactional
    public void unlock(String username, String reason) {
        Texts.check("reason", reason, 1000, true);
        if (jdbc.sql("select count(*) from account where username = ?").param(username == null ? "" : username).query(Long.class).single() == 0) {
            throw DomainProblem.notFound("Account", username);
        }
        Instant now = now();
        Row row = jdbc.sql("select subject_kind, failures, first_failure_at, last_failure_at, delayed_until, locked_until from login_throttle "
                        + "where subject_kind = 'ACCOUNT' and subject = ? for update").param(username).query(LoginThrottle::row).optional()
                .filter(r -> r.refusal(now) != null)
                .orElseThrow(() -> DomainProblem.conflict(username + " is not locked out."));
        jdbc.sql("update login_throttle set failures = 0, delayed_until = null, locked_until = null where subject_kind = 'ACCOUNT' and subject = ?")
                .param(username).update();
        events.publishEvent(RecordChanged.changed("account", username, "UNLOCK",
                Map.of("failures", row.failures(), "lockedUntil", String.valueOf(row.lockedUntil())), Map.of("failures", 0), reason.strip()));
        log.info("Account '{}' unlocked by an administrator", username);
    }

    Duration window() { return window; }

    private Row count(String kind, String subject, Limits limits, Instant now, boolean delays) {
        Timestamp ts = Timestamp.from(now);
        jdbc.sql("insert into login_throttle (subject_kind, subject, failures, first_failure_at, last_failure_at) values (?, ?, 0, ?, ?) "
                + "on conflict do nothing").params(kind, subject, ts, ts).update();
        Row row = jdbc.sql("select subject_kind, failures, first_failure_at, last_failure_at, delayed_until, locked_until from login_throttle "
                + "where subject_kind = ? and subject = ? for update").params(kind, subject).query(LoginThrottle::row).single();
        boolean quiet = row.lastFailureAt().plus(window).isBefore(now) && (row.lockedUntil() == null || !row.lockedUntil().isAfter(now));
        int failures = quiet ? 1 : row.failures() + 1;
        Instant first = quiet || row.failures() == 0 ? now : row.firstFailureAt();
        Instant lockedUntil = row.lockedUntil() != null && row.lockedUntil().isAfter(now) ? row.lockedUntil() : null;
        Instant delayedUntil = delays || row.delayedUntil() == null || !row.delayedUntil().isAfter(now) ? null : row.delayedUntil();
        if (failures >= limits.max()) {
            if (lockedUntil == null) lockedUntil = now.plus(window);
        } else if (delays && failures >= limits.free()) {
            long seconds = Math.min(maxDelay.toSeconds(), 1L << Math.min(30, failures - limits.free()));
            delayedUntil = now.plusSeconds(seconds);
        }
        jdbc.sql("update login_throttle set failures = ?, first_failure_at = ?, last_failure_at = ?, delayed_until = ?, locked_until = ? "
                        + "where subject_kind = ? and subject = ?")
                .params(failures, Timestamp.from(first), ts, delayedUntil == null ? null : Timestamp.from(delayedUntil),
                        lockedUntil == null ? null : Timestamp.from(lockedUntil), kind, subject)
                .update();
        return new Row(kind, failures, first, now, delayedUntil, lockedUntil);
    }

    private java.util.List<Row> rows(String username, String clientAddress) {
        return jdbc.sql("select subject_kind, failures, first_failure_at, last_failure_at, delayed_until, locked_until from login_throttle "
                        + "where (subject_kind = 'ACCOUNT' and subject = ?) or (subject_kind = 'ADDRESS' and subject = ?)")
                .params(username == null ? "" : clean(username, 40), clientAddress == null ? "" : clean(clientAddress, 100))
                .query(LoginThrottle::row).list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
    }

    /** A user name or address as typed by whoever knocks: no control characters, bounded, for the table, the log and the audit. */
    private static String clean(String s, int max) {
        String c = s.strip().replaceAll("\\p{Cntrl}", "?");
        return c.length() > max ? c.substring(0, max) : c;
    }

    private record Row(String kind, int failures, Instant firstFailureAt, Instant lastFailureAt, Instant delayedUntil, Instant lockedUntil) {

        Refusal refusal(Instant now) {
            boolean account = kind.equals(ACCOUNT);
            if (lockedUntil != null && lockedUntil.isAfter(now)) {
                long s = seconds(now, lockedUntil);
                return new Refusal(true, lockedUntil, s, (account ? "Sign-in for this account is locked after " + failures + " wrong passwords"
                        : "Sign-in from your network address is locked after " + failures + " failed sign-ins")
                        + "; try again in " + minutes(s) + (account ? " or ask an administrator to unlock it." : "."));
            }
            if (delayedUntil != null && delayedUntil.isAfter(now)) {
                long s = seconds(now, delayedUntil);
                return new Refusal(false, delayedUntil, s, (account ? "Too many wrong passwords for this account"
                        : "Too many failed sign-ins from your network address") + "; wait " + s + (s == 1 ? " second" : " seconds")
                        + " before the next attempt.");
            }
            return null;
        }

        private static long seconds(Instant now, Instant until) {
            return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        }

        private static String minutes(long seconds) {
            long m = (seconds + 59) / 60;
            return m == 1 ? "1 minute" : m + " minutes";
        }
    }
}
