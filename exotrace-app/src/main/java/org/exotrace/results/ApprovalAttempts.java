package org.exotrace.results;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong passwords at the approval of an investigation's conclusion, with the same limit and
 * lock-out window as release signing ({@code exotrace.signature.max-failures},
 * {@code exotrace.signature.lockout-minutes}). A failure is kept in its own transaction, so it
 * survives the refusal that rolls back the approval.
 */
@Repository
class ApprovalAttempts {

    private final JdbcClient jdbc;
    private final int limit;
    private final Duration window;

    ApprovalAttempts(JdbcClient jdbc, @Value("${exotrace.signature.max-failures:3}") int limit,
                     @Value("${exotrace.signature.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.window = Duration.ofMinutes(lockoutMinutes);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String username) {
        jdbc.sql("insert into oos_approval_failure (username) values (?)").param(username).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String username) {
        jdbc.sql("update oos_approval_failure set cleared = true where username = ? and not cleared").param(username).update();
    }

    boolean lockedOut(String username) {
        long recent = jdbc.sql("select count(*) from oos_approval_failure where username = ? and not cleared and failed_at > ?")
                .params(username, java.sql.Timestamp.from(Instant.now().minus(window))).query(Long.class).single();
        return recent >= limit;
    }

    int limit() { return limit; }

    Duration window() { return window; }
}
