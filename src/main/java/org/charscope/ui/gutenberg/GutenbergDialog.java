package org.charscope.ui.gutenberg;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.charscope.gutenberg.BookNumber;
import org.charscope.gutenberg.GutenbergClient;

/**
 * "Open from Project Gutenberg…": a small window where a person types a book number or pastes a
 * gutenberg.org address (or picks a classic), watches it download, and can cancel. When the
 * book is in the cache the window closes and hands the file on, to be opened like any other.
 *
 * <pre>
 * new GutenbergDialog(new GutenbergClient(), file -> bookModel.open(List.of(file))).show(stage);
 * </pre>
 */
public final class GutenbergDialog {

    private final GutenbergDownload download;
    private final Consumer<Path> onDownloaded;

    /**
     * @param client       downloads and caches; {@code new GutenbergClient()} for gutenberg.org
     * @param onDownloaded given the cached {@code pgN.txt} on the FX thread, after the window closed
     */
    public GutenbergDialog(GutenbergClient client, Consumer<Path> onDownloaded) {
        this.download = new GutenbergDownload(client);
        this.onDownloaded = onDownloaded;
    }

    /** Opens the window over {@code owner} and returns at once; the owner is blocked while it is open. */
    public void show(Window owner) {
        open(owner);
    }

    /**
     * Opens the window already downloading {@code book} (a classic picked elsewhere with one click):
     * the person sees its progress and can cancel; a cached book opens at once.
     */
    public void showDownloading(Window owner, BookNumber book) {
        Consumer<Path> done = open(owner);
        download.inputProperty().set(book.toString());
        download.start(done);
    }

    /** Shows the window; returns what a finished download does (close it, then hand the file on). */
    private Consumer<Path> open(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Open from Project Gutenberg");
        Consumer<Path> done = file -> {
            stage.close();
            onDownloaded.accept(file);
        };
        GutenbergPane pane = new GutenbergPane(download, done, stage::close);
        Scene scene = new Scene(pane);
        scene.getStylesheets().addAll(
                GutenbergDialog.class.getResource("/org/charscope/ui/charscope.css").toExternalForm(),
                GutenbergDialog.class.getResource("gutenberg.css").toExternalForm());
        stage.setScene(scene);
        download.errorProperty().addListener((obs, old, message) -> stage.sizeToScene()); // room for a long one
        stage.setOnHidden(e -> download.cancel()); // closing the window must not leave a download running
        stage.show();
        return done;
    }
}
