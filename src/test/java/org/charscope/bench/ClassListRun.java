package org.charscope.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Window;
import org.charscope.app.CharScopeApp;
import org.charscope.app.Main;

/**
 * The build's run that finds the classes of a first start, for the class-data archive
 * ({@code os/ClassDataArchive}; the pom's {@code class-data-archive} step): opens the window as a
 * first start does (what {@code Main} does first, then the built-in text in a fresh data folder), lets it draw for a while, and exits,
 * while the JVM writes down every class it loads ({@code -XX:DumpLoadedClassList}). Headless
 * (Monocle), so that a build needs no display; the few classes a real display loads instead of
 * Monocle's load as they always did. Exits 1 if no window showed within two minutes.
 *
 * <p>Not an {@code Application} itself, for the reason {@code Main} gives.
 */
public final class ClassListRun {

    /** How long the window draws before the run ends: its first frames, and the built-in text opened. */
    private static final long DRAWING_MILLIS = 2_500;

    private ClassListRun() {
    }

    public static void main(String[] args) {
        Main.prepareProcess();   // what every start does first (with -Dcharscope.noRelaunch=true: no second JVM)
        Thread watcher = new Thread(ClassListRun::exitOnceDrawn, "class-list-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Application.launch(CharScopeApp.class);
    }

    private static void exitOnceDrawn() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try {
            while (!windowShows()) {
                if (System.nanoTime() > deadline) {
                    System.err.println("class list: no window showed");
                    System.exit(1);
                }
                Thread.sleep(100);
            }
            Thread.sleep(DRAWING_MILLIS);
            System.exit(0);
        } catch (Exception e) {
            System.err.println("class list: " + e);
            System.exit(1);
        }
    }

    /** Whether a window shows; false while JavaFX is still starting. */
    private static boolean windowShows() throws Exception {
        CompletableFuture<Boolean> shows = new CompletableFuture<>();
        try {
            Platform.runLater(() -> shows.complete(Window.getWindows().stream().anyMatch(Window::isShowing)));
        } catch (IllegalStateException notStartedYet) {
            return false;
        }
        return shows.get(30, TimeUnit.SECONDS);
    }
}
