package org.charscope.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.charscope.ui.theme.Theme;

/**
 * {@code charscope --theme light|dark [FILE…]} (or {@code -Dcharscope.theme=…}): opens the window
 * in that theme for this start only. The option belongs to the window: with a command, or with
 * another value, the start is refused with one line (exit 2).
 *
 * @param rest    the arguments without the option: the files to open, or a command
 * @param theme   the theme asked for, or empty
 * @param problem the one line to print when the start is refused, or null
 */
record ThemeOption(String[] rest, Optional<Theme> theme, String problem) {

    static final String FLAG = "--theme";

    /** Reads {@code --theme X} or {@code --theme=X} off {@code args}, then checks the property. */
    static ThemeOption read(String[] args, String property) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String value = null;
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals(FLAG)) {
                rest.remove(i);
                value = i < rest.size() ? rest.remove(i) : "";
                break;
            }
            if (arg.startsWith(FLAG + "=")) {
                value = rest.remove(i).substring(FLAG.length() + 1);
                break;
            }
        }
        String[] left = rest.toArray(new String[0]);
        if (value == null) {
            if (property == null || !Main.allExistingFiles(left)) {
                return new ThemeOption(left, Optional.empty(), null); // a command ignores the property
            }
            return of(left, property, "-D" + Theme.PROPERTY);
        }
        if (!Main.allExistingFiles(left)) {
            return new ThemeOption(left, Optional.empty(), "charscope: " + FLAG
                    + " is for the window: give it alone or with text files, not with '" + left[0] + "'");
        }
        return of(left, value, FLAG);
    }

    private static ThemeOption of(String[] rest, String value, String given) {
        Optional<Theme> theme = Theme.parse(value);
        return theme.isPresent() ? new ThemeOption(rest, theme, null)
                : new ThemeOption(rest, theme, "charscope: " + given + " must be light or dark, not '" + value + "'");
    }
}
