package org.exotrace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.exotrace.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim of background jobs across nodes (ADR 0017) on a job table of its own, in a schema of
 * its own (out of the application's schema, so backups and schema comparisons never see it): each
 * queue plays a node, with the application's limited role.
 */
class BackgroundQueueIntegrationTests extends IntegrationTest {

    private static final String TABLE = "background_queue_test.job";

    @BeforeEach
    void jobTable() {
        superuser().sql("create schema if not exists background_queue_test").update();
        superuser().sql("""
                create table if not exists background_queue_test.job (
                    id uuid primary key, status varchar(12) not null, claimed_by varchar(200), lease_until timestamptz,
                    submitted_at timestamptz not null default clock_timestamp())""").update();
        superuser().sql("""
                do $$ begin
                  if exists (select from pg_roles where rolname = 'exotrace_app') then
                    grant usage on schema background_queue_test to exotrace_app;
                    grant select, update on background_queue_test.job to exotrace_app;
                  end if;
                end $$""").update();
    }

    private List<UUID> queued(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            superuser().sql("insert into background_queue_test.job (id, status) values (?, 'QUEUED')").param(id).update();
            ids.add(id);
        }
        return ids;
    }

    private BackgroundQueue node(String name, Duration lease, Consumer<BackgroundQueue.Claim> job) {
        return new BackgroundQueue("test-" + name, TABLE, "submitted_at", jdbc, new BackgroundQueues.Settings(name, lease, Duration.ofMillis(50)), job);
    }

    private String claimedBy(UUID id) {
        return jdbc.sql("select claimed_by from background_queue_test.job where id = ?").param(id).query(String.class).single();
    }

    @Test
    void eachJobIsClaimedByExactlyOneOfTwoNodesClaimingAtOnce() throws Exception {
        List<UUID> jobs = queued(30);
        BackgroundQueue a = node("a", Duration.ofMinutes(1), c -> { });
        BackgroundQueue b = node("b", Duration.ofMinutes(1), c -> { });
        ConcurrentLinkedQueue<BackgroundQueue.Claim> claims = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (BackgroundQueue node : List.of(a, b, a, b)) {
            done.add(threads.submit(() -> {
                go.await();
                Optional<BackgroundQueue.Claim> c;
                while ((c = node.claimNext()).isPresent()) claims.add(c.get());
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        threads.shutdown();

        List<UUID> claimed = claims.stream().map(BackgroundQueue.Claim::id).filter(jobs::contains).toList();
        assertThat(claimed).as("every job claimed once").hasSize(jobs.size()).doesNotHaveDuplicates().containsAll(jobs);
        assertThat(claims.stream().map(c -> c.token().substring(0, 2)).distinct()).as("both nodes got work").hasSize(2);
        for (BackgroundQueue.Claim c : claims) assertThat(claimedBy(c.id())).isEqualTo(c.token());
    }

    @Test
    void aRunningJobIsTakenOverOnlyOnceItsLeaseHasExpiredAndTheFirstClaimCanNoLongerHoldIt() throws Exception {
        UUID job = queued(1).get(0);
        BackgroundQueue a = node("a", Duration.ofMillis(400), c -> { });
        BackgroundQueue b = node("b", Duration.ofMillis(400), c -> { });
        BackgroundQueue.Claim first = claimUntil(a, job);
        assertThat(b.claimNext().map(BackgroundQueue.Claim::id)).as("not while the lease runs").isNotEqualTo(Optional.of(job));

        Thread.sleep(600); // a never renews: its node "died"
        BackgroundQueue.Claim second = claimUntil(b, job);
        assertThat(second.token()).startsWith("b/").isNotEqualTo(first.token());
        assertThat(holds(first)).as("the first claim can no longer complete the job").isFalse();
        assertThat(holds(second)).isTrue();
    }

    @Test
    void aNodeThatLosesItsClaimInterruptsTheJobAndACleanStopHandsTheRunningJobBack() throws Exception {
        UUID lost = queued(1).get(0);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        BackgroundQueue a = node("a", Duration.ofMillis(600), c -> {
            if (!c.id().equals(lost)) return;
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        a.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        superuser().sql("update background_queue_test.job set claimed_by = 'elsewhere/1' where id = ?").param(lost).update();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the renewal saw the claim gone and interrupted the job").isTrue();
        a.stop();

        UUID handedBack = queued(1).get(0);
        CountDownLatch started = new CountDownLatch(1);
        BackgroundQueue b = node("b", Duration.ofMinutes(1), c -> {
            if (!c.id().equals(handedBack)) return;
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        b.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(claimedBy(handedBack)).startsWith("b/");
        b.stop();
        assertThat(jdbc.sql("select status || ' ' || coalesce(claimed_by, '-') from background_queue_test.job where id = ?").param(handedBack)
                .query(String.class).single()).isEqualTo("QUEUED -");
    }

    private static BackgroundQueue.Claim claimUntil(BackgroundQueue node, UUID job) {
        for (int i = 0; i < 1000; i++) {
            Optional<BackgroundQueue.Claim> c = node.claimNext();
            if (c.isEmpty()) break;
            if (c.get().id().equals(job)) return c.get();
        }
        throw new AssertionError("job " + job + " was not claimed");
    }

    private boolean holds(BackgroundQueue.Claim claim) {
        return transaction().execute(tx -> jdbc.sql("select id from background_queue_test.job where id = ? and status = 'RUNNING' and claimed_by = ? for update")
                .params(claim.id(), claim.token()).query(UUID.class).optional().isPresent());
    }
}
