package org.charscope.ui.gutenberg;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.charscope.gutenberg.BookNumber;
import org.charscope.gutenberg.CancelToken;
import org.charscope.gutenberg.DownloadCancelledException;
import org.charscope.gutenberg.DownloadException;
import org.charscope.gutenberg.GutenbergClient;
import org.charscope.text.ByteCount;

/**
 * The state of the dialog: what was typed, whether a download runs, how far it got, what went
 * wrong. The download runs on its own thread; the properties change on the FX Application Thread
 * only, so the dialog binds to them directly and never waits.
 */
final class GutenbergDownload {

    private final GutenbergClient client;
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private CancelToken cancel;

    GutenbergDownload(GutenbergClient client) {
        this.client = client;
    }

    /**
     * Downloads the book named by {@link #inputProperty()}, or says at once why the input names
     * none. Does nothing while a download runs.
     *
     * @param onDownloaded given the cached file, on the FX thread, when the whole book is there
     */
    void start(Consumer<Path> onDownloaded) {
        if (running.get()) {
            return;
        }
        BookNumber number;
        try {
            number = BookNumber.parse(input.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        cancel = new CancelToken();
        Task<Path> task = new FetchTask(number, cancel);
        error.set("");
        status.set("Downloading book " + number + "…");
        running.set(true);
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            finish("Downloaded book " + number);
            onDownloaded.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            Throwable failure = task.getException();
            if (failure instanceof DownloadCancelledException) {
                finish("Cancelled");
            } else {
                finish("");
                error.set(failure instanceof DownloadException
                        ? failure.getMessage()
                        : "book " + number + " could not be downloaded: " + failure);
            }
        });
        Thread thread = new Thread(task, "charscope-gutenberg-download");
        thread.setDaemon(true); // a download must not keep the app alive after its window closed
        thread.start();
    }

    /** Stops the running download promptly; nothing is kept. Does nothing when none runs. */
    void cancel() {
        if (running.get() && cancel != null) {
            cancel.cancel();
        }
    }

    private void finish(String statusText) {
        progress.unbind();
        status.unbind();
        progress.set(0);
        status.set(statusText);
        running.set(false);
    }

    /** A book number or gutenberg.org address, as typed. */
    StringProperty inputProperty() {
        return input;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1 while the size is known; -1 (indeterminate) while it is not. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "120 KB of 700 KB", or how the last download ended. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The one-line message of the last failure, or "". */
    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Runs the client off the FX thread; Task hands progress over to the FX thread, coalesced. */
    private final class FetchTask extends Task<Path> {
        private final BookNumber number;
        private final CancelToken token;

        FetchTask(BookNumber number, CancelToken token) {
            this.number = number;
            this.token = token;
        }

        @Override
        protected Path call() throws DownloadException {
            updateMessage("Connecting…");
            return client.fetch(number, (done, total) -> {
                updateProgress(done, total); // a total of -1 makes the bar indeterminate
                updateMessage(total < 0 ? ByteCount.format(done)
                        : ByteCount.format(done) + " of " + ByteCount.format(total));
            }, token);
        }
    }
}
