package org.charscope.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.charscope.gutenberg.GutenbergClient;
import org.charscope.ui.book.BookFactsView;
import org.charscope.ui.gutenberg.GutenbergDialog;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.book.TextPreview;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: menus, the loaded book's facts beside a preview of its text, and a status
 * bar with the loading progress. Text files dropped anywhere on the window are opened.
 */
public final class MainWindow {

    private final BookModel book;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    /** One client for the whole app: it holds an HTTP client and its connection pool. */
    private final GutenbergClient gutenbergClient = new GutenbergClient();

    public MainWindow(BookModel book, Stage stage) {
        this.book = book;
        this.stage = stage;
        root.setId("main-window");
        root.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        root.setTop(menuBar());
        root.setCenter(content());
        root.setBottom(statusBar());
        acceptDroppedFiles();
        book.lastErrorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                showError(message);
            }
        });
    }

    public Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…", new FontIcon("mdi2f-folder-open-outline"));
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFiles());
        open.disableProperty().bind(book.loadingProperty());
        MenuItem gutenberg = new MenuItem("Open from Project Gutenberg…", new FontIcon("mdi2b-book-open-page-variant-outline"));
        gutenberg.setId("menu-gutenberg");
        gutenberg.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        gutenberg.setOnAction(e -> new GutenbergDialog(gutenbergClient, file -> book.open(List.of(file))).show(stage));
        gutenberg.disableProperty().bind(book.loadingProperty());
        MenuItem sample = new MenuItem("Open built-in sample");
        sample.setOnAction(e -> book.openBuiltIn());
        sample.disableProperty().bind(book.loadingProperty());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        Menu file = new Menu("File", null, open, gutenberg, sample, quit);
        file.setId("menu-file");
        return new MenuBar(file);
    }

    private Parent content() {
        Label hint = new Label("Drop one or more Project Gutenberg .txt files anywhere on this window, "
                + "or use File ▸ Open.");
        hint.getStyleClass().add("hint");
        VBox left = new VBox(12, new BookFactsView(book), hint);
        left.getStyleClass().add("side-panel");
        SplitPane split = new SplitPane(left, new TextPreview(book));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.34);
        return split;
    }

    private StatusBar statusBar() {
        StatusBar status = new StatusBar();
        status.setId("status-bar");
        status.textProperty().bind(book.statusProperty());
        status.progressProperty().bind(book.progressProperty());
        return status;
    }

    private void acceptDroppedFiles() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && !book.loadingProperty().get()) {
                event.acceptTransferModes(TransferMode.COPY);
                root.pseudoClassStateChanged(Styles.DRAG_OVER, true);
            }
            event.consume();
        });
        root.setOnDragExited(event -> root.pseudoClassStateChanged(Styles.DRAG_OVER, false));
        root.setOnDragDropped(event -> {
            boolean accepted = event.getDragboard().hasFiles();
            if (accepted) {
                book.open(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open text files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Text files", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null && !chosen.isEmpty()) {
            List<Path> paths = chosen.stream().map(File::toPath).toList();
            book.open(paths);
        }
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("Could not open the text");
        alert.initOwner(stage);
        alert.getDialogPane().setId("error-dialog");
        alert.setOnHidden(e -> book.clearError());
        alert.show();
    }
}
