package org.charscope.ui.explorer;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.charscope.explore.ReadProgress;

/**
 * Run, Cancel, a progress bar and a status line for a reading of the whole book on a thread of
 * its own (the hypothesis test, the match search). Starting a reading drops one still going; the
 * bar moves once a percent, handed to the FX thread; Cancel stops the reading between two batches.
 * The controls are made and used on the FX thread.
 */
final class BookReadingControls {

    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param id    the ids' prefix: {@code id-run}, {@code id-cancel}, {@code id-progress}, {@code id-status}
     * @param hint  the status line before the first run
     * @param onRun what Run does
     */
    BookReadingControls(String id, String hint, Runnable onRun) {
        run.setId(id + "-run");
        run.setOnAction(e -> onRun.run());
        run.disableProperty().bind(running);
        cancel.setId(id + "-cancel");
        cancel.setOnAction(e -> cancelled.set(true));
        cancel.disableProperty().bind(running.not());
        progress.setId(id + "-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId(id + "-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        status.setText(hint);
    }

    /** Run and Cancel, the bar, the status line. */
    VBox box() {
        return new VBox(4, new HBox(4, run, cancel), progress, status);
    }

    /** A reading starts, saying {@code what}: the one still going is dropped; the progress to give the new one. */
    ReadProgress start(String what) {
        cancelled.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.setProgress(0);
        status.setText(what);
        return new ReadProgress() {
            private long shownPercent = -1;

            @Override
            public void update(long stepsDone, long stepsTotal) {
                long percent = 100 * stepsDone / Math.max(1, stepsTotal);
                if (percent != shownPercent) {
                    shownPercent = percent;
                    Platform.runLater(() -> progress.setProgress(percent / 100.0));
                }
            }

            @Override
            public boolean isCancelled() {
                return stop.get();
            }
        };
    }

    /** The reading ended: {@code failure} null when it went well, else the bar is emptied and the line says why (or "Cancelled."). */
    void end(ReadProgress reading, String failure, String text) {
        running.set(false);
        if (failure != null) {
            progress.setProgress(0);
            status.setText(reading.isCancelled() ? "Cancelled." : failure);
        } else {
            progress.setProgress(1);
            status.setText(text);
        }
    }

    /** One line in the status, e.g. why a reading cannot start. */
    void say(String text) {
        status.setText(text);
    }
}
