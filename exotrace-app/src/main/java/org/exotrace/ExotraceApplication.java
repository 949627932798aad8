package org.exotrace;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import org.exotrace.audit.AuditTrail;
import org.exotrace.backup.AnchorDirectory;
import org.exotrace.backup.BackupManifest;
import org.exotrace.backup.DatabaseBackup;
import org.exotrace.platform.DatabaseOwner;
import org.exotrace.backup.DatabaseRestore;
import org.exotrace.demo.ScaleNetwork;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code exotrace} command: {@code serve [--demo]} runs the web application,
 * {@code audit verify} checks the audit chain, {@code backup FILE} and {@code restore FILE} save and
 * load the database, {@code help} lists the commands.
 */
@SpringBootApplication
public class ExotraceApplication {

    static final String HELP = """
            Exotrace: donor-to-dermis traceability and quality control for exosome products.

            Usage: ./exotrace <command> [options]

            Commands:
              serve [--demo] [--port N]   run the web application (http://localhost:8080 by default);
                                          --demo loads the demo dataset and demo accounts
              audit verify                check the audit trail's hash chain, key signatures and checkpoints;
                                          prints every break; exit 0 if intact, 1 if broken (progress
                                          and the time taken go to stderr)
              backup FILE                 write a consistent backup of the database and its stored files
                                          to FILE (a zip; the server may keep running)
              restore FILE                load a backup into an empty data directory, then verify the
                                          audit trail; exit 0 if restored and intact
              nta size --tracks FILE ...  size distribution and concentration from particle tracks
              nta simulate --out FILE ... simulate tracks of a known size distribution (with ground truth)
              nta import-nanosight FILE   read a NanoSight ExperimentSummary.csv
                                          ('./exotrace nta <command> --help' lists the options)
              evidence paired --csv FILE --baseline COL --followup COL [--responder-drop PCT] [--json]
                                          change from baseline in two columns of a CSV file: paired t with
                                          its 95 % CI, Wilcoxon signed-rank, responders with a Wilson CI
              demo --scale N [--seed S] [--force]
                                          seed a benchmark network in bulk: about N/10 donors, N lots with
                                          lineage, 10 units each, shipments to 20-50 clinics, patients and
                                          sessions; refuses a database with users' data unless --force
              help                        show this help

            Configuration (environment):
              EXOTRACE_DB_URL, EXOTRACE_DB_USER, EXOTRACE_DB_PASSWORD
                                          use an external PostgreSQL instead of the embedded one
              EXOTRACE_DB_APP_USER, EXOTRACE_DB_APP_PASSWORD
                                          the external server's limited role the application uses
              EXOTRACE_DATA_DIR           where the embedded database keeps its data (default ./data)
                                          and, in secrets/, its generated passwords
              EXOTRACE_ANCHOR_DIR         the audit key and checkpoints, kept outside the data directory
                                          (default ./anchor); back it up separately
            """;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(HELP);
            return 0;
        }
        return switch (args[0]) {
            case "serve" -> serve(Arrays.copyOfRange(args, 1, args.length));
            case "audit" -> audit(Arrays.copyOfRange(args, 1, args.length));
            case "backup" -> backup(Arrays.copyOfRange(args, 1, args.length));
            case "restore" -> restore(Arrays.copyOfRange(args, 1, args.length));
            case "nta" -> org.exotrace.nta.cli.NtaCommand.run(Arrays.copyOfRange(args, 1, args.length));
            case "evidence" -> org.exotrace.stats.cli.EvidenceCommand.run(Arrays.copyOfRange(args, 1, args.length));
            case "demo" -> demo(Arrays.copyOfRange(args, 1, args.length));
            default -> usage("unknown command '" + args[0] + "'");
        };
    }

    private static int serve(String[] options) {
        java.util.List<String> springArgs = new java.util.ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            switch (options[i]) {
                case "--demo" -> springArgs.add("--exotrace.demo.enabled=true");
                case "--port" -> {
                    if (i + 1 >= options.length || !options[i + 1].matches("\\d{1,5}")) return usage("--port needs a port number");
                    springArgs.add("--server.port=" + options[++i]);
                }
                default -> {
                    if (!options[i].startsWith("--") || !options[i].contains("=")) return usage("unknown option '" + options[i] + "' for serve");
                    springArgs.add(options[i]);
                }
            }
        }
        new SpringApplication(ExotraceApplication.class).run(springArgs.toArray(String[]::new));
        return waitForever();
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int audit(String[] options) {
        if (options.length != 1 || !options[0].equals("verify")) return usage("use 'audit verify'");
        SpringApplication app = new SpringApplication(ExotraceApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN",
                "exotrace.first-admin.enabled", "false"));
        try (ConfigurableApplicationContext ctx = app.run()) {
            long started = System.nanoTime();
            AuditTrail.Verification v = ctx.getBean(AuditTrail.class).verify(new ProgressLines(System.err, started));
            v.report().forEach(System.out::println);
            System.err.printf(Locale.ROOT, "Checked %,d entries in %.1f s.%n", v.entriesChecked(), (System.nanoTime() - started) / 1e9);
            return v.intact() ? 0 : 1;
        }
    }

    /** A line on stderr every {@value #EVERY_SECONDS} s of a long verification: how many entries of how many are checked. */
    private static final class ProgressLines implements AuditTrail.Progress {

        private static final long EVERY_SECONDS = 5;

        private final PrintStream err;
        private long next;

        ProgressLines(PrintStream err, long started) {
            this.err = err;
            this.next = started + TimeUnit.SECONDS.toNanos(EVERY_SECONDS);
        }

        @Override
        public void checked(long checked, long total) {
            long now = System.nanoTime();
            if (now - next < 0 || checked >= total) return;
            next = now + TimeUnit.SECONDS.toNanos(EVERY_SECONDS);
            err.printf(Locale.ROOT, "Checked %,d of %,d entries (%d %%)...%n", checked, total, total == 0 ? 0 : checked * 100 / total);
        }
    }

    private static int demo(String[] options) {
        ScaleNetwork.Settings settings;
        try {
            settings = ScaleNetwork.Settings.parse(options);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try (ConfigurableApplicationContext ctx = commandLineApplication(Map.of()).run(settings.springArgs().toArray(String[]::new))) {
            ScaleNetwork.Seeded seeded = ctx.getBean(ScaleNetwork.class).seed(settings, System.err::println);
            long analyzing = System.nanoTime();
            try (java.sql.Connection owner = ctx.getBean(DatabaseOwner.class).connect(); java.sql.Statement analyze = owner.createStatement()) {
                analyze.execute("analyze"); // the planner's statistics, as they would be after autovacuum caught up
            }
            System.out.printf("Seeded scale run %d in %.0f s (analyzed in %.0f s): %s.%n", seeded.run(), seeded.took().toMillis() / 1e3,
                    (System.nanoTime() - analyzing) / 1e9, seeded.rows());
            return 0;
        } catch (ScaleNetwork.Refused e) {
            return refused(e.getMessage());
        } catch (Exception e) {
            System.err.println("exotrace: seeding failed; the transaction under way was rolled back: " + rootMessage(e));
            return 1;
        }
    }

    // --- backup and restore ------------------------------------------------------------------

    /** FILE and {@code --name=value} settings of a backup or restore command, or null after printing the usage error. */
    private record FileCommand(Path file, String[] springArgs) {

        static FileCommand parse(String command, String[] options) {
            Path file = null;
            java.util.List<String> springArgs = new java.util.ArrayList<>();
            for (String option : options) {
                if (option.startsWith("--") && option.contains("=")) {
                    springArgs.add(option);
                } else if (file == null && !option.startsWith("--")) {
                    file = Path.of(option).toAbsolutePath().normalize();
                } else {
                    usage("unexpected '" + option + "' for " + command);
                    return null;
                }
            }
            if (file == null) {
                usage("use '" + command + " FILE'");
                return null;
            }
            return new FileCommand(file, springArgs.toArray(String[]::new));
        }
    }

    private static SpringApplication commandLineApplication(Map<String, Object> extra) {
        SpringApplication app = new SpringApplication(ExotraceApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        Map<String, Object> defaults = new java.util.HashMap<>(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN",
                "exotrace.first-admin.enabled", "false",
                // the command prints one line of its own when it fails
                "logging.level.org.springframework.boot.SpringApplication", "OFF",
                "logging.level.org.springframework.boot.diagnostics", "OFF",
                "logging.level.org.springframework.context", "ERROR"));
        defaults.putAll(extra);
        app.setDefaultProperties(defaults);
        return app;
    }

    private static int backup(String[] options) {
        FileCommand command = FileCommand.parse("backup", options);
        if (command == null) return 2;
        if (java.nio.file.Files.exists(command.file())) return refused(command.file() + " already exists; choose another name");
        try (ConfigurableApplicationContext ctx = commandLineApplication(Map.of()).run(command.springArgs())) {
            BackupManifest manifest = DatabaseBackup.write(ctx.getBean(DatabaseOwner.class), AnchorDirectory.of(ctx.getEnvironment()),
                    command.file(), version(), System.out::println);
            long bytes = java.nio.file.Files.size(command.file());
            System.out.printf("Backup written to %s: %d tables, %d rows, %s, schema version %s, %.1f MB.%n",
                    command.file(), manifest.tables().size(), manifest.totalRows(), storedFiles(manifest.largeObjects().size()),
                    manifest.schemaVersion(), bytes / 1e6);
            System.out.println("The audit key is not in it: keep a copy of " + AnchorDirectory.of(ctx.getEnvironment()).resolve("audit.key")
                    + " somewhere safe, apart from the backups.");
            return 0;
        } catch (DatabaseBackup.Refused e) {
            return refused(e.getMessage());
        } catch (Exception e) {
            System.err.println("exotrace: the backup failed, no file was written: " + rootMessage(e));
            return 1;
        }
    }

    private static int restore(String[] options) {
        FileCommand command = FileCommand.parse("restore", options);
        if (command == null) return 2;
        BackupManifest manifest;
        try {
            manifest = DatabaseRestore.inspect(command.file());
        } catch (DatabaseBackup.Refused e) {
            return refused(e.getMessage());
        }
        System.out.printf("Restoring %s: written by Exotrace %s at %s, schema version %s, %d tables, %d rows, %s.%n",
                command.file(), manifest.exotraceVersion(), manifest.createdAt(), manifest.schemaVersion(), manifest.tables().size(),
                manifest.totalRows(), storedFiles(manifest.largeObjects().size()));
        try (ConfigurableApplicationContext ctx = commandLineApplication(Map.of("exotrace.restore.file", command.file().toString()))
                .run(command.springArgs())) {
            System.out.println("Restored. Verifying the audit trail...");
            AuditTrail.Verification v = ctx.getBean(AuditTrail.class).verify();
            System.out.println(v.summary());
            return v.intact() ? 0 : 1;
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DatabaseBackup.Refused refusal) return refused(refusal.getMessage());
            }
            System.err.println("exotrace: the restore failed and its data was rolled back: " + rootMessage(e));
            return 1;
        }
    }

    private static String storedFiles(int count) {
        return count == 1 ? "1 stored file" : count + " stored files";
    }

    private static int refused(String message) {
        System.err.println("exotrace: " + message);
        return 2;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return String.valueOf(root.getMessage()).lines().findFirst().orElse(root.getClass().getSimpleName());
    }

    private static String version() {
        String version = ExotraceApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "development build";
    }

    private static int usage(String message) {
        System.err.println("exotrace: " + message + "; run './exotrace help' for the commands.");
        return 2;
    }
}
