package org.charscope.app.cli;

import org.charscope.text.TextOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options that decide how a text becomes symbols, shared by every command that reads text. */
final class TextOptionsMixin {

    @Option(names = "--lower-case", description = "Fold the text to lower case before training.")
    boolean lowerCase;

    @Option(names = "--rare-min", paramLabel = "N", defaultValue = "0",
            description = "Merge symbols seen fewer than N times into one unknown symbol (0: keep all; default ${DEFAULT-VALUE}).")
    int rareMinCount;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Fraction at the end of the text held out for validation (default ${DEFAULT-VALUE}).")
    double validationFraction;

    /** The options, or a usage error (exit 2) naming what is out of range. */
    TextOptions toOptions(CommandSpec spec) {
        try {
            return new TextOptions(lowerCase, rareMinCount, validationFraction);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
