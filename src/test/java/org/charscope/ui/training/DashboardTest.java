package org.charscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.Screenshots;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.TestWindows;
import org.charscope.ui.TinyRun;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.session.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Training a tiny model on the built-in text through the window, as a person would: type the
 * settings, press Train, watch the chart and the timeline fill, pause, resume, stop.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardTest {

    @TempDir
    Path sessionDir;

    private BookModel book;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, new ScriptedDialogs());
    }

    private void type(FxRobot robot, String id, String text) {
        TinyRun.type(robot, id, text);
    }

    private long iterationShown(FxRobot robot) {
        String text = robot.lookup("#status-iteration").queryAs(Label.class).getText(); // "iteration 1,234 / 400"
        return Long.parseLong(text.replaceAll("^iteration ([0-9,]+).*$", "$1").replace(",", ""));
    }

    private void tinySettings(FxRobot robot) {
        TinyRun.settings(robot);
    }

    @Test
    void trainingFillsTheChartAndTimelineAndObeysPauseResumeStop(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        tinySettings(robot);
        assertEquals(32, window.training().settingsProperty().get().hidden(), "typed settings apply while there is no model");

        robot.clickOn("#train-start");

        waitFor(60, TimeUnit.SECONDS, () -> window.dashboard().history().trainingPoints() >= 40
                && !window.dashboard().samples().isEmpty() && window.dashboard().history().hasValidation());
        ListView<?> timeline = robot.lookup("#sample-timeline").queryAs(ListView.class);
        assertTrue(timeline.getItems().size() >= 1, "a sample appeared in the timeline");
        assertEquals("training", robot.lookup("#run-state").queryAs(Label.class).getText().replace("evaluating", "training"));

        robot.clickOn("#train-pause");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.PAUSED);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        long paused = iterationShown(robot);
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, iterationShown(robot), "no iterations while paused");
        assertEquals("paused", robot.lookup("#run-state").queryAs(Label.class).getText());

        robot.clickOn("#train-resume");
        waitFor(20, TimeUnit.SECONDS, () -> iterationShown(robot) > paused + 5);

        robot.clickOn("#train-stop");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.STOPPED);
        assertTrue(robot.lookup("#train-start").queryAs(Button.class).isDisabled(), "a stopped run starts again only after Reset");
        assertTrue(!robot.lookup("#train-reset").queryAs(Button.class).isDisabled());
        Screenshots.save(robot, window.root(), Path.of("target", "screenshots", "dashboard.png"));
    }

    @Test
    void anInvalidSettingIsRefusedBesideItsField(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        int hiddenBefore = window.training().settingsProperty().get().hidden();

        type(robot, "hidden", "5000");
        assertEquals("must be 16 to 1024", robot.lookup("#setting-hidden-message").queryAs(Label.class).getText());
        type(robot, "lr", "fast");
        assertEquals("not a number; above 0, below 10", robot.lookup("#setting-lr-message").queryAs(Label.class).getText());

        assertEquals(hiddenBefore, window.training().settingsProperty().get().hidden(), "the refused value is not taken");
        type(robot, "hidden", "64");
        type(robot, "lr", "0.002");
        assertTrue(robot.lookup("#setting-hidden-message").queryAs(Label.class).getText().isEmpty());
        assertEquals(64, window.training().settingsProperty().get().hidden());
    }

    @Test
    void stepRunsOneIterationAtATime(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        tinySettings(robot);

        robot.clickOn("#train-step");
        waitFor(30, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == 1
                && window.dashboard().stateProperty().get() == RunState.PAUSED);
        robot.clickOn("#train-step");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == 2);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(2, window.dashboard().iterationProperty().get());
        assertEquals(2, window.dashboard().history().trainingPoints());

        // A range selected in the book goes to the explorer and is read through the model.
        robot.clickOn("#tab-text");
        javafx.scene.control.TextArea preview = robot.lookup("#preview-text").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> preview.selectRange(100, 400));
        String selected = preview.getSelectedText();
        robot.clickOn("#preview-explore-selection");
        waitFor(30, TimeUnit.SECONDS, () -> window.explorer().probedProperty().get() != null);
        assertEquals(selected, window.explorer().probedProperty().get().result().passage());
        assertTrue(robot.lookup("#explorer-pane").query().isVisible(), "the Neurons tab is shown");
    }

    @Test
    void closingSavesTheRunAndReopeningOffersToResumeIt(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        tinySettings(robot);
        robot.clickOn("#train-start");
        waitFor(60, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() >= 30
                && !window.dashboard().samples().isEmpty());
        Stage first = (Stage) window.root().getScene().getWindow();

        robot.interact(() -> first.fireEvent(new javafx.stage.WindowEvent(first, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(30, TimeUnit.SECONDS, () -> !first.isShowing());
        long savedAt = org.charscope.train.Checkpoint.read(sessionDir.resolve(SessionStore.MODEL_FILE)).iteration();
        assertTrue(savedAt >= 30, "the checkpoint holds the run: " + savedAt);
        int savedSamples = window.dashboard().samples().size();
        assertTrue(java.nio.file.Files.exists(sessionDir.resolve(SessionStore.MODEL_FILE)), "the model was saved on close");

        BookModel secondBook = new BookModel();
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> {
            second[0] = TestWindows.open(new Stage(), secondBook, sessionDir, new ScriptedDialogs());
            second[0].offerResume();
        });
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#resume-dialog").tryQuery().isPresent());
        javafx.scene.Node dialog = robot.lookup("#resume-dialog").query();
        robot.clickOn(robot.from(dialog).lookup("Resume").queryButton());

        waitFor(30, TimeUnit.SECONDS, () -> second[0].dashboard().iterationProperty().get() > 0
                && second[0].dashboard().stateProperty().get() == RunState.PAUSED);
        long resumedAt = second[0].dashboard().iterationProperty().get();
        assertEquals(savedAt, resumedAt, "resumed at the saved iteration");
        assertEquals(resumedAt, second[0].dashboard().history().trainingPoints(), "the loss history came back: " + second[0].dashboard().history().trainingPoints() + " points at " + resumedAt);
        assertTrue(second[0].dashboard().samples().size() >= savedSamples - 1, "the samples came back");

        robot.interact(() -> second[0].training().resume());
        waitFor(30, TimeUnit.SECONDS, () -> second[0].dashboard().iterationProperty().get() > resumedAt + 5);
        robot.interact(() -> second[0].training().stop());
        // the first run's snapshots up to the saved iteration are kept: the resumed run goes on from them
        var folder = org.charscope.history.SnapshotFolder.beside(sessionDir.resolve(SessionStore.MODEL_FILE));
        waitFor(20, TimeUnit.SECONDS, () -> folder.list().stream().anyMatch(e -> e.iteration() > resumedAt));
        List<Long> kept = folder.list().stream().map(org.charscope.history.SnapshotEntry::iteration).toList();
        assertTrue(kept.contains(0L) && kept.contains(25L), "iteration 0 and 25 from before the close: " + kept);
    }
}
