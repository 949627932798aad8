package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills the database server or the application with SIGKILL in the middle of a burst of writes,
 * restarts the application on the same data and checks that every write the API acknowledged is
 * there, each with its audit entry, and that the audit chain verifies.
 *
 * <p>The application runs as in production, in its own JVM (this JVM's {@code java}, the test class
 * path, {@code ExotraceApplication serve}): embedded PostgreSQL with its real durability settings in
 * a fresh data directory under {@code target/crash-tests/}, no demo data. The writer is the first
 * administrator, whose password is read from the application's output as a person would read it;
 * each write creates a clinic ({@code POST /api/clinics}), the cheapest audited record an
 * administrator may create. Every process started here, the orphaned PostgreSQL included, is killed
 * after each test, also when it fails. The application JVMs use the serial collector to spare the
 * CPU the build shares; nothing else differs from {@code ./exotrace serve}. Each step's time is
 * written to {@code timeline.txt} beside the data.
 *
 * <p>Between the kill and the restart, {@link LeftoverServer} is asked, from this process, what the
 * application will find: a server in use while the application runs, a stale one after the
 * database kill, an orphan after the JVM kill.
 *
 * <p>With {@code synchronous_commit=off} only writes acknowledged a few milliseconds before the kill
 * are at risk (the commit wakes the WAL writer, which flushes soon after): switched off by hand, a
 * run on a moderately loaded machine lost 2 of 30 acknowledged writes, acknowledged 39 and 6 ms
 * before the kill, while the audit chain still verified; on a heavily loaded machine the burst is
 * too slow for a write to be that young and nothing was lost. So besides the writes the test
 * asserts the settings that make them durable as the restarted server reports them, and fails
 * without them even when its kill found nothing at risk.
 */
class CrashRecoveryIntegrationTests {

    private static final Path ROOT = Path.of("target", "crash-tests").toAbsolutePath();
    private static final Duration START_WAIT = Duration.ofSeconds(180);
    private static final int WRITERS = 3;
    /** Acknowledged writes before the kill: enough that the burst is at full speed when it comes. */
    private static final int WRITES_BEFORE_KILL = 30;
    private static final Pattern FIRST_ADMIN_PASSWORD = Pattern.compile("password:\\s+(\\S+)");

