package org.charscope.app;

import org.charscope.app.cli.CharScopeCommand;

/**
 * Entry point of {@code charscope.jar}: no arguments opens the window on the built-in text;
 * arguments that are all existing files open the window on them (as a file manager or a desktop
 * file association passes them); anything else is the command line ({@code inspect},
 * {@code train}, ...).
 *
 * <p>This class must not extend {@code Application}: with JavaFX on the class path (as in
 * {@code java -jar}), the launcher refuses a main class that does.
 */
public final class Main {

    private Main() {
    }

    /** Set in the relaunched JVM's environment to the pid of the one that started it. */
    static final String RELAUNCHED_BY = "CHARSCOPE_RELAUNCHED_BY";

    public static void main(String[] args) {
        exitWithTheLauncherThatStartedUs();
        relaunchWithFastBlasKernelsIfNeeded();
        HeapReturn.apply();
        if (args.length > 0 && !allExistingFiles(args)) {
            System.exit(CharScopeCommand.run(args));
        }
        if (WindowBenchmark.requested() && Boolean.getBoolean("charscope.bench.headless")) {
            try {
                WindowBenchmark.headless();
            } catch (Exception e) {
                System.err.println("charscope: benchmark failed: " + e);
                System.exit(1);
            }
        }
        String noDisplay = DisplayCheck.problem();
        if (noDisplay != null) {
            System.err.println(noDisplay);
            System.exit(1);
        }
        CharScopeApp.launchWindow(args);
    }

    /**
     * In a relaunched JVM: when the first one dies without passing the word on (kill -9, which runs
     * no shutdown hook), exit as if interrupted, so that the process a person killed does not
     * leave a second one training on; {@code train} still saves on the way out.
     */
    private static void exitWithTheLauncherThatStartedUs() {
        String launcher = System.getenv(RELAUNCHED_BY);
        if (launcher == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(130)),
                    () -> System.exit(130));
        } catch (NumberFormatException e) {
            // not set by us: nothing to watch
        }
    }

    /**
     * ND4J's OpenBLAS 0.3.19 does not recognise recent CPUs and falls back to SSE3 kernels, 4–10×
     * slower; it reads {@code OPENBLAS_CORETYPE} only when it loads, which a running JVM cannot set
     * for itself. So when this CPU needs it, start again with it set (once: the child has it).
     * See docs/engine-performance.md.
     */
    private static void relaunchWithFastBlasKernelsIfNeeded() {
        if (Boolean.getBoolean("charscope.noRelaunch")) {
            return;
        }
        var again = org.charscope.model.NativeSetup.relaunchWithCoreType();
        if (again.isEmpty()) {
            return;
        }
        again.get().environment().put(RELAUNCHED_BY, Long.toString(ProcessHandle.current().pid()));
        try {
            Process child = again.get().inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy)); // Ctrl+C reaches the child too
            System.exit(child.waitFor());
        } catch (java.io.IOException | InterruptedException e) {
            // cannot start a second JVM: run here, slower, rather than not at all
        }
    }

    private static boolean allExistingFiles(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-") || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg))) {
                return false;
            }
        }
        return true;
    }
}
