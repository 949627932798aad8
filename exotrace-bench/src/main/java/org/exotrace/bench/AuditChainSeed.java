package org.exotrace.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.exotrace.ExotraceApplication;
import org.exotrace.audit.AuditTrail;
import org.exotrace.shared.RecordChanged;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a long, valid audit chain for measuring {@code audit verify} (not a benchmark itself; see
 * {@code exotrace-bench/scripts/audit-verify.sh}, which runs it and then times the verification).
 *
 * <pre>
 * java -cp exotrace-bench/target/benchmarks.jar org.exotrace.bench.AuditChainSeed ENTRIES DATA_DIR ANCHOR_DIR
 * </pre>
 *
 * Starts the application without a web server on {@code DATA_DIR} (embedded PostgreSQL) and
 * {@code ANCHOR_DIR} (the audit key), and appends {@code ENTRIES} entries through
 * {@link AuditTrail#appendAll}, 10,000 to a transaction: hashed, signed and linked by the
 * application's own code. The entries look like a lab's: a donor, a lot and a result in turn, each
 * created and then changed with a reason, with JSON values of about 300 characters. Closing the
 * application writes a checkpoint of the head, as a clean shutdown does.
 */
public final class AuditChainSeed {

    private static final int PER_TRANSACTION = 10_000;

    private AuditChainSeed() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: AuditChainSeed ENTRIES DATA_DIR ANCHOR_DIR");
            System.exit(2);
        }
        long entries = Long.parseLong(args[0].replace("_", ""));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ExotraceApplication.class)
                .web(WebApplicationType.NONE)
                .run("--exotrace.data-dir=" + args[1], "--exotrace.audit.anchor-dir=" + args[2],
                        "--exotrace.first-admin.enabled=false", "--logging.level.root=WARN")) {
            AuditTrail trail = context.getBean(AuditTrail.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            long started = System.nanoTime();
            long written = 0;
            while (written < entries) {
                int n = (int) Math.min(PER_TRANSACTION, entries - written);
                long first = written;
                Long last = transaction.execute(tx -> trail.appendAll(changes(first, n)));
                written += n;
                if (written % 100_000 == 0 || written == entries) {
                    System.err.printf(Locale.ROOT, "%,d entries appended (head at %,d), %.0f s%n", written, last,
                            (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    /** Changes number {@code first} to {@code first + n - 1}: the same sequence whatever the batches. */
    static List<RecordChanged> changes(long first, int n) {
        List<RecordChanged> changes = new ArrayList<>(n);
        for (long i = first; i < first + n; i++) {
            String type = switch ((int) (i % 3)) {
                case 0 -> "donor";
                case 1 -> "lot";
                default -> "result";
            };
            String id = new UUID(0x45584f5452414345L, i / 6).toString();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("id", id);
            after.put("code", type.toUpperCase(Locale.ROOT) + "-" + (i / 6));
            after.put("state", i % 2 == 0 ? "REGISTERED" : "IN_REVIEW");
            after.put("sourceType", "UMBILICAL_CORD_MSC");
            after.put("sourceDetail", "Wharton's jelly, passage " + (i % 7 + 2));
            after.put("particlesPerMl", 1.0e9 + i % 1000 * 1.0e6);
            after.put("modeDiameterNm", 90 + i % 60);
            after.put("site", "Taipei cleanroom B");
            if (i % 2 == 0) {
                changes.add(RecordChanged.created(type, id, after));
            } else {
                Map<String, Object> before = new LinkedHashMap<>(after);
                before.put("state", "REGISTERED");
                changes.add(RecordChanged.changed(type, id, "UPDATE", before, after, "sent for review by the lab lead"));
            }
        }
        return changes;
    }
}
