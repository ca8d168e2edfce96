package org.charscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.charscope.train.Checkpoint;
import org.charscope.ui.MainWindow;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.TestWindows;
import org.charscope.ui.TinyRun;
import org.charscope.ui.book.BookModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * When training stops on its own (the training thread failed, or the loss diverged), the window
 * says why, keeps the loss history and the samples, and offers to save the model it had. The
 * failure is the event the trainer's bridge sends for {@code Stop.Reason.ERROR}; the model behind
 * it is a real one, trained and stopped.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingFailureTest {

    @TempDir
    Path sessionDir;

    @TempDir
    Path out;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BookModel book;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, dialogs);
    }

    @Test
    void aFailedRunSaysWhyKeepsItsHistoryAndOffersToSaveTheModel(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TinyRun.settings(robot);
        robot.clickOn("#train-step");
        waitFor(30, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == 1);
        robot.clickOn("#train-step");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == 2);
        robot.interact(() -> window.training().trainer().stop());
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.STOPPED);

        robot.interact(() -> window.dashboard().events().stateChanged(RunState.FAILED,
                "training failed at iteration 2: java.lang.IllegalStateException: out of native memory"));

        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#training-failed-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#training-failed-dialog").queryAs(DialogPane.class);
        assertEquals("Training stopped", dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("out of native memory"), dialog.getContentText());
        assertEquals("failed", robot.lookup("#run-state").queryAs(Label.class).getText());
        assertEquals(2, window.dashboard().history().trainingPoints(), "the loss history is kept");
        org.charscope.ui.Screenshots.save(robot, dialog, Path.of("target", "screenshots", "training-failed.png"));

        Path saved = out.resolve("rescued.zip");
        dialogs.answer(saved);
        robot.clickOn(robot.from(dialog).lookup("Save model as…").queryButton());
        waitFor(20, TimeUnit.SECONDS, () -> ("saved rescued.zip").equals(
                robot.lookup("#status-message").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, Checkpoint.read(saved).iteration(), "the model it had, saved after the stop");
        // its snapshots (iteration 0, and 2 at the stop) are offered too; the model alone is enough here
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#save-snapshots-dialog").tryQuery().isPresent());
        DialogPane offer = robot.lookup("#save-snapshots-dialog").queryAs(DialogPane.class);
        robot.clickOn(robot.from(offer).lookup("Model only").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(out.resolve("rescued.snapshots")), "the model only, as asked");
    }

    @Test
    void aNanInTheWeightsIsUndoneAndTheStatusLineSaysSo(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TinyRun.settings(robot);
        robot.clickOn("#train-step");
        waitFor(30, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == 1);
        window.training().trainer().installHook(new org.charscope.train.FaultHook(java.util.List.of(
                org.charscope.train.Fault.nan(org.charscope.train.Fault.Target.WEIGHTS, i -> i == 1))));
        robot.clickOn("#train-step");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#status-message").queryAs(Label.class).getText();
        assertEquals("iteration 2: weights, loss or gradients were not finite; went back to the last good "
                + "weights and halved the learning rate (now ×0.5)", status);
        robot.clickOn("#train-step");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == 3);
        TrainingRunCheck.assertFinite(window.training().trainer().snapshot().get(20, TimeUnit.SECONDS).parameters());
    }

    /** The weights a run kept, every one finite. */
    private static final class TrainingRunCheck {
        static void assertFinite(float[] weights) {
            for (float w : weights) {
                assertTrue(Float.isFinite(w), "a weight is " + w);
            }
        }
    }
}
