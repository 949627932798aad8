package org.exotrace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exotrace.nta.io.TrajectoryFormat;
import org.exotrace.nta.io.TrajectoryWriter;
import org.exotrace.nta.simulate.BrownianSimulator;
import org.exotrace.nta.simulate.SizeDistribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes on one PostgreSQL server, as behind a load balancer (issue 13). The test
 * starts a PostgreSQL server of its own as "the external server" (with the limited application role
 * {@code exotrace_app} created as its administrator would), and two application JVMs against it
 * with {@code exotrace.db.url}, a short job lease (3 s) and one anchor directory holding the audit
 * key, as an operator provides it; node A loads the demo data.
 *
 * <p>It checks that a sign-in made on node A is accepted by node B (the session, and the CSRF token
 * in it, live in the database); that audited writes sent to both nodes at once are all there, each
 * with its audit entry, and the one audit chain verifies; and that an NTA analysis uploaded on A and
 * running there when A is killed (SIGKILL) is taken over by B once its lease has expired and
 * completes exactly once: one completion in the audit trail, one result per test it filled. Each
 * step's time goes to {@code timeline.txt} under {@code target/two-nodes/}.
 */
class TwoNodesIntegrationTests {

    private static final Path ROOT = Path.of("target", "two-nodes").toAbsolutePath();
    private static final Duration START_WAIT = Duration.ofSeconds(240);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final String DEMO_PASSWORD = "exotrace-demo";
    private static final String APP_PASSWORD = "app-" + UUID.randomUUID();
    private static final int WRITERS_PER_NODE = 2;
    private static final double PIXEL_NM = 166;

    private final List<Node> started = new CopyOnWriteArrayList<>();
    private final Thread backstop = new Thread(() -> started.forEach(n -> n.process.destroyForcibly()));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final long began = System.nanoTime();
    private EmbeddedPostgres database;
    private Path timeline;

    TwoNodesIntegrationTests() {
        Runtime.getRuntime().addShutdownHook(backstop);
    }

