package org.exotrace.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted load run against a running Exotrace over loopback (not a JMH benchmark: it measures the
 * whole server, HTTP and database included, from a second process).
 *
 * <pre>
 * mixed    --users 100 --minutes 10 --think-ms 1000 --reader TOKEN --writer TOKEN
 *          each user loops: think (exponential, mean think-ms), then 85 % reads (lots, one lot, the
 *          audit trail, donors) and 15 % writes (register a donor, record its collection), with the
 *          reader's and the writer's API tokens.
 * compare  --clients 32 --seconds 30 --path /api/lots (--token T | --basic USER:PASSWORD | --session USER:PASSWORD)
 *          closed loop, no think time: how many reads per second one way of signing in sustains.
 * </pre>
 * Prints throughput, p50/p90/p99/max latency and every non-2xx status; exits 1 when any request
 * failed or answered 5xx.
 */
public final class LoadRun {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();
    private final Recorder reads = new Recorder();
    private final Recorder writes = new Recorder();

    private LoadRun(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LoadRun mixed|compare [--url http://localhost:8080] [options]; see the class comment");
            System.exit(2);
        }
        Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
        LoadRun run = new LoadRun(o.getOrDefault("url", "http://localhost:8080"));
        int code = switch (args[0]) {
            case "mixed" -> run.mixed(Integer.parseInt(o.getOrDefault("users", "100")), Double.parseDouble(o.getOrDefault("minutes", "10")),
                    Long.parseLong(o.getOrDefault("think-ms", "1000")), require(o, "reader"), require(o, "writer"));
            case "compare" -> run.compare(Integer.parseInt(o.getOrDefault("clients", "32")), Integer.parseInt(o.getOrDefault("seconds", "30")),
                    o.getOrDefault("path", "/api/lots"), run.authorization(o));
            default -> {
                System.err.println("LoadRun: unknown mode " + args[0]);
                yield 2;
            }
        };
        System.exit(code);
    }

