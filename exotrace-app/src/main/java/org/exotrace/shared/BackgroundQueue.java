package org.exotrace.shared;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Long jobs run one at a time on one background thread, in the order they were queued; a job
 * already queued or running is not queued again (a resume after start-up may meet a job its
 * submission event has just queued). Used by the modules whose uploads are analysed in the
 * background.
 */
public final class BackgroundQueue {

    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;

    /** @param threadName the worker thread's name, as it appears in thread dumps */
    public BackgroundQueue(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code job} for {@code id} unless that id is already queued or running. */
    public void enqueue(UUID id, Consumer<UUID> job) {
        if (queued.add(id)) {
            executor.submit(() -> {
                try {
                    job.accept(id);
                } finally {
                    queued.remove(id);
                }
            });
        }
    }

    /** The ids of {@code pending} not yet queued here. */
    public List<UUID> notQueued(List<UUID> pending) {
        return pending.stream().filter(id -> !queued.contains(id)).toList();
    }

    /** Interrupts the running job and waits up to ten seconds for it to stop. */
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
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
