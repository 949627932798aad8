package org.exotrace;

import java.util.Arrays;
import java.util.Map;
import org.exotrace.audit.AuditTrail;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code exotrace} command: {@code serve [--demo]} runs the web application,
 * {@code audit verify} checks the audit chain, {@code help} lists the commands.
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
                                          prints every break; exit 0 if intact, 1 if broken
              nta size --tracks FILE ...  size distribution and concentration from particle tracks
              nta simulate --out FILE ... simulate tracks of a known size distribution (with ground truth)
              nta import-nanosight FILE   read a NanoSight ExperimentSummary.csv
                                          ('./exotrace nta <command> --help' lists the options)
              help                        show this help

            Configuration (environment):
              EXOTRACE_DB_URL, EXOTRACE_DB_USER, EXOTRACE_DB_PASSWORD
                                          use an external PostgreSQL instead of the embedded one
              EXOTRACE_DATA_DIR           where the embedded database keeps its data (default ./data)
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
            case "nta" -> org.exotrace.nta.cli.NtaCommand.run(Arrays.copyOfRange(args, 1, args.length));
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
            AuditTrail.Verification v = ctx.getBean(AuditTrail.class).verify();
            v.report().forEach(System.out::println);
            return v.intact() ? 0 : 1;
        }
    }

    private static int usage(String message) {
        System.err.println("exotrace: " + message + "; run './exotrace help' for the commands.");
        return 2;
    }
}
