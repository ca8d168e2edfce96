package org.charscope.ui.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import javafx.util.Duration;
import org.charscope.io.Failures;
import org.charscope.text.Corpus;
import org.charscope.train.BadCheckpointException;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingRun;
import org.charscope.ui.background.DaemonThreads;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.samples.SampleEntry;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.TrainingController;

/**
 * Never loses a run: saves the model (a checkpoint) and the session (text, settings, loss
 * history, samples) every few minutes and when the window closes, and on the next start offers
 * to pick up where it was. Saving copies the run between two training steps and writes on a
 * background thread; the FX thread only starts it and hears when it is done.
 */
public final class SessionKeeper {

    /** Minutes between autosaves while a model is training. */
    public static final int AUTOSAVE_MINUTES = 3;

    private final SessionStore store;
    private final BookModel book;
    private final TrainingController training;
    private final DashboardModel dashboard;
    private final Consumer<String> tell;
    private final Executor background = DaemonThreads.single("charscope-session-writer");
    private final Timeline autosave;
    private CompletableFuture<Void> saving = CompletableFuture.completedFuture(null);

    /** @param tell shows a one-line message (saved, could not save, could not resume) */
    public SessionKeeper(SessionStore store, BookModel book, TrainingController training, DashboardModel dashboard,
                         Consumer<String> tell) {
        this.store = store;
        this.book = book;
        this.training = training;
        this.dashboard = dashboard;
        this.tell = tell;
        this.autosave = new Timeline(new KeyFrame(Duration.minutes(AUTOSAVE_MINUTES), e -> save()));
        autosave.setCycleCount(Timeline.INDEFINITE);
    }

    public void startAutosave() {
        autosave.play();
    }

    public void stopAutosave() {
        autosave.stop();
    }

