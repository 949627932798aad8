package org.exotrace.audit;

import java.util.List;
import java.util.Optional;
import org.exotrace.audit.AuditAnchor.Checkpoint;
import org.exotrace.audit.AuditAnchor.Checkpoint.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the chain's head to the checkpoints file outside the database: after commit whenever the
 * head moved, at most every {@code exotrace.audit.checkpoint-interval} (default 5 s), at a clean
 * shutdown and after a verification found the chain intact. It reads committed entries only, from
 * its own connection, so a checkpoint never records an entry that is later rolled back.
 *
 * <p>At start: on a chain written before anchoring (entries without a MAC and no adoption
 * checkpoint yet) it verifies the chain and, when intact, writes an adoption checkpoint at the
 * head, which binds those entries to the key from then on. An empty chain beside an existing
 * checkpoints file is a wiped audit trail: logged as an error (the application still starts, and
 * {@code audit verify} reports it).
 */
@Component
class AuditCheckpoints implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final JdbcClient jdbc;
    private final AuditAnchor anchor;
    private final TransactionTemplate snapshot;
    /** The highest entry this process knows to be checkpointed. */
    private long written;
    private boolean databaseUnavailable;

    AuditCheckpoints(JdbcClient jdbc, AuditAnchor anchor, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.anchor = anchor;
        this.snapshot = snapshot(transactions);
    }

    /** A read-only repeatable-read transaction: the entries and the head a verification reads come from one snapshot. */
    static TransactionTemplate snapshot(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return template;
    }

    @Override
    public void afterPropertiesSet() {
        start();
    }

    synchronized void start() {
        List<AuditAnchor.Line> lines = anchor.lines();
        written = lines.stream().filter(AuditAnchor.Line::valid).mapToLong(l -> l.checkpoint().seq()).max().orElse(0);
        Long last = jdbc.sql("select max(seq) from audit_entry").query(Long.class).optional().orElse(null);
        if (last == null) {
            if (!lines.isEmpty()) {
                log.error("The audit trail is EMPTY, but {} holds {} checkpoints (up to entry {}): the audit trail was wiped."
                        + " Run './exotrace audit verify' for the report; restore the database from a backup taken before the"
                        + " loss, or, to start over on purpose, delete both the data directory and the anchor directory.",
                        anchor.checkpointsFile(), lines.size(), written);
            }
            return;
        }
        boolean legacy = jdbc.sql("select exists (select 1 from audit_entry where mac is null)").query(Boolean.class).single();
        boolean adopted = lines.stream().anyMatch(l -> l.valid() && l.checkpoint().source() == Source.ADOPTION);
        if (legacy && !adopted) adopt();
    }

    /** Verifies a chain written before anchoring and, when it is intact, binds it with an adoption checkpoint at its head. */
    synchronized boolean adopt() {
        ChainVerifier.Outcome outcome = snapshot.execute(tx -> new ChainVerifier(jdbc, anchor).verify(true));
        if (!outcome.verification().intact()) {
            log.error("The audit chain written before anchoring is broken, so it was not adopted (its entries stay unsigned): {}",
                    String.join(System.lineSeparator(), outcome.verification().report()));
            return false;
        }
        anchor.append(new Checkpoint(Source.ADOPTION, outcome.lastSeq(), outcome.lastHash(), ChainVerifier.now()));
        written = Math.max(written, outcome.lastSeq());
        log.info("Adopted the audit chain written before anchoring: {} entries verified and bound by an adoption checkpoint at entry {} in {}",
                outcome.verification().entriesChecked(), outcome.lastSeq(), anchor.checkpointsFile());
        return true;
    }

    @Scheduled(fixedDelayString = "${exotrace.audit.checkpoint-interval:5s}", initialDelayString = "${exotrace.audit.checkpoint-interval:5s}")
    void onInterval() {
        checkpoint(Source.INTERVAL);
    }

    @Override
    public void destroy() {
        try {
            checkpoint(Source.SHUTDOWN);
        } catch (RuntimeException e) {
            log.warn("No audit checkpoint at shutdown: {}", e.getMessage());
        }
    }

    /** Writes the committed head as a checkpoint when it moved since the last one; true when a line was written. */
    synchronized boolean checkpoint(Source source) {
        record Head(long seq, String hash) {}
        Optional<Head> head;
        try {
            head = jdbc.sql("select seq, hash from audit_entry order by seq desc limit 1")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
        } catch (org.springframework.dao.DataAccessException e) {
            if (!databaseUnavailable) log.warn("No audit checkpoint while the database is unavailable: {}", e.getMessage());
            databaseUnavailable = true;
            return false;
        }
        databaseUnavailable = false;
        if (head.isEmpty() || head.get().seq() <= written) return false;
        anchor.append(new Checkpoint(source, head.get().seq(), head.get().hash(), ChainVerifier.now()));
        written = head.get().seq();
        return true;
    }

    /** After a verification of committed entries found the chain intact up to this entry. */
    synchronized void verified(long seq, String hash) {
        if (seq <= written) return;
        anchor.append(new Checkpoint(Source.VERIFIED, seq, hash, ChainVerifier.now()));
        written = seq;
    }
}
