package org.charscope.bench;

import javafx.application.Application;
import javafx.stage.Stage;
import org.charscope.app.CharScopeApp;
import org.charscope.app.Main;
import org.charscope.ui.MainWindow;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.session.SessionStore;

/**
 * Entry point of the window benchmarks ({@code .ci/bench-window}, {@code .ci/bench-scrub}, and the
 * soak trial): the app's window with a benchmark hooked in, run from the test classes beside the
 * packaged app, so that the shipped jar holds no harness.
 * <pre>
 *   java -cp "target/test-classes:target/charscope.jar:target/lib/*" -Dcharscope.bench.seconds=60 \
 *       org.charscope.bench.BenchmarkMain
 * </pre>
 * System properties choose the benchmark: {@code charscope.bench.seconds} the window benchmark
 * ({@link WindowBenchmark}; with {@code charscope.bench.headless=true} the same training without a
 * window), {@code charscope.bench.scrub} the explorer's frame benchmark ({@link ScrubBenchmark}),
 * {@code charscope.bench.snapshots} the snapshot reading benchmark ({@link SnapshotReadBenchmark}, no window).
 *
 * <p>Not an {@code Application} itself, for the reason {@link Main} gives.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        // as the app starts: the figures must be the app's (fast BLAS kernels, the heap handed back)
        Main.prepareProcess();
        if (SnapshotReadBenchmark.requested()) {
            try {
                SnapshotReadBenchmark.run();
            } catch (Exception e) {
                System.err.println("charscope: benchmark failed: " + e);
                System.exit(1);
            }
        }
        if (!WindowBenchmark.requested() && !ScrubBenchmark.requested()) {
            System.err.println("BenchmarkMain: say which benchmark: -Dcharscope.bench.seconds=S "
                    + "(the window benchmark), -Dcharscope.bench.scrub=S (the explorer's frames) or "
                    + "-Dcharscope.bench.snapshots=PRESETS (reading snapshots, no window)");
            System.exit(2);
        }
        if (WindowBenchmark.requested() && Boolean.getBoolean("charscope.bench.headless")) {
            try {
                WindowBenchmark.headless();
            } catch (Exception e) {
                System.err.println("charscope: benchmark failed: " + e);
                System.exit(1);
            }
        }
        Application.launch(BenchmarkWindow.class, args);
    }

    /** The app's window on its built-in text, the benchmark hooked in before the text opens; no saved session is offered. */
    public static final class BenchmarkWindow extends Application {

        @Override
        public void start(Stage stage) {
            BookModel book = new BookModel();
            MainWindow window = CharScopeApp.show(stage, book, SessionStore.inDataFolder());
            if (WindowBenchmark.requested()) {
                WindowBenchmark.run(window, book);
            } else {
                ScrubBenchmark.run(window, book, stage.getScene());
            }
            book.openBuiltIn();
        }
    }
}
