package org.exotrace.nta.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code exotrace nta ...}. */
@Command(name = "exotrace nta", mixinStandardHelpOptions = true,
        description = "Open nanoparticle tracking analysis: size distribution and concentration from particle tracks.",
        subcommands = {SizeCommand.class, VideoCommand.class, SimulateCommand.class, ImportNanoSightCommand.class, CalibrateCommand.class})
public final class NtaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command and answers its exit code; bad input gets one line on stderr and exit code 2. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NtaCommand());
        SizeCommand.addSettingOptions(cl.getSubcommands().get("size").getCommandSpec());
        SizeCommand.addSettingOptions(cl.getSubcommands().get("video").getCommandSpec(), VideoCommand.SETTINGS);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("exotrace nta: " + ex.getMessage() + " (see 'exotrace nta " + commandName(ex) + " --help')");
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ex instanceof BadInput ? 2 : 1;
            err.println("exotrace nta: " + ex.getMessage());
            err.flush();
            return code;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    private static String commandName(CommandLine.ParameterException ex) {
        String name = ex.getCommandLine().getCommandName();
        return name.startsWith("exotrace") ? "" : name;
    }

    /** Input a person must correct: exit code 2. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
