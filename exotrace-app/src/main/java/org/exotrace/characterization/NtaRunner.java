package org.exotrace.characterization;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.exotrace.shared.BackgroundQueue;
import org.exotrace.shared.BackgroundQueues;
import org.exotrace.shared.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs NTA analyses in the background, one at a time per node (an analysis uses the cores it can
 * get for its bootstrap), oldest first, each claimed once across the nodes on the database
 * ({@link BackgroundQueue}). The job acts as the analyst who uploaded the file, so the results it
 * records are theirs (and the two-person rule holds). Progress is written to the measurement at most
 * twice a second. An analysis left queued or running by a node that stopped is started again from
 * the stored file by the next node to look for work once its lease has expired: nothing is lost.
 */
@Component
class NtaRunner {

    private static final Logger log = LoggerFactory.getLogger(NtaRunner.class);
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);

    private final NtaMeasurements measurements;
    private final BackgroundQueue queue;

    NtaRunner(NtaMeasurements measurements, BackgroundQueues queues) {
        this.measurements = measurements;
        this.queue = queues.create("nta-analysis", "nta_measurement", "submitted_at", this::run);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(NtaSubmitted submitted) {
        queue.start(); // at once, also while the application is still starting (the demo data submits analyses)
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        queue.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        queue.stop();
    }

    private void run(BackgroundQueue.Claim claim) {
        UUID id = claim.id();
        NtaMeasurement m;
        try {
            if (!measurements.start(claim)) return;
            m = measurements.get(id);
        } catch (RuntimeException e) {
            log.error("Could not start NTA analysis {}", id, e);
            return;
        }
        BackgroundQueue.actAs(m.submittedBy());
        Path input = null;
        try {
            input = Files.createTempFile("exotrace-nta-", m.source() == NtaSource.TRACKS ? ".csv" : "-summary.csv");
            try (OutputStream out = Files.newOutputStream(input)) {
                measurements.copyInput(id, out);
            }
            BackgroundQueue.Throttle throttle = new BackgroundQueue.Throttle(PROGRESS_EVERY);
            NtaOutcome outcome = m.source() == NtaSource.TRACKS
                    ? NtaAnalyzer.tracks(input, m.settings(), (fraction, message) -> {
                        if (throttle.due()) measurements.progress(id, fraction, message);
                    })
                    : NtaAnalyzer.nanoSight(input, m.settings());
            if (Thread.currentThread().isInterrupted()) return;
            measurements.progress(id, 0.97, "recording the results on the lot");
            measurements.complete(claim, outcome);
        } catch (BackgroundQueue.ClaimLost e) {
            throw e;
        } catch (DomainProblem e) {
            failQuietly(claim, e.reasons().isEmpty() ? e.getMessage() : String.join("; ", e.reasons()));
        } catch (IllegalArgumentException | IOException e) {
            failQuietly(claim, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("NTA analysis {} failed", id, e);
            failQuietly(claim, "the analysis stopped with an internal error (" + e.getClass().getSimpleName() + "); see the server log");
        } finally {
            SecurityContextHolder.clearContext();
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException ignored) {
                    // a temporary copy of a stored file
                }
            }
        }
    }

    private void failQuietly(BackgroundQueue.Claim claim, String reason) {
        try {
            measurements.fail(claim, reason);
        } catch (BackgroundQueue.ClaimLost e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Could not record the failure of NTA analysis {}: {}", claim.id(), reason, e);
        }
    }

}
