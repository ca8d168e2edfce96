package org.charscope.app;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.export.FileDialogs;
import org.charscope.ui.session.SessionStore;
import org.charscope.ui.theme.AppearanceFile;
import org.charscope.ui.theme.Theme;
import org.charscope.ui.theme.ViewSettings;
import org.charscope.ui.window.WindowLayout;
import org.kordamp.ikonli.javafx.IkonResolver;

/** The JavaFX application: shows the window and opens the files it was given, or the built-in sample text. */
public final class CharScopeApp extends Application {

    private SessionStore sessions;
    private ViewSettings look = ViewSettings.defaults();
    private WindowLayout remembered = WindowLayout.firstStart();

    /** What the start reads before the window is built, begun as JavaFX starts; null when launched otherwise. */
    private static volatile CompletableFuture<StartFiles> startFiles;

    /** The remembered look and layout, and where sessions are kept. */
    private record StartFiles(SessionStore sessions, ViewSettings look, WindowLayout layout) {
        static StartFiles read() {
            SessionStore sessions = SessionStore.inDataFolder();
            return new StartFiles(sessions, AppearanceFile.in(sessions.folder()).read(),
                    WindowLayout.readFrom(sessions.folder()));
        }
    }

    /**
     * Starts JavaFX and, meanwhile, on a thread of their own, settles the process
     * ({@link Main#settleProcess}), reads the start's files and loads the icon fonts' handlers
     * (IkonResolver finds some thirty of them): JavaFX's own start keeps one core busy for a
     * quarter of a second, and these would otherwise wait for it.
     */
    static void launchWindow(String[] args) {
        ExecutorService reader = DaemonThreads.single("charscope-start");
        startFiles = CompletableFuture.supplyAsync(() -> {
            Main.settleProcess();
            StartFiles files = StartFiles.read();
            IkonResolver.getInstance();
            return files;
        }, reader);
        reader.shutdown();   // its one job still runs
        Application.launch(CharScopeApp.class, args);
    }

    /** Takes the remembered look and layout here, on the launcher thread, so the FX thread never waits on the disk. */
    @Override
    public void init() {
        CompletableFuture<StartFiles> begun = startFiles;
        StartFiles files = begun != null ? begun.join() : StartFiles.read();
        sessions = files.sessions();
        look = files.look();
        remembered = files.layout();
    }

    @Override
    public void start(Stage stage) {
        BookModel book = new BookModel();
        MainWindow window = show(stage, book, sessions, look, remembered);
        List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
        if (files.isEmpty()) {
            book.openBuiltIn();
            window.offerResume();
        } else {
            book.open(files);
        }
    }

    /**
     * Builds the main window on {@code stage} and shows it, before any text is open. Public for
     * tools that start the app from outside it and hook in before the text opens (the window
     * benchmarks, in the test classes), which pass the defaults: a first start.
     */
    public static MainWindow show(Stage stage, BookModel book, SessionStore sessions) {
        return show(stage, book, sessions, ViewSettings.defaults(), WindowLayout.firstStart());
    }

    private static MainWindow show(Stage stage, BookModel book, SessionStore sessions, ViewSettings look,
                                   WindowLayout remembered) {
        Theme.fromProperty().orElse(look.theme()).install();   // before the first control: no Modena
        MainWindow window = new MainWindow(book, stage, sessions, FileDialogs.system(), look);
        stage.setTitle("CharScope");
        addIconWhenDecoded(stage);
        window.show(remembered);
        return window;
    }

    /** Decodes the window's icon on a thread of its own (a 256-pixel PNG: some 60 ms of the first frame otherwise). */
    private static void addIconWhenDecoded(Stage stage) {
        ExecutorService decoder = DaemonThreads.single("charscope-icon");
        CompletableFuture.supplyAsync(() -> {
            InputStream icon = CharScopeApp.class.getResourceAsStream("/assets/charscope-256.png");
            return icon == null ? null : new Image(icon);
        }, decoder).thenAccept(image -> {
            if (image != null && !image.isError()) {
                Platform.runLater(() -> stage.getIcons().add(image));
            }
        });
        decoder.shutdown();   // its one job still runs
    }
}
