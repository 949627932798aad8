package org.exotrace.shared;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Long jobs whose rows wait in a module's table ({@code status} {@code QUEUED} or {@code RUNNING},
 * {@code claimed_by}, {@code lease_until}), run one at a time per node on one background thread,
 * oldest first, and claimed once across every node on the database (ADR 0017). A claim is one
 * {@code UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED LIMIT 1)}: it takes a queued job,
 * or a running one whose lease has expired (its node died or lost the database), and stamps it with
 * a token of this claim. While the job runs the lease is renewed every third of its length; a node
 * that finds its claim taken over interrupts the job. The module that completes a job locks its row
 * and checks the token in the completing transaction ({@link ClaimLost} otherwise), so a job
 * completes at most once even when a node that was only slow comes back after its lease was taken.
 * A clean stop hands the running job back to the queue at once.
 *
 * <p>A node looks for work when a job was submitted on it ({@link #start()}), when its job finished,
 * and otherwise every poll interval, which bounds how long a job submitted on another node, or left
 * by a dead one, waits.
 */
public final class BackgroundQueue {

    private static final Logger log = LoggerFactory.getLogger(BackgroundQueue.class);

    /** A job this node holds: the row's id and the token its completion must still find in the row. */
    public record Claim(UUID id, String token) {}

    /** The job's row no longer carries this node's claim: another node took it over, or it finished. */
    public static final class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ClaimLost(UUID id) {
            super("job " + id + " is no longer claimed by this node");
        }
    }

    private final String table;
    /** Takes the oldest queued job, or a running one whose lease expired, skipping rows another node is claiming right now. */
    private final String claim;
    private final JdbcClient jdbc;
    private final BackgroundQueues.Settings settings;
    private final Consumer<Claim> job;
    private final ExecutorService worker;
    private final ScheduledExecutorService renewer;
    private final LinkedBlockingQueue<Boolean> wakeUp = new LinkedBlockingQueue<>(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<Claim> current = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile Thread workerThread;
    private boolean databaseUnavailable;

    BackgroundQueue(String threadName, String table, String order, JdbcClient jdbc, BackgroundQueues.Settings settings, Consumer<Claim> job) {
        this.table = table;
        this.claim = "update " + table + " set status = 'RUNNING', claimed_by = ?, lease_until = clock_timestamp() + ? * interval '1 millisecond'"
                + " where id = (select id from " + table
                + " where status = 'QUEUED' or (status = 'RUNNING' and (lease_until is null or lease_until < clock_timestamp()))"
                + " order by " + order + " limit 1 for update skip locked) returning id";
        this.jdbc = jdbc;
        this.settings = settings;
        this.job = job;
        worker = Executors.newSingleThreadExecutor(r -> daemon(r, threadName));
        renewer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, threadName + "-lease"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts looking for work, if it has not yet, and looks now: once the application is ready (for
     * jobs left by a stopped node), and whenever a job was submitted on this node.
     */
    public void start() {
        if (started.compareAndSet(false, true)) worker.submit(this::loop);
        wake();
    }

    private void wake() {
        wakeUp.offer(Boolean.TRUE);
    }

    private void loop() {
        workerThread = Thread.currentThread();
        while (!stopping) {
            Optional<Claim> claim = claimNext();
            if (claim.isPresent()) {
                run(claim.get());
                Thread.interrupted(); // an interrupt meant for that job only
                continue;
            }
            try {
                wakeUp.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Claims the oldest queued job, or a running one whose lease expired. */
    Optional<Claim> claimNext() {
        String token = settings.node() + "/" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Optional<UUID> id = jdbc.sql(claim).params(token, settings.lease().toMillis()).query(UUID.class).optional();
            databaseUnavailable = false;
            return id.map(i -> new Claim(i, token));
        } catch (DataAccessException e) {
            if (!databaseUnavailable) log.warn("Could not look for {} jobs: {}", table, e.getMessage());
            databaseUnavailable = true;
            return Optional.empty();
        }
    }

    private void run(Claim claim) {
        current.set(claim);
        long every = Math.max(1, settings.lease().toMillis() / 3);
        ScheduledFuture<?> renewal = renewer.scheduleWithFixedDelay(() -> renew(claim), every, every, TimeUnit.MILLISECONDS);
        try {
            log.info("Node {} claimed {} job {}", settings.node(), table, claim.id());
            job.accept(claim);
        } catch (ClaimLost e) {
            log.warn("Node {} lost {} job {} before it finished; another node runs it", settings.node(), table, claim.id());
        } catch (RuntimeException e) {
            log.error("{} job {} failed", table, claim.id(), e);
        } finally {
            renewal.cancel(false);
            current.set(null);
        }
    }

    private void renew(Claim claim) {
        try {
            int renewed = jdbc.sql("update %s set lease_until = clock_timestamp() + ? * interval '1 millisecond' where id = ? and claimed_by = ? and status = 'RUNNING'"
                    .formatted(table)).params(settings.lease().toMillis(), claim.id(), claim.token()).update();
            if (renewed == 0 && claim.equals(current.get())) {
                Thread t = workerThread;
                if (t != null && claim.equals(current.get())) t.interrupt();
            }
        } catch (DataAccessException e) {
            log.warn("Could not renew the lease of {} job {}: {}", table, claim.id(), e.getMessage());
        }
    }

    /**
     * Interrupts the running job, waits up to ten seconds for it to stop and hands it back to the
     * queue, so another node (or this one after a restart) starts it at once instead of after its lease.
     */
    public void stop() throws InterruptedException {
        stopping = true;
        Claim running = current.get();
        worker.shutdownNow();
        renewer.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        if (running == null) return;
        try {
            jdbc.sql("update %s set status = 'QUEUED', claimed_by = null, lease_until = null where id = ? and claimed_by = ? and status = 'RUNNING'"
                    .formatted(table)).params(running.id(), running.token()).update();
        } catch (DataAccessException e) {
            log.warn("Could not hand {} job {} back to the queue; another node takes it when its lease expires: {}", table, running.id(), e.getMessage());
        }
    }

    /**
     * Makes the current thread act as {@code username} (no authorities: the job records what that
     * person submitted), until {@link SecurityContextHolder#clearContext()}.
     */
    public static void actAs(String username) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
        SecurityContextHolder.setContext(context);
    }

    /** Lets progress reach the database at most once per interval: true when the interval has passed. */
    public static final class Throttle {
        private final long intervalNanos;
        private long last;

        public Throttle(Duration interval) {
            intervalNanos = interval.toNanos();
            last = System.nanoTime() - intervalNanos;
        }

        public boolean due() {
            long now = System.nanoTime();
            if (now - last < intervalNanos) return false;
            last = now;
            return true;
        }
    }
}
