package org.charscope.app.cli;

/** The command line's exit statuses, stable and documented in the README. */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** Unknown command or option, missing or malformed argument. */
    public static final int USAGE = 2;
    /** The input (a text, a model file) cannot be used; the message says why. */
    public static final int BAD_INPUT = 3;

    private ExitCode() {
    }
}
