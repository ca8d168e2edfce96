package org.charscope.os;

import java.util.Locale;

/**
 * The operating system family, which decides where user data lives ({@link DataFolder}), how a
 * JVM may be started again ({@code RelaunchEnvironment}) and which installer jpackage builds.
 */
public enum Os {
    LINUX, MAC, WINDOWS, OTHER;

    /** The family of an {@code os.name} value: "Linux", "Mac OS X", "Windows 11", ... */
    public static Os of(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return LINUX;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MAC;
        }
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        return OTHER;
    }

    /** This JVM's family. */
    public static Os current() {
        return of(System.getProperty("os.name"));
    }
}