    /** Every application JVM started, and every data directory whose PostgreSQL must be stopped afterwards. */
    private final List<Application> started = new CopyOnWriteArrayList<>();
    /** Kills them too if this JVM is stopped before {@link #killEverythingStarted()} runs. */
    private final Thread backstop = new Thread(() -> started.forEach(a -> {
        a.process.destroyForcibly();
        postmasterOf(a.data).ifPresent(ProcessHandle::destroyForcibly);
    }));
    private final long began = System.nanoTime();
    private Path timeline;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    CrashRecoveryIntegrationTests() {
        Runtime.getRuntime().addShutdownHook(backstop);
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillOfTheDatabaseServer() throws Exception {
        Path data = freshDataDirectory("database-kill");
        // Without the watchdog, which would restart the server before the application is killed (see the outage test below).
        Application app = start(data, "--exotrace.db.watchdog.enabled=false");
        String password = app.firstAdministratorPassword();
        assertThat(LeftoverServer.inspect(app.serverDirectory()).state()).as("seen from another process while the application runs")
                .isEqualTo(LeftoverServer.State.IN_USE);

        ProcessHandle server = app.postmaster().orElseThrow();
        Burst burst = writeUntil(app, password, WRITES_BEFORE_KILL, server::destroyForcibly);

        server.onExit().get(30, TimeUnit.SECONDS);
        // Left without its database the application would take 30 s to shut down (its pool waits for a
        // connection); it is killed, as a service manager would after its stop timeout.
        app.process.destroyForcibly();
        app.process.onExit().get(30, TimeUnit.SECONDS);
        assertThat(LeftoverServer.inspect(app.serverDirectory()).state()).isEqualTo(LeftoverServer.State.STALE);
        Application restarted = start(data);
        assertEveryAcknowledgedWriteIsThere(restarted, password, burst);
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillOfTheApplicationAndTheOrphanedServerIsReplaced() throws Exception {
        Path data = freshDataDirectory("application-kill");
        Application app = start(data);
        String password = app.firstAdministratorPassword();
        ProcessHandle orphan = app.postmaster().orElseThrow();

        Burst burst = writeUntil(app, password, WRITES_BEFORE_KILL, () -> app.process.destroyForcibly());

        app.process.onExit().get(30, TimeUnit.SECONDS);
        assertThat(orphan.isAlive()).as("PostgreSQL outlives the killed JVM").isTrue();
        assertThat(LeftoverServer.inspect(app.serverDirectory()).state()).isEqualTo(LeftoverServer.State.ORPHANED);
        Application restarted = start(data);
        assertThat(orphan.isAlive()).as("the restart stopped the orphaned server").isFalse();
        assertThat(restarted.postmaster().map(ProcessHandle::pid)).isPresent().isNotEqualTo(Optional.of(orphan.pid()));
        assertEveryAcknowledgedWriteIsThere(restarted, password, burst);
    }

    /**
     * The database server dies under the running application. Within seconds readiness is down
     * (503) while liveness stays up, an API call answers 503 problem+json "Database unavailable"
     * instead of 401, and the sign-in page answers 503 (the session and its CSRF token live in the database); then the watchdog restarts
     * the server on the same port, readiness is up again, every acknowledged write is there and new
     * writes succeed. The server's {@code postmaster.opts} (its recorded command line, which the
     * watchdog restarts it with) is held back until the outage has been looked at, so the watchdog's
     * first attempts fail and the outage lasts as long as the test needs.
     */
    @Test
    void aLostDatabaseAnswers503AtOnceAndTheWatchdogBringsItBackWithEveryAcknowledgedWrite() throws Exception {
        Path data = freshDataDirectory("database-outage");
        Application app = start(data);
        String password = app.firstAdministratorPassword();
        assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
        ProcessHandle server = app.postmaster().orElseThrow();
        int databasePort = LeftoverServer.PidFile.read(app.serverDirectory()).orElseThrow().port();
        Path opts = app.serverDirectory().resolve("postmaster.opts");
        Path held = opts.resolveSibling("postmaster.opts.held");
        HttpClient browser = app.browser();
        assertThat(app.signIn(browser, "admin", password).statusCode()).as("signed in: redirected to the start page").isEqualTo(302);

        Burst burst = writeUntil(app, password, WRITES_BEFORE_KILL, () -> {
            move(opts, held);
            server.destroyForcibly();
        });
        server.onExit().get(30, TimeUnit.SECONDS);

        // Backends that outlive the killed postmaster may answer for a moment; then readiness goes down.
        awaitStatus(app, "/actuator/health/readiness", 503, Duration.ofSeconds(30));
        assertThat(app.status("/actuator/health/liveness")).as("a lost database must not get the application restarted").isEqualTo(200);
        long asked = System.nanoTime();
        HttpResponse<String> refused = http.send(app.request("/api/clinics", password).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);
        mark("API answered " + refused.statusCode() + " in " + answeredIn.toMillis() + " ms during the outage");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat((String) JsonPath.read(refused.body(), "$.title")).isEqualTo("Database unavailable");
        assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("Try again");
        assertThat(answeredIn).as("answered within a few seconds, not after Hikari's default 30 s").isLessThan(Duration.ofSeconds(10));
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + "/admin/users"))
                .timeout(Duration.ofSeconds(20)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("a page for someone signed in: %s", page.body()).isEqualTo(503);
        assertThat(page.body()).contains("Database unavailable").contains("Try again").doesNotContain("Exception").doesNotContain("at org.");
        // sessions (and the sign-in form's CSRF token) live in the database: the sign-in page itself says it cannot be reached
        HttpResponse<String> signIn = app.browser().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + "/login"))
                .timeout(Duration.ofSeconds(20)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as("the sign-in page").isEqualTo(503);
        assertThat(signIn.headers().firstValue("Retry-After")).isPresent();
        assertThat(signIn.body()).contains("Database unavailable").contains("Try again").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(app.log()).contains("has stopped; restarting it on port " + databasePort);

        move(held, opts);
        awaitStatus(app, "/actuator/health/readiness", 200, Duration.ofSeconds(60));
        mark("ready again after the watchdog's restart");
        assertThat(app.log()).contains("runs again on port " + databasePort);
        assertThat(app.postmaster().map(ProcessHandle::pid)).isPresent().isNotEqualTo(Optional.of(server.pid()));
        assertThat(LeftoverServer.PidFile.read(app.serverDirectory()).orElseThrow().port()).as("restarted on the same port").isEqualTo(databasePort);
        assertEveryAcknowledgedWriteIsThere(app, password, burst);
        HttpResponse<String> created = http.send(app.request("/api/clinics", password).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"AFTER01\",\"name\":\"After the outage\",\"jurisdiction\":\"DE\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asks until the address answers with this status (each answer may take the pool's connection timeout). */
    private void awaitStatus(Application app, String path, int expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        while ((last = app.status(path)) != expected) {
            assertThat(System.nanoTime()).as("%s answers %d within %s (last %d); log:%n%s", path, expected, within, last, app.log())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        mark(path + " answered " + expected);
    }

    // ---------------------------------------------------------------------------------------------

    private void assertEveryAcknowledgedWriteIsThere(Application app, String password, Burst burst) throws Exception {
        assertThat(burst.acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(WRITES_BEFORE_KILL);

        String verification = app.get("/api/audit/verify", password);
        assertThat((Boolean) JsonPath.read(verification, "$.intact")).as(verification).isTrue();

        List<String> listed = JsonPath.read(app.get("/api/clinics", password), "$[*].id");
        Set<String> present = new HashSet<>(listed);
        List<Write> lost = burst.acknowledged.stream().filter(w -> !present.contains(w.id())).toList();
        assertThat(lost).as("acknowledged writes missing after the restart (ms acknowledged before the kill: %s)",
                lost.stream().map(w -> (burst.killedAt - w.acknowledgedAt()) / 1_000_000).toList()).isEmpty();

        try (Connection db = app.database(); Statement sql = db.createStatement()) {
            assertThat(show(sql, "synchronous_commit")).isEqualTo("on");
            assertThat(show(sql, "fsync")).isEqualTo("on");
            assertThat(show(sql, "full_page_writes")).isEqualTo("on");
            Set<String> audited = strings(sql, "select record_id from audit_entry where record_type = 'clinic' and action = 'CREATE'");
            Set<String> clinics = strings(sql, "select id::text from clinic");
            assertThat(audited).as("every acknowledged clinic has its audit entry")
                    .containsAll(burst.acknowledged.stream().map(Write::id).toList());
            assertThat(audited).as("no clinic without its audit entry and no audit entry without its clinic").isEqualTo(clinics);
        }
        mark("checked " + burst.acknowledged.size() + " acknowledged writes");
        assertThat(app.log()).as("the start-up log states the durability settings")
                .contains("PostgreSQL durability (embedded server): synchronous_commit=on, fsync=on, full_page_writes=on");
    }

    private static String show(Statement sql, String setting) throws SQLException {
        try (ResultSet rs = sql.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Set<String> strings(Statement sql, String query) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }

    record Write(String id, long acknowledgedAt) {}

    /** The writes the API acknowledged (201 with the new clinic's id) and when the kill came (System.nanoTime). */
    record Burst(List<Write> acknowledged, long killedAt) {}

    /**
     * Creates clinics from {@link #WRITERS} threads. The writer that receives the {@code writes}-th
     * acknowledgement runs {@code kill} at once, so the newest acknowledged writes are as young as
     * they can be when it comes (a commit acknowledged without reaching the disk is lost only if the
     * kill beats the WAL writer's next flush). Then every request already sent gets its answer (or
     * times out); answers that arrive after the kill count as acknowledged too.
     */
    private Burst writeUntil(Application app, String password, int writes, Runnable kill) throws Exception {
        ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean killing = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong();
        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int t = 0; t < WRITERS; t++) {
                writers.submit(() -> {
                    while (!stop.get()) {
                        int n = sequence.incrementAndGet();
                        String body = "{\"code\":\"CRASH%05d\",\"name\":\"Crash test clinic %d\",\"jurisdiction\":\"DE\"}".formatted(n, n);
                        try {
                            HttpResponse<String> response = http.send(app.request("/api/clinics", password)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                acknowledged.add(new Write(JsonPath.read(response.body(), "$.id"), System.nanoTime()));
                                if (acknowledged.size() >= writes && killing.compareAndSet(false, true)) {
                                    kill.run();
                                    killedAt.set(System.nanoTime());
                                    killed.countDown();
                                }
                            }
                        } catch (IOException e) {
                            Thread.sleep(20); // refused or reset after the kill; not acknowledged
                        }
                    }
                    return null;
                });
            }
            assertThat(killed.await(60, TimeUnit.SECONDS)).as("%d writes acknowledged within 60 s; log:%n%s", writes, app.log()).isTrue();
            mark("killed after " + acknowledged.size() + " acknowledged writes");
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writers finished").isTrue();
            mark("burst over: " + acknowledged.size() + " acknowledged writes");
            return new Burst(List.copyOf(acknowledged), killedAt.get());
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private Path freshDataDirectory(String scenario) throws IOException {
        Path dir = ROOT.resolve(scenario + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dir);
        timeline = dir.resolve("timeline.txt");
        return dir.resolve("data");
    }

    /** Appends a step and the seconds since the test began to timeline.txt beside the data, to see where a slow run spent its time. */
    private void mark(String step) {
        try {
            Files.writeString(timeline, "%6.1f s  %s%n".formatted((System.nanoTime() - began) / 1e9, step),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // diagnostics only
        }
    }

    private Application start(Path data, String... extraArguments) throws Exception {
        int port = ApplicationJvm.freePort();
        Path log = data.resolveSibling("app-" + started.size() + ".log");
        List<String> arguments = new ArrayList<>(List.of("serve", "--port", Integer.toString(port), "--exotrace.data-dir=" + data,
                "--exotrace.audit.anchor-dir=" + data.resolveSibling("anchor"),
                "--logging.level.org.exotrace.platform=INFO"));
        arguments.addAll(List.of(extraArguments));
        Process process = ApplicationJvm.command(arguments, log).start();
        Application app = new Application(process, data, port, log);
        started.add(app);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!app.log().contains("Exotrace is ready")) {
            assertThat(process.isAlive()).as("the application is running; log:%n%s", app.log()).isTrue();
            assertThat(System.nanoTime()).as("ready within %s; log:%n%s", START_WAIT, app.log()).isLessThan(deadline);
            Thread.sleep(100);
        }
        mark("application ready (" + log.getFileName() + ")");
        return app;
    }

    /** The live embedded PostgreSQL of a data directory, as PostgreSQL's own pid file names it. */
    static Optional<ProcessHandle> postmasterOf(Path data) {
        Path directory = data.resolve("postgres").toAbsolutePath().normalize();
        return LeftoverServer.PidFile.read(directory).flatMap(f -> ProcessHandle.of(f.pid())).filter(ProcessHandle::isAlive)
                .filter(p -> LeftoverServer.isPostmasterOf(p.info().command(), p.info().arguments(), directory));
    }

    /** Kills every application JVM this test started and the PostgreSQL server of each data directory. */
    @AfterEach
    void killEverythingStarted() {
        Runtime.getRuntime().removeShutdownHook(backstop);
        for (Application app : started) {
            app.process.destroyForcibly();
            try {
                app.process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported below if it is still alive
            }
        }
        for (Path data : started.stream().map(a -> a.data).collect(Collectors.toSet())) {
            postmasterOf(data).ifPresent(server -> {
                server.destroy();
                try {
                    server.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    server.destroyForcibly();
                }
            });
        }
        List<Long> alive = started.stream().map(a -> a.process).filter(Process::isAlive).map(Process::pid).toList();
        assertThat(alive).as("application JVMs still running").isEmpty();
    }

    /** One application JVM on a data directory. */
    final class Application {

        final Process process;
        final Path data;
        final int port;
        final Path logFile;

        Application(Process process, Path data, int port, Path logFile) {
            this.process = process;
            this.data = data;
            this.port = port;
            this.logFile = logFile;
        }

        String log() {
            try {
                return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(log unreadable: " + e + ")";
            }
        }

        /** The password {@code FirstAdministrator} printed for {@code admin} on the first start. */
        String firstAdministratorPassword() {
            Matcher m = FIRST_ADMIN_PASSWORD.matcher(log());
            assertThat(m.find()).as("the first start prints the administrator's password; log:%n%s", log()).isTrue();
            return m.group(1);
        }

        HttpRequest.Builder request(String path, String password) {
            String credentials = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
        }

        String get(String path, String password) throws Exception {
            HttpResponse<String> response = http.send(request(path, password).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
            return response.body();
        }

        Optional<ProcessHandle> postmaster() {
            return postmasterOf(data);
        }

        /** The status of an unauthenticated GET, or -1 when no answer came within 20 s. */
        int status(String path) throws InterruptedException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            }
        }

        /** A client that keeps cookies, as a browser does, and does not follow redirects. */
        HttpClient browser() {
            return HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(2)).build();
        }

        /** Signs in through the form as a browser does (session cookie and CSRF token from the sign-in page), asking for HTML. */
        HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
            String form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(token.find()).as("the sign-in form carries a CSRF token: %s", form).isTrue();
            String body = "username=" + username + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + token.group(1);
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A direct connection to the embedded server as its superuser, with the password the application generated. */
        Connection database() throws SQLException {
            int pgPort = LeftoverServer.PidFile.read(data.resolve("postgres")).orElseThrow().port();
            String password;
            try {
                password = Files.readString(data.resolve("secrets").resolve("postgres.password")).strip();
            } catch (IOException e) {
                throw new SQLException("no superuser password in " + data.resolve("secrets"), e);
            }
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", password);
        }

        Path serverDirectory() {
            return data.resolve("postgres").toAbsolutePath().normalize();
        }
    }
}
