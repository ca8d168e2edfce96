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

/** The JavaFX application: builds the window and opens the files it was given, or the built-in sample text. */
public final class CharScopeApp extends Application {

    static void launchWindow(String[] args) {
        Application.launch(CharScopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BookModel book = new BookModel();
        MainWindow window = new MainWindow(book, stage, SessionStore.inUserHome());
        stage.setTitle("CharScope");
        var icon = CharScopeApp.class.getResourceAsStream("/assets/charscope-256.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        Scene scene = new Scene(window.root(), 1180, 760);
        stage.setScene(scene);
        stage.show();
        boolean benchmark = WindowBenchmark.requested() || ScrubBenchmark.requested();
        if (WindowBenchmark.requested()) {
            WindowBenchmark.run(window, book);
        } else if (ScrubBenchmark.requested()) {
            ScrubBenchmark.run(window, book, scene);
        }
        List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
        if (files.isEmpty()) {
            book.openBuiltIn();
            if (!benchmark) {
                window.offerResume();
            }
        } else {
            book.open(files);
        }
    }
}
