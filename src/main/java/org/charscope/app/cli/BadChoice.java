package org.charscope.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * A value that is none of an enum option's choices, said the way the README spells the choices:
 * {@code --cell must be lstm, gru or rnn, not 'tree'}, one line, where picocli would say
 * "expected one of [LSTM, GRU, RNN] (case-insensitive)". picocli still parses (case-insensitive)
 * and still makes it a usage error (exit 2); only the words change. The choices are the option's
 * label ({@code paramLabel = "lstm|gru|rnn"}), so the help and the error name them alike.
 */
final class BadChoice {

    private BadChoice() {
    }

    /** {@code e} in these words when it is a bad enum value, else {@code e} itself. */
    static ParameterException reworded(ParameterException e) {
        ArgSpec arg = e.getArgSpec();
        if (!(e.getCause() instanceof TypeConversionException) || !(arg instanceof OptionSpec option)
                || enumType(arg) == null) {
            return e;
        }
        String choices = sentence(choices(option));
        String said = option.isMultiValue() ? option.longestName() + ": each must be " : option.longestName() + " must be ";
        return new ParameterException(e.getCommandLine(), said + choices + ", not '" + e.getValue() + "'", e, arg,
                e.getValue());
    }

    /** The enum an option takes, alone or in a list; null when it takes something else. */
    static Class<?> enumType(ArgSpec arg) {
        if (arg.type().isEnum()) {
            return arg.type();
        }
        Class<?>[] elements = arg.auxiliaryTypes();
        return arg.isMultiValue() && elements.length == 1 && elements[0].isEnum() ? elements[0] : null;
    }

    /** The choices as the option's label spells them ("lstm|gru|rnn"), else the constants in lower case. */
    static List<String> choices(OptionSpec option) {
        String label = option.paramLabel();
        if (label.contains("|")) {
            return List.of(label.split("\\|"));
        }
        List<String> names = new ArrayList<>();
        for (Object constant : enumType(option).getEnumConstants()) {
            names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** "a", "a or b", "a, b or c". */
    private static String sentence(List<String> words) {
        int last = words.size() - 1;
        return last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " or " + words.get(last);
    }
}
