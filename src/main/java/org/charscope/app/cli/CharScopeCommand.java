package org.charscope.app.cli;

import java.io.PrintWriter;
import org.charscope.train.IterationHook;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The top-level {@code charscope} command: only groups the sub-commands. */
@Command(name = "charscope",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watch a character-level LSTM learn a book. Without a command, opens the window.",
        subcommands = {InspectCommand.class, TrainCommand.class, SampleCommand.class, EvalCommand.class,
                BenchCommand.class, NeuronsCommand.class, CompareCommand.class, WhyCommand.class})
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
        return run(IterationHook.NONE, out, err, args);
    }

    /**
     * As {@link #run(String...)}, with {@code trainingHook} installed in the training loop of a
     * {@code train} command: the way a trial puts faults into a command-line run (see
     * {@link IterationHook}); the application itself always runs with {@link IterationHook#NONE}.
     */
    public static int run(IterationHook trainingHook, String... args) {
        return run(trainingHook, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    private static int run(IterationHook trainingHook, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(trainingHook);
        commandLine.setOut(out);
        commandLine.setErr(err);
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

    /**
     * The command line as {@link #run} parses it: enum options in any case ({@code --cell GRU}),
     * a bad choice named in the README's words ({@link BadChoice}), and every usage mistake
     * printed with the usage and exit 2 (picocli's default).
     */
    static CommandLine commandLine(IterationHook trainingHook) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == TrainCommand.class ? type.cast(new TrainCommand(trainingHook))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new CharScopeCommand(), factory);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine.IParameterExceptionHandler standard = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((e, args) -> standard.handleParseException(BadChoice.reworded(e), args));
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE);
        return commandLine;
    }
}
