package org.charscope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.charscope.app.cli.CharScopeCommand;
import org.charscope.app.cli.ExitCode;
import org.charscope.model.NativeSetup;
import org.charscope.os.ClassDataArchive;
import org.charscope.os.JavaCommand;
import org.charscope.os.StartupJit;
import org.charscope.ui.theme.Theme;

/**
 * Entry point of {@code charscope.jar}: no arguments opens the window on the built-in text;
 * arguments that are all existing files open the window on them (as a file manager or a desktop
 * file association passes them), after an optional {@code --theme light|dark} ({@link ThemeOption});
 * anything else is the command line ({@code inspect},
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

    public static void main(String[] arguments) {
        ThemeOption themeOption = ThemeOption.read(arguments, System.getProperty(Theme.PROPERTY));
        boolean window = themeOption.problem() == null
                && (themeOption.rest().length == 0 || allExistingFiles(themeOption.rest()));
        prepareProcess(window);
        if (themeOption.problem() != null) {
            System.err.println(themeOption.problem());
            System.exit(ExitCode.USAGE);
        }
        // the window reads the theme of this start from the property
        themeOption.theme().ifPresent(theme -> System.setProperty(Theme.PROPERTY, theme.word()));
        String[] args = themeOption.rest();
        if (args.length > 0 && !allExistingFiles(args)) {
            System.exit(CharScopeCommand.run(args));
        }
        String noDisplay = DisplayCheck.problem();
        if (noDisplay != null) {
            System.err.println(noDisplay);
            System.exit(1);
        }
        CharScopeApp.launchWindow(args);
    }

    /**
     * What every start of CharScope does first, window or command line: follow the launcher that
     * started us, start again with the fast BLAS kernels when this CPU needs them, hand back unused
     * heap. Public for the launchers that start the app from the test classes (the window
     * benchmarks), whose figures must be the app's.
     */
    public static void prepareProcess() {
        prepareProcess(false);
    }

    /**
     * @param window whether this start opens the window: a relaunch then gets the window's JVM
     *               options ({@link #windowJvmOptions}), and {@link #settleProcess} is left to the
     *               window's start thread
     */
    static void prepareProcess(boolean window) {
        relaunchWithFastBlasKernelsIfNeeded(window);
        if (!window) {
            settleProcess();
        }
    }

    /**
     * What a start does once it runs in the JVM that stays: follow the launcher that started it,
     * hand back unused heap. A window's start does it on a thread of its own while JavaFX starts
     * ({@link CharScopeApp#launchWindow}): some 30 ms of the first frame otherwise, mostly loading
     * the management classes HeapReturn sets its flags with.
     */
    static void settleProcess() {
        exitWithTheLauncherThatStartedUs();
        HeapReturn.apply();
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
     * for itself. So when this CPU needs it, start again with it set (once: the child has it);
     * on Linux x86-64 only, where it is needed and can be done ({@code RelaunchEnvironment},
     * docs/platforms.md). See docs/engine-performance.md.
     */
    private static void relaunchWithFastBlasKernelsIfNeeded(boolean window) {
        if (Boolean.getBoolean("charscope.noRelaunch")) {
            return;
        }
        var again = NativeSetup.relaunchWithCoreType();
        if (again.isEmpty()) {
            return;
        }
        again.get().environment().put(RELAUNCHED_BY, Long.toString(ProcessHandle.current().pid()));
        // the jar's relaunch; or an app-image's under jpackage's launcher (the Linux one has its own,
        // src/main/linux/launcher.sh, and needs none), whose archive options stay: only what is missing is added
        if (window) {
            JavaCommand.addJvmOptions(again.get().command(), windowJvmOptions());
        }
        try {
            Process child = again.get().inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy)); // Ctrl+C reaches the child too
            System.exit(child.waitFor());
        } catch (IOException | InterruptedException e) {
            // cannot start a second JVM: run here, slower, rather than not at all
        }
    }

    /**
     * The options of a window's JVM: the JIT's ({@link StartupJit}) and the build's class-data
     * archive, where there is one beside the jar ({@link ClassDataArchive}).
     */
    private static List<String> windowJvmOptions() {
        List<String> options = new ArrayList<>(StartupJit.JVM_OPTIONS);
        Optional<Path> archive = ClassDataArchive.ofThisApp();
        if (archive.isPresent()) {
            options.addAll(ClassDataArchive.jvmOptions(archive.get()));
        }
        return options;
    }

    static boolean allExistingFiles(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("-") || !Files.isRegularFile(Path.of(arg))) {
                return false;
            }
        }
        return true;
    }
}