    /**
     * Saves the model and the session when there is something to keep; completes (on some
     * thread) when both are on disk, exceptionally if they could not be written. FX thread.
     */
    public CompletableFuture<Void> save() {
        // a model opened without its text is already a file of the user's, and would not resume on the text loaded
        if (!training.hasProgress() || training.withoutTextProperty().get() || !saving.isDone()) {
            return saving;
        }
        SavedSession session = new SavedSession(SavedSession.VERSION, System.currentTimeMillis(),
                book.sourcesProperty().get().stream().map(Path::toString).toList(),
                training.settingsProperty().get(), dashboard.trainingRows(), dashboard.validationRows(),
                List.copyOf(dashboard.samples()));
        try {
            Files.createDirectories(store.folder());
        } catch (IOException e) {
            return failed("cannot create " + store.folder() + ": " + e.getMessage());
        }
        saving = training.trainer().saveCheckpoint(store.modelFile())
                .thenRunAsync(() -> {
                    try {
                        store.save(session);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, background)
                .whenComplete((ok, failure) -> Platform.runLater(() -> tell.accept(failure == null
                        ? String.format(Locale.ROOT, "session saved at iteration %,d", session.lastIteration())
                        : "could not save the session: " + Failures.oneLine(failure) + " (training goes on)")));
        return saving;
    }

    private CompletableFuture<Void> failed(String message) {
        tell.accept("could not save the session: " + message + " (training goes on)");
        return CompletableFuture.failedFuture(new IOException(message));
    }

    /**
     * If a session was saved, asks whether to resume it; on yes, opens its text, restores the
     * model (paused), the loss history and the samples. FX thread; reading happens in the background.
     */
    public void offerResume(Window owner) {
        CompletableFuture.supplyAsync(() -> {
            StringBuilder problem = new StringBuilder();
            Optional<SavedSession> session = store.load(problem);
            return session.filter(s -> Files.isRegularFile(store.modelFile()));
        }, background).thenAccept(found -> found.ifPresent(session -> Platform.runLater(() -> ask(owner, session))));
    }

    private void ask(Window owner, SavedSession session) {
        String text = session.texts().isEmpty() ? "the built-in sample text"
                : session.texts().stream().map(t -> Path.of(t).getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse("");
        ButtonType resume = new ButtonType("Resume", ButtonBar.ButtonData.OK_DONE);
        ButtonType fresh = new ButtonType("Start fresh", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert question = new Alert(Alert.AlertType.CONFIRMATION, String.format(Locale.ROOT,
                "Last time the model learned %s for %,d iterations. Continue where it stopped?", text,
                session.lastIteration()), resume, fresh);
        question.setHeaderText("Resume the last session?");
        question.initOwner(owner);
        question.getDialogPane().setId("resume-dialog");
        question.showAndWait().filter(resume::equals).ifPresent(yes -> restore(session));
    }

    private void restore(SavedSession session) {
        new PendingResume(session).listen();
        if (session.texts().isEmpty()) {
            book.openBuiltIn();
        } else {
            book.open(session.texts().stream().map(Path::of).toList());
        }
    }

    /** Waits for the session's text to load, then reads the model; gives up if the text cannot be opened. */
    private final class PendingResume {
        private final SavedSession session;
        private final ChangeListener<Corpus> onText = (obs, old, text) -> textLoaded(text);
        private final ChangeListener<String> onError = (obs, old, error) -> {
            if (error != null) {
                detach(); // the text is gone or unreadable: nothing to resume onto (the error is shown)
            }
        };

        PendingResume(SavedSession session) {
            this.session = session;
        }

        void listen() {
            book.corpusProperty().addListener(onText);
            book.lastErrorProperty().addListener(onError);
        }

        private void textLoaded(Corpus text) {
            detach();
            if (text != null) {
                readModel(session);
            }
        }

        private void detach() {
            book.corpusProperty().removeListener(onText);
            book.lastErrorProperty().removeListener(onError);
        }
    }

    private void readModel(SavedSession session) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return Checkpoint.read(store.modelFile());
            } catch (BadCheckpointException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).whenComplete((run, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                tell.accept("could not resume: " + Failures.oneLine(failure));
                return;
            }
            adopt(run, session);
        }));
    }

    private void adopt(TrainingRun run, SavedSession session) {
        if (!Arrays.equals(run.codePoints(), book.corpusProperty().get().vocabulary().codePoints())) {
            tell.accept("could not resume: the text has changed since the model was saved");
            return;
        }
        // The history first: restoring clears the event queue, which must not swallow the
        // resumed trainer's first report (its "paused").
        dashboard.restore(withCheckpointLosses(session.training(), run), session.validation(), session.samples(),
                run.iteration(), run.trainingMillis());
        try {
            training.resume(run, session.settings());
        } catch (IllegalArgumentException e) {
            tell.accept("could not resume: " + e.getMessage());
            return;
        }
        if (training.snapshots() != null) {
            training.snapshots().reloadSaved();
        }
        tell.accept(String.format(Locale.ROOT, "resumed at iteration %,d; press Resume to go on", run.iteration()));
    }

    /**
     * The saved loss rows, completed from the checkpoint's own per-iteration losses: the session
     * was written a moment before the model was copied, so the last few iterations may be missing
     * from it (their gradient norms are unknown: NaN, which the chart skips).
     */
    static double[][] withCheckpointLosses(double[][] rows, TrainingRun run) {
        long last = rows.length == 0 ? 0 : (long) rows[rows.length - 1][0];
        float[] losses = run.losses(); // [iteration] loss of iteration i+1
        List<double[]> all = new ArrayList<>(List.of(rows));
        for (long i = last + 1; i <= run.iteration() && i <= losses.length; i++) {
            double epoch = run.iteration() == 0 ? 0 : run.epoch() * i / run.iteration();
            all.add(new double[] {i, epoch, losses[(int) (i - 1)], Double.NaN});
        }
        return all.toArray(new double[0][]);
    }
}