    @Test
    void twoNodesShareSessionsAndTheAuditChainAndTheSecondFinishesTheAnalysisOfAKilledFirstExactlyOnce() throws Exception {
        Path dir = ROOT.resolve("run-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dir);
        timeline = dir.resolve("timeline.txt");
        Path anchor = sharedAuditKey(dir.resolve("anchor"));
        database = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").setServerConfig("synchronous_commit", "on").start();
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            sql.execute("create role exotrace_app login password '" + APP_PASSWORD + "'");
        }
        mark("database server up on port " + database.getPort());

        // Spring's "Started ..." line (logged before the demo data loads) tells when A has migrated.
        Node a = start("node-a", dir, anchor, "--demo", "--spring.main.log-startup-info=true", "--logging.level.org.exotrace.ExotraceApplication=INFO");
        // Node B starts once A has migrated the schema (two nodes that migrate at once take turns on Flyway's lock,
        // but their grant callbacks may collide), while A loads the demo data.
        a.awaitLog("Started ExotraceApplication");
        Node b = start("node-b", dir, anchor);
        a.awaitLog("Exotrace is ready");
        b.awaitLog("Exotrace is ready");
        mark("both nodes ready");

        aSessionMadeOnOneNodeIsAcceptedByTheOther(a, b);

        UUID lot = bulkLotInTesting();
        String measurement = upload(a, lot);
        mark("analysis " + measurement + " uploaded on node A");

        Burst burst = new Burst();
        burst.start(List.of(a, b));
        burst.awaitAcknowledged(a, 10, Duration.ofSeconds(60));
        // Killed as soon as A's analysis is under way (it reads the file or further), while both nodes take writes.
        Claim onA = awaitClaim(measurement, "node-a/", true, Duration.ofSeconds(180));
        a.process.destroyForcibly();
        long killedAt = System.nanoTime();
        a.process.onExit().get(30, TimeUnit.SECONDS);
        mark("node A killed while its analysis ran (" + onA.message + ", " + Math.round(onA.progress * 100) + "%, lease until "
                + onA.leaseUntil + ")");

        Claim onB = awaitClaim(measurement, "node-b/", false, Duration.ofSeconds(60));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        mark("node B took the analysis over " + takeover.toMillis() + " ms after the kill (lease " + LEASE.toMillis() + " ms, poll "
                + POLL.toMillis() + " ms)");
        assertThat(onB.leaseUntil).as("B's lease is a new one").isAfter(onA.leaseUntil);
        assertThat(takeover).as("taken over within lease + poll + slack").isLessThan(LEASE.plus(POLL).plusSeconds(10));

        String done = awaitFinished(b, measurement, Duration.ofSeconds(240));
        mark("analysis finished on node B " + Duration.ofNanos(System.nanoTime() - killedAt).toMillis() + " ms after the kill");
        burst.awaitAcknowledged(b, burst.count(b) + 10, Duration.ofSeconds(60));
        burst.stop();
        mark("writes acknowledged: " + burst.count(a) + " by node A, " + burst.count(b) + " by node B");

        assertThat((String) JsonPath.read(done, "$.status")).as(done).isEqualTo("SUCCEEDED");
        Map<String, String> recorded = JsonPath.read(done, "$.recordedResults");
        assertThat(recorded).as("the analysis recorded its size results").isNotEmpty();
        assertThat(b.log()).contains("Node node-b claimed nta_measurement job " + measurement);
        assertCompletedExactlyOnce(measurement, recorded);
        assertEveryAcknowledgedWriteIsThere(b, burst);
        mark("checked; test took " + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s");
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Signs in on A as a browser does; the session cookie then opens a page on B, a CSRF token
     * read on B signs out on A, and the session is gone on B too.
     */
    private void aSessionMadeOnOneNodeIsAcceptedByTheOther(Node a, Node b) throws Exception {
        HttpResponse<String> form = http.send(a.get("/login").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(form).orElseThrow();
        String body = "username=admin&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf(form.body());
        HttpResponse<String> signedIn = http.send(a.get("/login").header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("signed in on A: redirected away from the form").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        cookie = sessionCookie(signedIn).orElse(cookie);

        HttpResponse<String> onB = http.send(b.get("/admin/users").header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("the session made on A opens an administrator's page on B").isEqualTo(200);
        assertThat(onB.body()).contains("admin");
        HttpResponse<String> signedOut = http.send(a.get("/logout").header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(onB.body()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.statusCode()).as("the CSRF token of B's page is accepted by A").isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElse("")).contains("/login?logout");
        HttpResponse<String> afterwards = http.send(b.get("/admin/users").header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.statusCode()).as("signed out on A is signed out on B").isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElse("")).contains("/login");
        mark("session made on A accepted by B; signed out on A, gone on B");
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";", 2)[0]).findFirst();
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    // ---------------------------------------------------------------------------------------------

    /** A demo lot in testing (it has a size result already, so the upload gives a retest reason). */
    private UUID bulkLotInTesting() throws SQLException {
        try (Connection db = superuser(); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("select id from lot where state = 'IN_TESTING' and product_code = 'HMSC-EXO-BULK' order by created_at limit 1")) {
            assertThat(rs.next()).as("the demo data has a bulk lot in testing").isTrue();
            return rs.getObject(1, UUID.class);
        }
    }

    /**
     * Uploads a simulated trajectory file of 100 nm particles as the demo analyst; the bootstrap is
     * long enough that the analysis still runs when the test looks at it.
     */
    private String upload(Node node, UUID lot) throws Exception {
        Path file = Files.createTempFile("two-nodes", ".csv");
        try (TrajectoryWriter writer = TrajectoryWriter.create(file, TrajectoryFormat.trackpy(PIXEL_NM))) {
            new BrownianSimulator(BrownianSimulator.Settings.nanoSightLike().withRun(120, 400)).run(SizeDistribution.monodisperse(100), 11,
                    writer::position);
        }
        byte[] tracks = Files.readAllBytes(file);
        Files.delete(file);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", "TRACKS");
        fields.put("pixelSizeNm", "166");
        fields.put("fps", "25");
        fields.put("temperatureC", "22");
        fields.put("viscosityMPaS", "0.955");
        fields.put("method", "ml");
        fields.put("bootstrap", "100");
        fields.put("seed", "7");
        fields.put("instrument", "simulated NS300");
        fields.put("retestReason", "Two-node test: size measured again by NTA");
        String boundary = "----two-nodes-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tracks.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n");
        List<byte[]> parts = List.of(head.toString().getBytes(StandardCharsets.UTF_8), tracks,
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> accepted = http.send(node.api("/api/lots/" + lot + "/nta-measurements", "analyst").timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JsonPath.read(accepted.body(), "$.id");
    }

    /** A measurement's claim as the database holds it. */
    record Claim(String claimedBy, String status, double progress, String message, java.time.OffsetDateTime leaseUntil) {}

    /** Waits until the measurement runs under a claim of the named node (and, if {@code analysing}, reads the file or is further). */
    private Claim awaitClaim(String measurement, String nodePrefix, boolean analysing, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Claim last = null;
        try (Connection db = superuser(); PreparedStatement sql = db.prepareStatement(
                "select claimed_by, status, progress, progress_message, lease_until from nta_measurement where id = ?")) {
            sql.setObject(1, UUID.fromString(measurement));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = sql.executeQuery()) {
                    rs.next();
                    last = new Claim(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getObject(5, java.time.OffsetDateTime.class));
                }
                if ("RUNNING".equals(last.status) && last.claimedBy != null && last.claimedBy.startsWith(nodePrefix)
                        && (!analysing || last.message != null && !last.message.equals("starting"))) {
                    return last;
                }
                assertThat(last.status).as("the analysis is not over before the test could look: %s", last).isIn("QUEUED", "RUNNING");
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no claim of " + nodePrefix + " within " + within + "; last " + last);
    }

    private String awaitFinished(Node node, String measurement, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String body = node.json("/api/nta-measurements/" + measurement, "analyst");
            String status = JsonPath.read(body, "$.status");
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) return body;
            assertThat(System.nanoTime()).as("analysis finished within %s: %s", within, body).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * One completion of the measurement in the audit trail, one result per test it filled (none
     * written by a second run), and no analysis left waiting or completed twice anywhere.
     */
    private void assertCompletedExactlyOnce(String measurement, Map<String, String> recorded) throws SQLException {
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            assertThat(count(sql, "select count(*) from audit_entry where record_type = 'nta_measurement' and record_id = '" + measurement
                    + "' and action = 'COMPLETE'")).as("completions of the analysis in the audit trail").isEqualTo(1);
            assertThat(count(sql, "select count(*) from result where detail like '%" + measurement + "%'")).as("results the analysis recorded")
                    .isEqualTo(recorded.size());
            assertThat(count(sql, "select count(*) from (select record_id from audit_entry where record_type = 'nta_measurement'"
                    + " and action = 'COMPLETE' group by record_id having count(*) > 1) twice")).as("analyses completed twice").isZero();
            assertThat(count(sql, "select count(*) from nta_measurement where status in ('QUEUED', 'RUNNING')")).as("analyses left waiting")
                    .isZero();
        }
    }

    private void assertEveryAcknowledgedWriteIsThere(Node node, Burst burst) throws Exception {
        String verification = node.json("/api/audit/verify", "admin");
        assertThat((Boolean) JsonPath.read(verification, "$.intact")).as(verification).isTrue();
        // The nodes append their checkpoints to the one anchor directory; every line is whole, signed and agrees with the chain.
        assertThat(((Number) JsonPath.read(verification, "$.checkpointsChecked")).longValue()).as(verification).isPositive();
        Set<String> clinics = new HashSet<>();
        Set<String> audited = new HashSet<>();
        try (Connection db = superuser(); Statement sql = db.createStatement()) {
            try (ResultSet rs = sql.executeQuery("select id::text from clinic")) {
                while (rs.next()) clinics.add(rs.getString(1));
            }
            try (ResultSet rs = sql.executeQuery("select record_id from audit_entry where record_type = 'clinic' and action = 'CREATE'")) {
                while (rs.next()) audited.add(rs.getString(1));
            }
        }
        List<String> acknowledged = burst.acknowledged.stream().map(Write::id).toList();
        assertThat(clinics).as("every acknowledged write is there").containsAll(acknowledged);
        assertThat(audited).as("every clinic has its audit entry, and no entry lacks its clinic").isEqualTo(clinics);
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    record Write(String node, String id) {}

    /** Creates clinics through every node's API from {@link #WRITERS_PER_NODE} threads each, until stopped. */
    final class Burst {
        final ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger sequence = new AtomicInteger();
        private final ExecutorService writers = Executors.newCachedThreadPool();

        void start(List<Node> nodes) {
            for (Node node : nodes) {
                for (int t = 0; t < WRITERS_PER_NODE; t++) {
                    writers.submit(() -> {
                        while (!stop.get()) {
                            int n = sequence.incrementAndGet();
                            String body = "{\"code\":\"NODE%05d\",\"name\":\"Two-node clinic %d\",\"jurisdiction\":\"DE\"}".formatted(n, n);
                            try {
                                HttpResponse<String> response = http.send(node.api("/api/clinics", "admin").header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 201) acknowledged.add(new Write(node.name, JsonPath.read(response.body(), "$.id")));
                            } catch (IOException e) {
                                if (node.process.isAlive()) throw e;
                                Thread.sleep(100); // the node was killed: refused, not acknowledged
                            }
                        }
                        return null;
                    });
                }
            }
        }

        long count(Node node) {
            return acknowledged.stream().filter(w -> w.node().equals(node.name)).count();
        }

        void awaitAcknowledged(Node node, long writes, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (count(node) < writes) {
                assertThat(System.nanoTime()).as("%d writes acknowledged by %s within %s", writes, node.name, within).isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writers finished").isTrue();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The anchor directory the nodes share, with the audit key an operator made for them (32 random bytes, owner only). */
    private static Path sharedAuditKey(Path anchor) throws IOException {
        Files.createDirectories(anchor);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.write(anchor.resolve("audit.key"), key);
        return anchor;
    }

    private Connection superuser() throws SQLException {
        return database.getPostgresDatabase().getConnection();
    }

    private Node start(String name, Path dir, Path anchor, String... extra) throws IOException {
        int port = ApplicationJvm.freePort();
        String url = "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
        List<String> arguments = new ArrayList<>(List.of("serve", "--port", Integer.toString(port), "--exotrace.node.name=" + name,
                "--exotrace.db.url=" + url, "--exotrace.db.user=postgres", "--exotrace.db.password=postgres",
                "--exotrace.db.app-user=exotrace_app", "--exotrace.db.app-password=" + APP_PASSWORD,
                "--exotrace.data-dir=" + dir.resolve("data-" + name), "--exotrace.audit.anchor-dir=" + anchor,
                "--exotrace.first-admin.enabled=false", "--exotrace.jobs.lease=" + LEASE.toMillis() + "ms",
                "--exotrace.jobs.poll-interval=" + POLL.toMillis() + "ms", "--logging.level.org.exotrace.shared=INFO"));
        arguments.addAll(List.of(extra));
        Path log = dir.resolve(name + ".log");
        Node node = new Node(name, ApplicationJvm.command(arguments, log).start(), port, log);
        started.add(node);
        return node;
    }

    private void mark(String step) {
        try {
            Files.writeString(timeline, "%6.1f s  %s%n".formatted((System.nanoTime() - began) / 1e9, step),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // diagnostics only
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        Runtime.getRuntime().removeShutdownHook(backstop);
        for (Node node : started) {
            node.process.destroyForcibly();
            node.process.onExit().get(30, TimeUnit.SECONDS);
        }
        if (database != null) database.close();
    }

    /** One application JVM. */
    final class Node {
        final String name;
        final Process process;
        final int port;
        final Path logFile;

        Node(String name, Process process, int port, Path logFile) {
            this.name = name;
            this.process = process;
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

        void awaitLog(String text) throws InterruptedException {
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (!log().contains(text)) {
                assertThat(process.isAlive()).as("%s is running; log:%n%s", name, log()).isTrue();
                assertThat(System.nanoTime()).as("%s logs \"%s\" within %s; log:%n%s", name, text, START_WAIT, log()).isLessThan(deadline);
                Thread.sleep(100);
            }
            mark(name + ": " + text);
        }

        HttpRequest.Builder get(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20)).header("Accept", "text/html");
        }

        HttpRequest.Builder api(String path, String user) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
        }

        String json(String path, String user) throws Exception {
            HttpResponse<String> response = http.send(api(path, user).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s on %s: %s", path, name, response.body()).isEqualTo(200);
            return response.body();
        }
    }
}
