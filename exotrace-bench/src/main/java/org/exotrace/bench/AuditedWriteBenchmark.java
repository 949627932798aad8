package org.exotrace.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.exotrace.ExotraceApplication;
import org.exotrace.account.Accounts;
import org.exotrace.donor.Donor;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.exotrace.shared.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What durable commits cost: a typical audited write, {@link Donors#register} (one transaction: the
 * donor-code sequence, the donor row and its audit entry, which takes the audit chain's lock and
 * updates the chain's head), with PostgreSQL's {@code synchronous_commit} on (Exotrace's setting)
 * and off, {@code fsync} on in both. Each call is one commit. Through the service, without HTTP and
 * without the Argon2 password check an API call adds, so the commit's share stays visible.
 *
 * <p>Each fork starts the application once (no web server) on a fresh data directory under the
 * system's temporary directory, which must be on a real disk for the numbers to mean anything. For
 * {@code off} the setting is made the way an administrator would make it for one role,
 * {@code ALTER ROLE postgres SET synchronous_commit = off} (a role setting outranks the server's
 * command line), and the pool's connections are replaced; the setup checks with {@code SHOW} that the
 * pool's connections then report the parameter's value.
 *
 * <p>By default it samples each call's time (latency percentiles, single thread); commits per second
 * come from {@code -bm thrpt -tu s}, with {@code -t 4} for concurrent writers (see docs/benchmarks.md).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class AuditedWriteBenchmark {

    static final String ANALYST = "analyst";

    @State(Scope.Benchmark)
    public static class Application {

        /** PostgreSQL's synchronous_commit for the application's connections. */
        @Param({"on", "off"})
        public String synchronousCommit;

        Path dataDir;
        ConfigurableApplicationContext context;
        Donors donors;

        @Setup(Level.Trial)
        public void start() throws IOException, SQLException {
            dataDir = Files.createTempDirectory("exotrace-bench-");
            System.setProperty("exotrace.db.fsync", "on");
            context = new SpringApplicationBuilder(ExotraceApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--exotrace.data-dir=" + dataDir, "--exotrace.first-admin.enabled=false",
                            "--logging.level.root=WARN");
            donors = context.getBean(Donors.class);
            context.getBean(Accounts.class).create(ANALYST, "Bench Analyst", "benchmark-password", Set.of(Role.LAB_ANALYST));
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            jdbc.sql("alter role postgres set synchronous_commit = " + (synchronousCommit.equals("off") ? "off" : "on")).update();
            context.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
            for (String setting : List.of("synchronous_commit", "fsync")) {
                String expected = setting.equals("fsync") ? "on" : synchronousCommit;
                String actual = jdbc.sql("show " + setting).query(String.class).single();
                if (!actual.equals(expected)) throw new IllegalStateException(setting + " is " + actual + ", expected " + expected);
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            context.close();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One audited write, one commit: a donor registered by the analyst. */
    @Benchmark
    public Donor registerDonor(Application app) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ANALYST, null,
                List.of(new SimpleGrantedAuthority(Role.LAB_ANALYST.authority()))));
        try {
            return app.donors.register(new Donors.Registration(SourceType.UMBILICAL_CORD_MSC, "Wharton's jelly", null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
