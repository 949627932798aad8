package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A database that cannot be reached is told apart from one that refused a statement, and an
 * authentication that failed for want of the database answers 503 "Database unavailable", not 401.
 */
class DatabaseUnavailableUnitTest {

    @Test
    void lostConnectionsCountAsUnavailable() {
        assertThat(DatabaseErrors.unavailable(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("exotrace - Connection is not available, request timed out after 3000ms")))).isTrue();
        assertThat(DatabaseErrors.unavailable(new CannotCreateTransactionException("begin", new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseErrors.unavailable(new DataAccessResourceFailureException("io", new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(DatabaseErrors.unavailable(new UncategorizedSQLException("select", "select 1",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseErrors.unavailable(new InternalAuthenticationServiceException("lookup",
                new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("timeout"))))).isTrue();
    }

    @Test
    void refusedStatementsAndWrongPasswordsAreNotUnavailability() {
        assertThat(DatabaseErrors.unavailable(new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseErrors.unavailable(new BadSqlGrammarException("select", "select x", new SQLException("no table", "42P01")))).isFalse();
        assertThat(DatabaseErrors.unavailable(new BadCredentialsException("Bad credentials"))).isFalse();
        assertThat(DatabaseErrors.unavailable(new IllegalStateException("other"))).isFalse();
    }

    @Test
    void anAccountLookupWithoutDatabaseAnswers503ProblemWithRetryAfter() throws Exception {
        AtomicBoolean delegated = new AtomicBoolean();
        var entryPoint = DatabaseUnavailable.orEntryPoint((req, res, ex) -> delegated.set(true));
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(new MockHttpServletRequest("GET", "/api/lots"), response, new InternalAuthenticationServiceException("lookup",
                new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("timeout"))));
        assertThat(delegated).isFalse();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String body = response.getContentAsString();
        assertThat((String) JsonPath.read(body, "$.title")).isEqualTo("Database unavailable");
        assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(503);
        assertThat((String) JsonPath.read(body, "$.detail")).contains("Try again");
    }

    @Test
    void aWrongPasswordStillGoesToTheUsualEntryPoint() throws Exception {
        AtomicBoolean delegated = new AtomicBoolean();
        var entryPoint = DatabaseUnavailable.orEntryPoint((req, res, ex) -> delegated.set(true));
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(new MockHttpServletRequest("GET", "/api/lots"), response, new BadCredentialsException("Bad credentials"));
        assertThat(delegated).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void theWatchdogReadsTheServersExecutableFromPostmasterOpts() {
        assertThat(EmbeddedServerWatchdog.executableOf("/tmp/embedded-pg/PG-72e2/bin/postgres \"-D\" \"/srv/data/postgres\" \"-p\" \"35011\""
                + " \"-c\" \"fsync=on\"\n")).isEqualTo("/tmp/embedded-pg/PG-72e2/bin/postgres");
        assertThat(EmbeddedServerWatchdog.executableOf("/usr/lib/postgresql/16/bin/postgres")).isEqualTo("/usr/lib/postgresql/16/bin/postgres");
    }
}
