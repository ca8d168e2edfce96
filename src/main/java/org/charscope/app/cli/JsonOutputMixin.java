package org.charscope.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --json} and the streams a command prints to, for the commands that print one result as
 * text or as JSON (eval, neurons, bench).
 */
final class JsonOutputMixin {

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** The command this is mixed into: its streams, and usage errors in its name. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }

    /** A usage error (exit 2) with this message, to throw. */
    ParameterException usageError(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