    private int mixed(int users, double minutes, long thinkMs, String readerToken, String writerToken) throws Exception {
        List<String> lotIds = ids(get("/api/lots?size=50", bearer(readerToken)), "\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        if (lotIds.isEmpty()) throw new IllegalStateException("no lots to read: start the server with --demo");
        Instant end = Instant.now().plusMillis((long) (minutes * 60_000));
        System.out.printf("mixed: %d users, %.1f min, think %d ms mean, %d lots%n", users, minutes, thinkMs, lotIds.size());
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (Instant.now().isBefore(end)) {
                    sleep((long) (-Math.log(1 - random.nextDouble()) * thinkMs));
                    double dice = random.nextDouble();
                    if (dice < 0.35) {
                        call(reads, () -> get("/api/lots?size=20&page=" + random.nextInt(3), bearer(readerToken)));
                    } else if (dice < 0.60) {
                        call(reads, () -> get("/api/lots/" + lotIds.get(random.nextInt(lotIds.size())), bearer(readerToken)));
                    } else if (dice < 0.75) {
                        call(reads, () -> get("/api/audit?size=20", bearer(readerToken)));
                    } else if (dice < 0.85) {
                        call(reads, () -> get("/api/donors?size=20", bearer(writerToken)));
                    } else {
                        HttpResponse<String> donor = call(writes, () -> send("POST", "/api/donors",
                                "{\"sourceType\":\"UMBILICAL_CORD_MSC\",\"sourceDetail\":\"load run\"}", bearer(writerToken)));
                        List<String> id = donor == null ? List.of() : ids(donor, "\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
                        if (!id.isEmpty()) {
                            call(writes, () -> send("PUT", "/api/donors/" + id.get(0) + "/collection",
                                    "{\"collectedOn\":\"" + java.time.LocalDate.now() + "\",\"collectionJurisdiction\":\"US\",\"reason\":\"collected the day of registration\"}", bearer(writerToken)));
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) (minutes * 60) + 120, TimeUnit.SECONDS);
        double seconds = minutes * 60;
        reads.print("reads", seconds);
        writes.print("writes", seconds);
        return report();
    }

    private int compare(int clients, int seconds, String path, String authorization) throws Exception {
        Instant end = Instant.now().plusSeconds(seconds);
        call(reads, () -> get(path, authorization)); // warm up the connection and the caches
        reads.reset();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (Instant.now().isBefore(end)) call(reads, () -> get(path, authorization));
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        System.out.printf("compare: %d clients, %d s, GET %s%n", clients, seconds, path);
        reads.print("reads", seconds);
        return report();
    }

    private int report() {
        statuses.forEach((status, n) -> System.out.printf("  status %s: %d%n", status, n.sum()));
        long failed = errors.sum() + statuses.entrySet().stream().filter(e -> !e.getKey().startsWith("2")).mapToLong(e -> e.getValue().sum()).sum();
        long server = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5")).mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf("  failed requests: %d (5xx: %d, no answer: %d)%n", failed, server, errors.sum());
        return failed == 0 ? 0 : 1;
    }

    private HttpResponse<String> call(Recorder recorder, Callable call) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = call.call();
            recorder.add(System.nanoTime() - start);
            statuses.computeIfAbsent(Integer.toString(response.statusCode()), k -> new LongAdder()).increment();
            if (response.statusCode() >= 300 && statuses.get(Integer.toString(response.statusCode())).sum() <= 3) {
                System.out.println("  " + response.statusCode() + " " + response.uri() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return response;
        } catch (IOException e) {
            errors.increment();
            System.out.println("  no answer: " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @FunctionalInterface
    private interface Callable {
        HttpResponse<String> call() throws IOException, InterruptedException;
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        return http.send(authorize(request, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(authorize(request, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "Authorization: ..." or "Cookie: ..." */
    private static HttpRequest.Builder authorize(HttpRequest.Builder request, String header) {
        int colon = header.indexOf(": ");
        return request.header(header.substring(0, colon), header.substring(colon + 2));
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token;
    }

    private String authorization(Map<String, String> o) throws IOException, InterruptedException {
        if (o.containsKey("token")) return bearer(o.get("token"));
        if (o.containsKey("basic")) {
            return "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(o.get("basic").getBytes(StandardCharsets.UTF_8));
        }
        if (o.containsKey("session")) return "Cookie: " + signIn(o.get("session"));
        throw new IllegalArgumentException("compare needs --token, --basic or --session");
    }

    /** Signs in through the form (with its CSRF token) and answers the session cookie. */
    private String signIn(String userAndPassword) throws IOException, InterruptedException {
        HttpClient noRedirect = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = noRedirect.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
        String cookie = page.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        String[] parts = userAndPassword.split(":", 2);
        String form = "username=" + URLEncoder.encode(parts[0], StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = noRedirect.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("location").orElse("");
        if (location.contains("error")) throw new IllegalStateException("sign-in refused for " + parts[0]);
        return signedIn.headers().firstValue("set-cookie").map(c -> c.split(";")[0]).orElse(cookie);
    }

    private static List<String> ids(HttpResponse<String> response, String pattern) {
        List<String> ids = new ArrayList<>();
        if (response == null) return ids;
        Matcher m = Pattern.compile(pattern).matcher(response.body());
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value at " + args[i]);
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String require(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) throw new IllegalArgumentException("missing --" + name);
        return v;
    }

    /** Latencies in microseconds, kept whole (a 10-minute run at 100 req/s is 60,000 numbers). */
    private static final class Recorder {
        private final List<Long> micros = java.util.Collections.synchronizedList(new ArrayList<>());

        void add(long nanos) {
            micros.add(nanos / 1000);
        }

        void reset() {
            micros.clear();
        }

        void print(String name, double seconds) {
            long[] sorted;
            synchronized (micros) {
                sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            if (sorted.length == 0) {
                System.out.printf("  %s: none%n", name);
                return;
            }
            System.out.printf("  %s: %d requests, %.1f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", name, sorted.length,
                    sorted.length / seconds, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1000.0);
        }

        private static double at(long[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000.0;
        }
    }
}
