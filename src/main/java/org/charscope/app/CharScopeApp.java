package org.charscope.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.session.SessionStore;

/** The JavaFX application: shows the window and opens the files it was given, or the built-in sample text. */
public final class CharScopeApp extends Application {

    static void launchWindow(String[] args) {
        Application.launch(CharScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BookModel book = new BookModel();
        MainWindow window = show(stage, book, SessionStore.inDataFolder());
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
     * benchmarks, in the test classes).
     */
    public static MainWindow show(Stage stage, BookModel book, SessionStore sessions) {
        MainWindow window = new MainWindow(book, stage, sessions);
        stage.setTitle("CharScope");
        var icon = CharScopeApp.class.getResourceAsStream("/assets/charscope-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(new Scene(window.root(), 1180, 760));
        stage.show();
        return window;
    }
}
