package org.charscope.os;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** JVM options added to a command line that starts {@code java}. */
public final class JavaCommand {

    private JavaCommand() {
    }

    /**
     * Puts {@code options} into {@code command} right after the program, where JVM options go,
     * when that program is {@code java}; an option the command already sets (the same name before
     * any {@code =}) keeps the command's value: the app-image's relaunch passes on its launcher's.
     * Any other program (the app-image's launcher passes its arguments to the app) is left as it is.
     *
     * @return whether the command starts {@code java}
     */
    public static boolean addJvmOptions(List<String> command, List<String> options) {
        if (command.isEmpty()) {
            return false;
        }
        Path program = Path.of(command.get(0)).getFileName();
        if (program == null || !(program.toString().equals("java") || program.toString().equals("java.exe"))) {
            return false;
        }
        Set<String> present = new HashSet<>();
        for (String part : command) {
            present.add(name(part));
        }
        List<String> added = new ArrayList<>();
        for (String option : options) {
            if (!present.contains(name(option))) {
                added.add(option);
            }
        }
        command.addAll(1, added);
        return true;
    }

    /** {@code -XX:SharedArchiveFile} of {@code -XX:SharedArchiveFile=/a.jsa}; a flag without a value is its own name. */
    private static String name(String option) {
        int equals = option.indexOf('=');
        return equals < 0 ? option : option.substring(0, equals);
    }
}
