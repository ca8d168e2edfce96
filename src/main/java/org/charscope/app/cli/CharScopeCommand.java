package org.charscope.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code charscope} command: only groups the sub-commands. */
@Command(name = "charscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watch a character-level LSTM learn a book. Without a command, opens the window.",
        subcommands = {InspectCommand.class, TrainCommand.class, SampleCommand.class, EvalCommand.class,
                BenchCommand.class, NeuronsCommand.class, CompareCommand.class})
public final class CharScopeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Runs the command line and returns the exit status (see {@link ExitCode}). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing to the given streams (for tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new CharScopeCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // A usage mistake prints the message and the usage, and exits 2 (picocli's default).
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            // A failure we did not foresee: one line, not a stack trace (set CHARSCOPE_DEBUG=1 for it).
            cmd.getErr().println("charscope: " + e);
            if (System.getenv("CHARSCOPE_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return commandLine.execute(args);
    }
}
