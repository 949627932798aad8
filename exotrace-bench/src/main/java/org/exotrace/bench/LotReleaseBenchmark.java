package org.exotrace.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exotrace.ExotraceApplication;
import org.exotrace.account.Accounts;
import org.exotrace.batch.Batches;
import org.exotrace.batch.IsolationMethod;
import org.exotrace.batch.Lots;
import org.exotrace.donor.ConsentScope;
import org.exotrace.donor.Donors;
import org.exotrace.donor.SourceType;
import org.exotrace.quality.LotEvaluation;
import org.exotrace.quality.LotQuality;
import org.exotrace.results.Results;
import org.exotrace.release.Decision;
import org.exotrace.release.Releases;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End to end through the real services and the embedded PostgreSQL 16, single-threaded: lots
 * evaluated per second ({@link LotQuality#evaluate(UUID)}), lots released per second
 * ({@link Releases#release}) and, to show what a release spends on its signature, Argon2id password
 * checks per second ({@link Accounts#verifyPassword}).
 *
 * <p>Each fork starts the Spring application once (no web server) on a fresh data directory, with
 * the first-administrator bootstrap off and PostgreSQL's {@code fsync} set by the {@code fsync}
 * parameter (default {@code off}: the numbers then exclude disk flush latency; run with
 * {@code -p fsync=on} for the production setting). Every lot is a human MSC exosome serum lot of a
 * consented, screened donor with the 13 results of {@link LotFixtures}, recorded by an analyst, so
 * a QA releaser who did not test it may release it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class LotReleaseBenchmark {

    static final String PASSWORD = "benchmark-password";
    static final String ANALYST = "analyst";
    static final String QA = "qa";

    /** The running application with an analyst, a QA releaser and one batch of a donor fit for cosmetic, commercial use. */
    @State(Scope.Benchmark)
    public static class Application {

        /** PostgreSQL's fsync setting, read when the embedded server starts. */
        @Param({"off"})
        public String fsync;

        Path dataDir;
        ConfigurableApplicationContext context;
        TransactionTemplate tx;
        Accounts accounts;
        Lots lots;
        Results results;
        LotQuality quality;
        Releases releases;
        UUID batchId;

        @Setup(Level.Trial)
        public void start() throws IOException {
            dataDir = Files.createTempDirectory("exotrace-bench-");
            System.setProperty("exotrace.db.fsync", fsync);
            // Command-line arguments, not default properties: application.yml sets exotrace.data-dir
            // (to ./data unless EXOTRACE_DATA_DIR is set), and it outranks default properties.
            context = new SpringApplicationBuilder(ExotraceApplication.class)
                    .web(WebApplicationType.NONE)
                    .run("--exotrace.data-dir=" + dataDir, "--exotrace.first-admin.enabled=false",
                            "--logging.level.root=WARN");
            tx = context.getBean(TransactionTemplate.class);
            accounts = context.getBean(Accounts.class);
            lots = context.getBean(Lots.class);
            results = context.getBean(Results.class);
            quality = context.getBean(LotQuality.class);
            releases = context.getBean(Releases.class);
            accounts.create(ANALYST, "Bench Analyst", PASSWORD, Set.of(Role.LAB_ANALYST));
            accounts.create(QA, "Bench QA", PASSWORD, Set.of(Role.QA_RELEASER));
            batchId = as(ANALYST, () -> tx.execute(s -> {
                Donors donors = context.getBean(Donors.class);
                Batches batches = context.getBean(Batches.class);
                LocalDate consentOn = LocalDate.now().minusDays(60);
                UUID donorId = donors.register(new Donors.Registration(SourceType.UMBILICAL_CORD_MSC,
                        "Wharton's jelly, full-term caesarean", null, consentOn, null)).id();
                donors.determination(donorId).findings().stream().map(f -> f.required().test()).forEach(t ->
                        donors.recordScreening(donorId, new Donors.ScreeningEntry(t.code(), t.negativeResult().code(), consentOn)));
                donors.grantConsent(donorId, new Donors.ConsentEntry(ConsentScope.COSMETIC_USE, consentOn, "ICF-BENCH-1"));
                donors.grantConsent(donorId, new Donors.ConsentEntry(ConsentScope.COMMERCIAL, consentOn, "ICF-BENCH-2"));
                return batches.record(new Batches.NewBatch(donorId, IsolationMethod.ULTRACENTRIFUGATION, 100_000.0, 70,
                        "Differential UC", 500.0, 2_000_000_000L, 4, consentOn.plusDays(30), consentOn.plusDays(31),
                        "Bench Analyst", null)).id();
            }));
        }

        /** A new lot in testing with every required result passing, recorded by the analyst. */
        UUID releasableLot() {
            return as(ANALYST, () -> tx.execute(s -> {
                UUID lotId = lots.create(batchId, new Lots.NewLot("HMSC-EXO-SERUM", 3.6e9, 40.0,
                        LocalDate.now().minusDays(20), null)).id();
                LotFixtures.passingResults().forEach(entry -> results.record(lotId, entry, null));
                return lotId;
            }));
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            context.close();
            stopPostgres(dataDir.resolve("postgres"));
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Lots evaluated over and over in turn; evaluation reads and does not change them. */
    @State(Scope.Benchmark)
    public static class EvaluatedLots {

        static final int SIZE = 64;
        final List<UUID> ids = new ArrayList<>();
        int next;

        @Setup(Level.Trial)
        public void create(Application app) {
            for (int i = 0; i < SIZE; i++) ids.add(app.releasableLot());
        }

        UUID next() {
            next = (next + 1) % SIZE;
            return ids.get(next);
        }
    }

    /**
     * A fresh releasable lot before every release, since a release consumes its lot. Preparing it
     * (a lot and 13 results, about as long as the release itself) is not timed: with an
     * invocation-level fixture JMH times each call alone and reports calls per second of that time.
     */
    @State(Scope.Thread)
    public static class ReleasableLot {

        UUID id;

        @Setup(Level.Invocation)
        public void create(Application app) {
            id = app.releasableLot();
        }
    }

    /** {@link LotQuality#evaluate(UUID)}: reads the lot, its product's specification and results, judges them. */
    @Benchmark
    public LotEvaluation evaluateLot(Application app, EvaluatedLots lots) {
        return as(ANALYST, () -> app.quality.evaluate(lots.next()));
    }

    /** {@link Releases#release}: QA signs (Argon2id password check), checks, evaluates, records the decision and certificate. */
    @Benchmark
    public Decision releaseLot(Application app, ReleasableLot lot) {
        return as(QA, () -> app.releases.release(lot.id, new Releases.Signing(QA, PASSWORD, "Batch record reviewed")));
    }

    /** {@link Accounts#verifyPassword} alone: one account read and one Argon2id hash comparison. */
    @Benchmark
    public boolean verifyPassword(Application app) {
        return app.accounts.verifyPassword(QA, PASSWORD);
    }

    /**
     * Runs a step with the user signed in, as the web layer would: services record the actor and
     * signatures must match it. Costs one token object per call, negligible against a database round trip.
     */
    static <T> T as(String username, java.util.function.Supplier<T> step) {
        Role role = username.equals(QA) ? Role.QA_RELEASER : Role.LAB_ANALYST;
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            return step.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Stops the embedded server so the data directory can be deleted: it outlives the context (one
     * server per directory and JVM) and would otherwise only stop when the fork exits.
     */
    private static void stopPostgres(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) return;
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
