package org.exotrace.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.exotrace.shared.RecordChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a network of benchmark size in bulk ({@code ./exotrace demo --scale N}): about N/10
 * eligible donors (every test of their panel negative, consents for every product), batches, N lots
 * (70 % primary, 20 % derivatives, 10 % pools of 2 to 4 parents) with 10 units each, lot decisions
 * signed by the generator, weekly shipments of released serum to 20 to 50 clinics, and patients
 * whose sessions used the units their clinic received. Dates span the three years up to today.
 *
 * <p>Unlike the rest of this module it writes to the modules' tables with set-based SQL, not through
 * their services, because a million lots through the services would take days. What that skips is
 * stated in the records: every row names {@value ScaleSql#ACTOR} as its author, signatures and plans
 * say they are synthetic, and the audit trail gets one honest entry per transaction ("bulk seeded
 * 50,000 lots …") rather than an entry per row, so {@code audit verify} still passes. Refuses a
 * database that holds data entered by anyone but the demo accounts unless forced.
 */
@Component
public class ScaleNetwork {

    /** The most lots one run seeds: donor codes have six digits of sequence per year. */
    public static final long MOST_LOTS = 10_000_000;
    private static final int LOTS_PER_TRANSACTION = 50_000;

    /**
     * What {@code demo --scale N [--seed S] [--force]} asked for; {@code springArgs} are the
     * {@code --name=value} settings passed on to the application.
     */
    public record Settings(long lots, long seed, boolean force, List<String> springArgs) {

        public Settings {
            springArgs = List.copyOf(springArgs);
        }

        /** Reads the options; a bad one throws {@link IllegalArgumentException} with a one-line message. */
        public static Settings parse(String[] options) {
            Long lots = null;
            long seed = 1;
            boolean force = false;
            List<String> spring = new ArrayList<>();
            for (int i = 0; i < options.length; i++) {
                String option = options[i];
                if (option.equals("--scale") || option.equals("--seed")) {
                    if (i + 1 >= options.length) throw new IllegalArgumentException(option + " needs a number");
                    String value = options[++i];
                    if (option.equals("--scale")) lots = lots(value);
                    else seed = seed(value);
                } else if (option.startsWith("--scale=")) {
                    lots = lots(option.substring("--scale=".length()));
                } else if (option.startsWith("--seed=")) {
                    seed = seed(option.substring("--seed=".length()));
                } else if (option.equals("--force")) {
                    force = true;
                } else if (option.startsWith("--") && option.contains("=")) {
                    spring.add(option);
                } else {
                    throw new IllegalArgumentException("unknown option '" + option + "' for demo; use 'demo --scale N [--seed S] [--force]'");
                }
            }
            if (lots == null) throw new IllegalArgumentException("use 'demo --scale N [--seed S] [--force]', N the number of lots");
            return new Settings(lots, seed, force, spring);
        }

        private static long lots(String value) {
            if (!value.matches("[0-9]{1,9}") || Long.parseLong(value) < 1) {
                throw new IllegalArgumentException("--scale needs a positive whole number of lots, e.g. --scale 100000, not '" + value + "'");
            }
            long lots = Long.parseLong(value);
            if (lots > MOST_LOTS) throw new IllegalArgumentException("--scale seeds at most " + MOST_LOTS + " lots, not " + value);
            return lots;
        }

        private static long seed(String value) {
            if (!value.matches("[0-9]{1,9}")) throw new IllegalArgumentException("--seed needs a whole number from 0 to 999999999, not '" + value + "'");
            return Long.parseLong(value);
        }
    }

    /** The database holds data the generator must not mix with; the message says what and how to override. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** What a run wrote: rows per table, in the order written, and the time it took. */
    public record Seeded(int run, Map<String, Long> rows, Duration took) {

        public Seeded {
            rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final String facility;

    ScaleNetwork(JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                 @Value("${exotrace.lab.facility-code}") String facility) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.facility = facility;
    }

    /** Seeds the network, reporting each step on {@code progress}; throws {@link Refused} before writing anything. */
    public Seeded seed(Settings settings, Consumer<String> progress) {
        if (!settings.force()) refuseUsersData();
        long started = System.nanoTime();
        long n = settings.lots();
        long donors = Math.max(1, n / 10);
        long batches = Math.max(1, (7 * n + 29) / 30);
        int clinics = (int) Math.min(50, Math.max(20, n / 20_000));
        int patientsPerClinic = (int) Math.max(3, Math.round(1.9 * n / (5.0 * clinics)));
        int run = jdbc.sql("select count(*) from clinic where code like 'SX%-01'").query(Integer.class).single() + 1;
        ScaleSql sql = new ScaleSql(run, n, donors, batches, clinics, patientsPerClinic, settings.seed(), LocalDate.now(), facility);
        Map<String, Long> rows = new LinkedHashMap<>();
        progress.accept(String.format(Locale.ROOT, "scale run %d: %,d lots, %,d donors, %,d batches, %,d clinics, seed %d",
                run, n, donors, batches, clinics, settings.seed()));

        step(run, settings, rows, progress, started, "donors", () -> {
            Map<String, Long> r = new LinkedHashMap<>();
            r.put("donor", update(sql.fill(ScaleSql.DONORS)));
            update(sql.fill(ScaleSql.DONOR_SEQUENCE));
            r.put("donor_screening", update(sql.fill(ScaleSql.SCREENINGS)));
            r.put("donor_consent", update(sql.fill(ScaleSql.CONSENTS)));
            return r;
        }, r -> String.format(Locale.ROOT, "bulk seeded %,d eligible donors with %,d negative screening results and %,d consents for a scale benchmark",
                r.get("donor"), r.get("donor_screening"), r.get("donor_consent")));
        step(run, settings, rows, progress, started, "batches and clinics", () -> {
            Map<String, Long> r = new LinkedHashMap<>();
            r.put("batch", update(sql.fill(ScaleSql.BATCHES)));
            update(sql.fill(ScaleSql.BATCH_SEQUENCE));
            r.put("clinic", update(sql.fill(ScaleSql.CLINICS)));
            r.put("clinic_member", update(sql.fill(ScaleSql.CLINIC_MEMBERS)));
            return r;
        }, r -> String.format(Locale.ROOT, "bulk seeded %,d isolation batches and %,d synthetic clinics for a scale benchmark",
                r.get("batch"), r.get("clinic")));
        for (long lo = 1; lo <= n; lo += LOTS_PER_TRANSACTION) {
            long from = lo;
            long to = Math.min(n, lo + LOTS_PER_TRANSACTION - 1);
            step(run, settings, rows, progress, started, String.format(Locale.ROOT, "lots %,d to %,d of %,d", from, to, n), () -> {
                Map<String, Long> r = new LinkedHashMap<>();
                update(sql.fill(ScaleSql.LOT_CHUNK, from, to));
                r.put("lot", update(sql.fill(ScaleSql.LOTS, from, to)));
                update(sql.fill(ScaleSql.LOT_SEQUENCE, from, to));
                r.put("lot_parent", update(sql.fill(ScaleSql.LOT_PARENTS, from, to)));
                r.put("electronic_signature", update(sql.fill(ScaleSql.SIGNATURES, from, to)));
                r.put("lot_decision", update(sql.fill(ScaleSql.DECISIONS, from, to)));
                update(sql.fill(ScaleSql.CERTIFICATE_SEQUENCE, from, to));
                update(sql.fill(ScaleSql.UNIT_CHUNK, from, to));
                r.put("lot_unit", update(sql.fill(ScaleSql.UNITS, from, to)));
                r.put("shipment", update(sql.fill(ScaleSql.SHIPMENTS, from, to)));
                r.put("shipment_unit", update(sql.fill(ScaleSql.SHIPMENT_UNITS, from, to)));
                return r;
            }, r -> String.format(Locale.ROOT, "bulk seeded lots %,d to %,d of %,d (%,d lots, %,d lineage links, %,d signed decisions, %,d units, "
                    + "%,d units shipped in %,d new shipments) for a scale benchmark; decisions signed by the generator, not by a person",
                    from, to, n, r.get("lot"), r.get("lot_parent"), r.get("lot_decision"), r.get("lot_unit"), r.get("shipment_unit"), r.get("shipment")));
        }
        step(run, settings, rows, progress, started, "patients and sessions", () -> {
            Map<String, Long> r = new LinkedHashMap<>();
            update(sql.fill(ScaleSql.USES));
            update(sql.fill(ScaleSql.PATIENT_PLANS));
            r.put("patient", update(sql.fill(ScaleSql.PATIENTS)));
            r.put("patient_consent", update(sql.fill(ScaleSql.PATIENT_CONSENTS)));
            r.put("treatment_plan", update(sql.fill(ScaleSql.PLANS)));
            r.put("plan_visit", update(sql.fill(ScaleSql.VISITS)));
            r.put("treatment_session", update(sql.fill(ScaleSql.SESSIONS)));
            return r;
        }, r -> String.format(Locale.ROOT, "bulk seeded %,d synthetic patients with %,d plans and %,d treatment sessions using received units "
                + "for a scale benchmark; not checked against the regulatory rules", r.get("patient"), r.get("treatment_plan"),
                r.get("treatment_session")));
        return new Seeded(run, rows, Duration.ofNanos(System.nanoTime() - started));
    }

    /** One transaction: the step's statements and one audit entry that says what they wrote. */
    private void step(int run, Settings settings, Map<String, Long> total, Consumer<String> progress, long started, String name,
                      java.util.function.Supplier<Map<String, Long>> work, java.util.function.Function<Map<String, Long>, String> reason) {
        long t0 = System.nanoTime();
        Map<String, Long> written = tx.execute(status -> {
            jdbc.sql("set local work_mem = '64MB'").update();
            Map<String, Long> r = work.get();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("step", name);
            after.put("lots", settings.lots());
            after.put("seed", settings.seed());
            after.put("rows", r);
            events.publishEvent(new RecordChanged("scale-seed", "run-" + run, "SEED", null, after, reason.apply(r)));
            return r;
        });
        written.forEach((table, count) -> total.merge(table, count, Long::sum));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "scale: %s:", name));
        written.forEach((table, count) -> line.append(String.format(Locale.ROOT, " %,d %s,", count, table)));
        line.setLength(line.length() - 1);
        progress.accept(line + String.format(Locale.ROOT, " (%.1f s; %.0f s in all)", (System.nanoTime() - t0) / 1e9,
                (System.nanoTime() - started) / 1e9));
    }

    private long update(String statement) {
        return jdbc.sql(statement).update();
    }

    private void refuseUsersData() {
        List<String> ours = new ArrayList<>(DemoUsers.ACCOUNTS.stream().map(DemoUsers.DemoAccount::username).toList());
        ours.add("system");
        ours.add(ScaleSql.ACTOR);
        String[] names = ours.toArray(String[]::new);
        long others = 0;
        for (String table : List.of("donor", "batch", "lot", "clinic", "patient")) {
            others += jdbc.sql("select count(*) from " + table + " where created_by <> all(?) and created_by not like 'scale-clinician-%'")
                    .param(names).query(Long.class).single();
        }
        if (others > 0) {
            throw new Refused(String.format(Locale.ROOT, "the database holds %,d donors, batches, lots, clinics or patients entered by people "
                    + "other than the demo accounts; seeding benchmark data would mix with them (add --force to seed anyway)", others));
        }
    }
}
