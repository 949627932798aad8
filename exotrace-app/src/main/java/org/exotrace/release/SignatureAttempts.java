package org.exotrace.release;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed signature attempts (21 CFR 11.300(d): detect and report attempts at unauthorized use).
 * A failure is recorded in its own transaction, so it survives the refusal that rolls back the
 * signing; after {@code limit} failures within {@code window} the user cannot sign until the
 * window has passed. A successful signature clears the count.
 */
@Repository
class SignatureAttempts {

    private final JdbcClient jdbc;
    private final int limit;
    private final Duration window;

    SignatureAttempts(JdbcClient jdbc, @Value("${exotrace.signature.max-failures:3}") int limit,
                      @Value("${exotrace.signature.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.window = Duration.ofMinutes(lockoutMinutes);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username, String reason) {
        jdbc.sql("insert into signature_failure (username, reason) values (?, ?)").params(username, reason).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        jdbc.sql("update signature_failure set cleared = true where username = ? and not cleared").param(username).update();
    }

    /** True when the user has reached the limit of failures within the window. */
    boolean lockedOut(String username) {
        long recent = jdbc.sql("select count(*) from signature_failure where username = ? and not cleared and failed_at > ?")
                .params(username, java.sql.Timestamp.from(Instant.now().minus(window))).query(Long.class).single();
        return recent >= limit;
    }

    int limit() { return limit; }

    Duration window() { return window; }
}
