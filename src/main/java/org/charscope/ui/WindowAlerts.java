package org.charscope.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.charscope.ui.training.TrainingController;
import org.charscope.ui.training.TrainingControls;

/**
 * The window's own questions and error reports, each owned by its stage: whether a model that has
 * learned something may be thrown away, and what went wrong with a text or a model.
 */
final class WindowAlerts {

    private final Stage stage;
    private final TrainingController training;

    WindowAlerts(Stage stage, TrainingController training) {
        this.stage = stage;
        this.training = training;
    }

    /**
     * Asked before the model is replaced or reset (a new text has a new vocabulary, so needs a new
     * model): only a model that has learned something is worth the question.
     */
    boolean mayDiscardModel(String question) {
        return !training.hasProgress() || confirmDiscard(question);
    }

    /** Whether the person agrees to discard the current model, its loss history and its samples. */
    private boolean confirmDiscard(String question) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "The current model, its loss history and its samples will be discarded.",
                ButtonType.OK, ButtonType.CANCEL);
        ask.setHeaderText(question);
        ask.initOwner(stage);
        ask.getDialogPane().setId("confirm-discard");
        return ask.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    /** Shows an error without waiting; returned so that the caller can act when it closes. */
    Alert showError(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(stage);
        alert.getDialogPane().setId("error-dialog");
        alert.show();
        return alert;
    }

    /** Reset asks first when it would throw away a model that has learned something. */
    TrainingControls.Commands confirmingReset() {
        return new TrainingControls.Commands() {
            @Override
            public void start() {
                training.start();
            }

            @Override
            public void pause() {
                training.pause();
            }

            @Override
            public void resume() {
                training.resume();
            }

            @Override
            public void step() {
                training.step();
            }

            @Override
            public void stop() {
                training.stop();
            }

            @Override
            public void reset() {
                if (mayDiscardModel("Reset the model?")) {
                    training.reset();
                }
            }
        };
    }
}
