package org.charscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.export.FileDialogs;
import org.charscope.ui.session.SessionStore;
import org.charscope.ui.window.WindowLayout;

/** The main window as the TestFX tests start it: 1180 × 760, sessions in a test folder, the built-in text loading. */
public final class TestWindows {

    private TestWindows() {
    }

    public static MainWindow open(Stage stage, BookModel book, Path sessionDir, FileDialogs dialogs) {
        MainWindow window = new MainWindow(book, stage, new SessionStore(sessionDir), dialogs);
        window.show(new WindowLayout(0, 0, 1180, 760, false, Map.of(), null, List.of(), List.of()));
        book.openBuiltIn();
        return window;
    }
}
