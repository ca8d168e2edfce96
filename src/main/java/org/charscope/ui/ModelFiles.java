package org.charscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFolder;
import org.charscope.io.Failures;
import org.charscope.train.BadCheckpointException;
import org.charscope.train.Checkpoint;
import org.charscope.train.RunSettings;
import org.charscope.train.TrainingRun;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.export.ExportActions;
import org.charscope.ui.export.FileDialogs;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.SnapshotKeeping;
import org.charscope.ui.training.TrainingController;

/**
 * Saving the model to a file and opening one (Model ▸ Save, Model ▸ Open, and the offer to save
 * after training stopped on its own). A model opens to keep training when it learned the text that
 * is open, or alone, to sample and explore, when it learned another. Holds nothing but the parts
 * of the window it works with.
 */
record ModelFiles(Stage stage, BookModel book, TrainingController training, DashboardModel dashboard,
        ExportActions exports, FileDialogs dialogs, WindowAlerts alerts) {

    void save() {
        if (training.trainer() == null) {
            dashboard.say("no model yet: press Train or Step first");
            return;
        }
        Path file = exports.choose(WindowExports.bookName(book).replaceAll("\\.txt$", "") + "-model.zip",
                "CharScope model", "*.zip");
        if (file != null) {
            training.trainer().saveCheckpoint(file).whenComplete((ok, failure) -> Platform.runLater(() -> {
                dashboard.say(failure == null ? "saved " + file.getFileName()
                        : "could not save " + file.getFileName() + ": " + Failures.oneLine(failure));
                if (failure == null) {
                    offerSnapshots(file);
                }
            }));
        }
    }

    /** After a model is saved: asks whether its snapshots go beside it too, when it has some. */
    private void offerSnapshots(Path modelFile) {
        SnapshotKeeping keeping = training.snapshots();
        if (keeping == null) {
            return;
        }
        keeping.list().whenComplete((entries, failure) -> Platform.runLater(() -> {
            if (failure == null && !entries.isEmpty() && askToSaveSnapshots(entries, modelFile)) {
                SnapshotFolder target = SnapshotFolder.beside(modelFile);
                keeping.copyTo(target).whenComplete((n, copyFailure) -> Platform.runLater(() -> dashboard.say(
                        copyFailure == null ? String.format(Locale.ROOT, "saved %d snapshots in %s", n,
                                target.path().getFileName())
                                : "could not save the snapshots: " + Failures.oneLine(copyFailure))));
            }
        }));
    }

    private boolean askToSaveSnapshots(List<SnapshotEntry> entries, Path modelFile) {
        long bytes = entries.stream().mapToLong(SnapshotEntry::bytes).sum();
        ButtonType yes = new ButtonType("Save snapshots too", ButtonBar.ButtonData.YES);
        ButtonType no = new ButtonType("Model only", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, String.format(Locale.ROOT,
                "The run kept %d snapshots of its weights (%.1f MB), from iteration %,d to %,d: the Neurons tab "
                        + "scrubs through them. Save them beside the model, in %s?", entries.size(), bytes / 1e6,
                entries.get(0).iteration(), entries.get(entries.size() - 1).iteration(),
                SnapshotFolder.beside(modelFile).path().getFileName()), yes, no);
        ask.setHeaderText("Save the snapshots too?");
        ask.initOwner(stage);
        ask.getDialogPane().setId("save-snapshots-dialog");
        return ask.showAndWait().orElse(no) == yes;
    }

    /** Reads the chosen model in the background, then opens it on the FX thread. */
    void open() {
        if (!alerts.mayDiscardModel("Open another model?")) {
            return;
        }
        List<Path> picked = dialogs.open(stage, "Open a CharScope model", "CharScope model", "*.zip", false);
        if (picked.isEmpty()) {
            return;
        }
        Path chosen = picked.get(0);
        CompletableFuture.supplyAsync(() -> {
            try {
                return Checkpoint.read(chosen);
            } catch (BadCheckpointException | IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).whenComplete((run, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                alerts.showError("Could not open the model", Failures.oneLine(failure));
            } else {
                opened(chosen.getFileName().toString(), run);
                if (training.snapshots() != null) {
                    training.snapshots().bringFrom(SnapshotFolder.beside(chosen));
                }
            }
        }));
    }

    private void opened(String name, TrainingRun run) {
        var text = book.corpusProperty().get();
        boolean learnedThisText = text != null && Arrays.equals(run.codePoints(), text.vocabulary().codePoints());
        if (run.isSnapshot()) {   // weights only: no optimizer state to go on training with
            restoreHistory(run);
            training.openWithoutText(run, RunSettings.of(run, training.settingsProperty().get()));
            dashboard.say(String.format(Locale.ROOT, "opened %s, a snapshot of iteration %,d: sample it and explore "
                    + "it; to train, open the model it was taken from", name, run.iteration()));
            return;
        }
        if (!learnedThisText) {
            if (confirmOpenAlone(name, run.codePoints().length, text == null ? 0 : text.vocabulary().size())) {
                restoreHistory(run);
                training.openWithoutText(run, RunSettings.of(run, training.settingsProperty().get()));
                dashboard.say(String.format(Locale.ROOT, "opened %s alone (iteration %,d): sample it and "
                        + "explore it; to train it, open the text it learned", name, run.iteration()));
            }
            return;
        }
        restoreHistory(run);
        training.resume(run, RunSettings.of(run, training.settingsProperty().get()));
        dashboard.say(String.format(Locale.ROOT, "opened %s at iteration %,d; Resume to keep training",
                name, run.iteration()));
    }

    /** A fresh start with the model's validation history on the chart (a checkpoint keeps no training points). */
    private void restoreHistory(TrainingRun run) {
        training.reset();
        dashboard.restore(new double[0][], run.evaluations().stream().map(ev -> new double[] {ev.iteration(),
                0, ev.natsPerSymbol()}).toArray(double[][]::new), List.of(), run.iteration(), run.trainingMillis());
    }

    /** The model's symbols differ from the loaded text's: open it anyway, to sample and explore only? */
    private boolean confirmOpenAlone(String name, int modelSymbols, int textSymbols) {
        ButtonType alone = new ButtonType("Open to sample and explore", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, String.format(Locale.ROOT,
                "%s learned another text: it reads %d symbols, this text has %d. It can be opened alone to sample "
                        + "and explore it (type a passage in the Neurons tab); to keep training it, open the text it "
                        + "learned first, then the model.", name, modelSymbols, textSymbols), alone, ButtonType.CANCEL);
        ask.setHeaderText("This model learned another text");
        ask.initOwner(stage);
        ask.getDialogPane().setId("open-alone-dialog");
        return ask.showAndWait().orElse(ButtonType.CANCEL) == alone;
    }

    /**
     * Training stopped on its own (diverged, or the training thread failed): say why, and offer to
     * save the model as it was kept at the stop. The loss history and the samples stay on screen.
     */
    void offerToSaveAfterFailure(String reason) {
        ButtonType save = new ButtonType("Save model as…", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.ERROR, (reason == null || reason.isBlank() ? "" : reason + "\n\n")
                + "The loss history and the samples are kept. The model can be saved as it was when training stopped.",
                save, ButtonType.CLOSE);
        alert.setHeaderText("Training stopped");
        alert.initOwner(stage);
        alert.getDialogPane().setId("training-failed-dialog");
        alert.resultProperty().addListener((obs, old, chosen) -> {
            if (chosen == save) {
                Platform.runLater(this::save);
            }
        });
        alert.show();
    }
}
