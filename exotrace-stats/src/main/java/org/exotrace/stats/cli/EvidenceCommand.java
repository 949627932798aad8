package org.exotrace.stats.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code exotrace evidence ...}. */
@Command(name = "exotrace evidence", mixinStandardHelpOptions = true,
        description = "Evidence statistics from a CSV file: change from baseline, responders.",
        subcommands = {PairedCommand.class})
public final class EvidenceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command and answers its exit code; bad input gets one line on stderr and exit code 2. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new EvidenceCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine().getCommandName();
            err.println("exotrace evidence: " + ex.getMessage() + " (see 'exotrace evidence "
                    + (name.startsWith("exotrace") ? "" : name + " ") + "--help')");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean bad = ex instanceof BadInput || ex instanceof IllegalArgumentException;
            err.println("exotrace evidence: " + ex.getMessage());
            err.flush();
            return bad ? 2 : 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** Input a person must correct: exit code 2. */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }
}
