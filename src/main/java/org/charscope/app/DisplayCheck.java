package org.charscope.app;

import org.charscope.os.Os;

/**
 * Says plainly when a window cannot open, instead of JavaFX's stack trace from deep inside
 * its GTK start-up: on Linux without {@code DISPLAY} or {@code WAYLAND_DISPLAY} (a server, a
 * container, an SSH session).
 */
final class DisplayCheck {

    private DisplayCheck() {
    }

    /** A one-line explanation with what to do, or null when a window can open. */
    static String problem() {
        boolean linux = Os.current() == Os.LINUX;
        boolean headlessPlatform = "Monocle".equals(System.getProperty("glass.platform"));
        if (!linux || headlessPlatform || present("DISPLAY") || present("WAYLAND_DISPLAY")) {
            return null;
        }
        return "CharScope needs a display to open its window, and DISPLAY is not set. "
                + "On a machine without a screen run .ci/app-in-xvfb (it installs Xvfb and starts the app in it), "
                + "or use the command line: java -jar target/charscope.jar --help";
    }

    private static boolean present(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }
}
