package org.exotrace;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.exotrace.account.Accounts;
import org.exotrace.platform.DatabaseOwner;
import org.exotrace.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of every test that needs the whole application: one Spring context (identical configuration
 * in every subclass, so Spring caches it) against the embedded PostgreSQL the application starts
 * itself, in a fresh data directory under {@code target/} chosen once per JVM. When
 * {@code EXOTRACE_DB_URL} is set the application uses that server instead and the directory is unused.
 *
 * <p>The database is shared by all test classes of the JVM and is never cleaned: tests create their
 * own accounts and donors, compare counts before and after rather than absolute numbers, and roll
 * back anything that would leave the audit chain broken.
 */
@SpringBootTest(properties = "exotrace.first-admin.enabled=false")
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    /** The embedded database's directory for this JVM; system properties so a second context (the CLI) finds the same server. */
    public static final Path DATA_DIR;

    static {
        DATA_DIR = Path.of("target", "test-db-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        System.setProperty("exotrace.data-dir", DATA_DIR.toString());
        // The audit key and checkpoints of this JVM's database, beside (never inside) its data directory.
        System.setProperty("exotrace.audit.anchor-dir", DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-anchor").toString());
        // A throw-away database does not need to survive a power cut; fsync=off saves each commit's disk
        // flush. synchronous_commit stays on, as in production (DatabaseConfiguration has no switch for it).
        System.setProperty("exotrace.db.fsync", "off");
    }

    protected static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired protected MockMvc mvc;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected Accounts accounts;
    @Autowired protected PlatformTransactionManager transactionManager;

    /** A person who can call the API, with a fresh user name so tests never collide. */
    public record TestUser(String username, String password, Set<Role> roles) {
        public RequestPostProcessor basic() {
            return httpBasic(username, password);
        }
    }

    @Autowired private DatabaseOwner databaseOwner;
    private static final Map<String, HikariDataSource> SUPERUSERS = new ConcurrentHashMap<>();

    /**
     * A connection as the database's superuser, for tests that need DDL or a look the application's
     * role is not allowed. The application itself connects as a role that cannot do this.
     * Embedded: {@code postgres} with the password of {@code <data-dir>/secrets/postgres.password}.
     * External ({@code EXOTRACE_DB_URL}): {@code EXOTRACE_DB_USER}, the role migrations run as, which
     * is also the application's unless {@code EXOTRACE_DB_APP_USER} is set; it must be able to do
     * what the tests do (a superuser, or the owner of the schema). Autocommit, one small pool per
     * database and JVM: what it writes is committed at once, so an attack on the shared database
     * belongs in {@link #asSuperuserRolledBack}.
     */
    protected JdbcClient superuser() {
        return JdbcClient.create(superuserDataSource(database()));
    }

    /**
     * Runs {@code attack} as the superuser in one transaction that is always rolled back, on one
     * snapshot (repeatable read) whatever other threads commit meanwhile. What it reads, verifies
     * included, must go through the {@code JdbcClient} it is given: the application's connections do
     * not see its uncommitted changes. The test database is shared by every test class of the JVM,
     * so this is the only way a test may tamper with it.
     */
    protected <T> T asSuperuserRolledBack(java.util.function.Function<JdbcClient, T> attack) {
        try (java.sql.Connection connection = superuserDataSource(database()).getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return attack.apply(JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true)));
            } finally {
                connection.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("no superuser connection: " + e.getMessage(), e);
        }
    }

    /**
     * A pool on a database of the application's server, as its superuser: the application's own
     * database, or a scratch database of a test's own (an upgrade from an earlier release's schema).
     */
    protected javax.sql.DataSource superuserDataSource(String database) {
        String url = databaseOwner.url().replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + database);
        return SUPERUSERS.computeIfAbsent(url + " " + databaseOwner.user(), key -> {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            if (!databaseOwner.user().isEmpty()) pool.setUsername(databaseOwner.user());
            if (!databaseOwner.password().isEmpty()) pool.setPassword(databaseOwner.password());
            pool.setMaximumPoolSize(4); // Flyway holds two at once
            pool.setMinimumIdle(0);
            pool.setPoolName("test-superuser");
            return pool;
        });
    }

    /** The name of the application's database, from the owner's URL. */
    private String database() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^jdbc:postgresql://[^/?]+/([^?]*)").matcher(databaseOwner.url());
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : "postgres";
    }

    /**
     * The session cookie a response set, for the next request: sessions live in the database (Spring
     * Session), so the cookie carries them as in a browser, where a {@code MockHttpSession} would not.
     */
    protected static jakarta.servlet.http.Cookie sessionCookie(MvcResult result) {
        // The server names it JSESSIONID (server.servlet.session.cookie.name); the mock environment keeps Spring Session's SESSION.
        String header = result.getResponse().getHeaders("Set-Cookie").stream().filter(h -> h.matches("(JSESSIONID|SESSION)=.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie; headers " + result.getResponse().getHeaderNames().stream()
                        .map(n -> n + "=" + result.getResponse().getHeaders(n)).toList()));
        String[] nameValue = header.split(";", 2)[0].split("=", 2);
        return new jakarta.servlet.http.Cookie(nameValue[0], nameValue[1]);
    }

    protected TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    /** Creates an enabled account with these roles; runs in a transaction because creating an account writes an audit entry. */
    protected TestUser user(Role first, Role... more) {
        Set<Role> roles = EnumSet.of(first, more);
        String username = "t" + USERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        transaction().executeWithoutResult(tx -> accounts.create(username, "Test " + roles, PASSWORD, roles));
        return new TestUser(username, PASSWORD, roles);
    }

    protected ResultActions postJson(String path, TestUser as, String json) throws Exception {
        return mvc.perform(post(path).with(as.basic()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected ResultActions getJson(String path, TestUser as) throws Exception {
        return mvc.perform(get(path).with(as.basic()).accept(MediaType.APPLICATION_JSON));
    }

    protected static <T> T read(MvcResult result, String jsonPath) throws Exception {
        return JsonPath.read(result.getResponse().getContentAsString(), jsonPath);
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Row counts of the given tables, in order: compare two snapshots to prove a refused call wrote nothing. */
    protected List<Long> counts(String... tables) {
        return List.of(tables).stream().map(this::count).toList();
    }
}
