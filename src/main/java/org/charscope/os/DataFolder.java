package org.charscope.os;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one folder where CharScope keeps what it writes for a user: the last session
 * ({@code last-session/}), downloaded books ({@code gutenberg/}). Every writer asks here:
 * <ul>
 *   <li>Linux (and any other Unix): {@code ~/.charscope}, where it always was;</li>
 *   <li>macOS: {@code ~/Library/Application Support/CharScope}, where Finder and Time Machine
 *       expect an app's data;</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\CharScope} (local, not roaming: sessions hold models of up
 *       to hundreds of MB), or {@code ~\AppData\Local\CharScope} when the variable is not set.</li>
 * </ul>
 * {@code -Dcharscope.home=DIR} overrides all of them: DIR itself is the folder (a second profile,
 * a portable copy, a test's temporary folder).
 */
public final class DataFolder {

    /** The system property that names the folder outright. */
    public static final String PROPERTY = "charscope.home";

    private DataFolder() {
    }

    /** The folder for this JVM's user, OS and {@code -Dcharscope.home}. */
    public static Path current() {
        return of(Os.current(), System.getProperty("user.home"), System.getenv(), System.getProperty(PROPERTY));
    }

    /**
     * The folder on {@code os} for a user whose home is {@code userHome}, given the environment
     * and the {@code charscope.home} setting ({@code override}, null or blank when not set).
     */
    public static Path of(Os os, String userHome, Map<String, String> environment, String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return switch (os) {
            case MAC -> Path.of(userHome, "Library", "Application Support", "CharScope");
            case WINDOWS -> {
                String local = environment.get("LOCALAPPDATA");
                yield local != null && !local.isBlank()
                        ? Path.of(local, "CharScope")
                        : Path.of(userHome, "AppData", "Local", "CharScope");
            }
            case LINUX, OTHER -> Path.of(userHome, ".charscope");
        };
    }
}
