package org.charscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.charscope.model.Cell;
import org.charscope.model.LearningRateSchedule;
import org.charscope.model.Preset;
import org.charscope.train.IterationHook;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The enum options (issue 18): picocli parses them in any case, their labels name exactly their
 * choices (the help shows the labels, and {@link BadChoice} words errors from them), and a bad
 * choice is one line naming the choices, exit 2. No training runs here: parsing only.
 */
class EnumOptionsTest {

    @Test
    void everyEnumOptionsLabelNamesExactlyItsChoices() {
        List<String> checked = new ArrayList<>();
        for (CommandLine command : CharScopeCommand.commandLine(IterationHook.NONE).getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = BadChoice.enumType(option);
                if (type == null || option.paramLabel().startsWith("<")) {
                    continue;
                }
                List<String> constants = new ArrayList<>();
                for (Object constant : type.getEnumConstants()) {
                    constants.add(((Enum<?>) constant).name());
                }
                List<String> labelled = BadChoice.choices(option).stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
                assertEquals(constants, labelled, command.getCommandName() + " " + option.longestName());
                checked.add(command.getCommandName() + " " + option.longestName());
            }
        }
        assertTrue(checked.containsAll(List.of("train --cell", "train --mode", "train --tokens", "train --schedule",
                "train --preset", "compare --cells", "compare --modes", "compare --tokens", "compare --preset",
                "bench --workload")), checked.toString());
    }

    @Test
    void enumValuesAreTakenInAnyCase() {
        CommandLine.ParseResult parsed = CharScopeCommand.commandLine(IterationHook.NONE).parseArgs("train", "book.txt",
                "--out", "m.zip", "--cell", "GRU", "--mode", "Window", "--schedule", "COSINE", "--tokens", "Words",
                "--preset", "LARGE");
        TrainCommand train = (TrainCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(Cell.GRU, train.cell);
        assertEquals(Mode.WINDOW, train.mode);
        assertEquals(LearningRateSchedule.Kind.COSINE, train.schedule);
        assertEquals(TokenLevel.WORDS, train.tokens);
        assertEquals(Preset.LARGE, train.preset);

        CommandLine.ParseResult compared = CharScopeCommand.commandLine(IterationHook.NONE).parseArgs("compare",
                "book.txt", "--iterations", "5", "--cells", "rnn,LSTM", "--modes", "Bidirectional,stateful");
        CompareCommand compare = (CompareCommand) compared.subcommand().commandSpec().userObject();
        assertEquals(List.of(Cell.RNN, Cell.LSTM), compare.cells);
        assertEquals(List.of(ComparedMode.BIDIRECTIONAL, ComparedMode.STATEFUL), compare.modes);
        assertEquals(List.of(TokenLevel.CHARS), compare.tokens, "the default list");
        assertEquals(Preset.SMALL, compare.preset, "the default");
    }

    @Test
    void aBadChoiceIsOneLineNamingTheChoicesAndAUsageError() {
        assertEquals("--preset must be small, medium or large, not 'huge'",
                firstErrorLine(ExitCode.USAGE, "train", "book.txt", "--out", "m.zip", "--preset", "huge"));
        assertEquals("--mode must be stateful or window, not 'bidirectional'",
                firstErrorLine(ExitCode.USAGE, "train", "book.txt", "--out", "m.zip", "--mode", "bidirectional"));
        assertEquals("--modes: each must be stateful, window or bidirectional, not 'sideways'",
                firstErrorLine(ExitCode.USAGE, "compare", "book.txt", "--iterations", "5", "--modes", "window,sideways"));
        assertEquals("--tokens: each must be chars or words, not 'bytes'",
                firstErrorLine(ExitCode.USAGE, "compare", "book.txt", "--iterations", "5", "--tokens", "bytes"));
        assertEquals("--workload must be W1 or W2, not 'W9'", firstErrorLine(ExitCode.USAGE, "bench", "--workload", "W9"));
    }

    @Test
    void otherUsageErrorsKeepPicocliWords() {
        String said = firstErrorLine(ExitCode.USAGE, "train", "book.txt", "--out", "m.zip", "--layers", "two");
        assertTrue(said.startsWith("Invalid value for option '--layers'"), said);
        assertFalse(said.contains("must be"), said);
    }

    private static String firstErrorLine(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CharScopeCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(expected, status, err.toString());
        return err.toString().lines().findFirst().orElse("");
    }
}
