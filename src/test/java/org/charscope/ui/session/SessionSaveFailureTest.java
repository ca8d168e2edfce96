package org.charscope.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * The window's session save (the autosave every few minutes, and the save on close) into a place
 * it cannot write: one line in the status bar, training goes on, and the checkpoint saved before
 * still opens. Tests run as root, so "cannot write" is a path taken by a folder, not a permission;
 * a full disk takes the same path (the command line's full-disk trial, docs/reliability.md).
 */
@ExtendWith(ApplicationExtension.class)
class SessionSaveFailureTest {

    @TempDir
    Path sessionDir;

    private BookModel book;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, new ScriptedDialogs());
    }

    @Test
    void aSessionThatCannotBeWrittenSaysSoAndTrainingGoesOn(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TinyRun.settings(robot);
        step(robot, 1);
        save(robot);
        waitFor(20, TimeUnit.SECONDS, () -> status(robot).equals("session saved at iteration 1"));
        assertEquals(1, Checkpoint.read(sessionDir.resolve(SessionStore.MODEL_FILE)).iteration());

        // the session file's place is now a folder with something in it: the next save cannot replace it
        Path session = sessionDir.resolve(SessionStore.SESSION_FILE);
        Files.delete(session);
        Files.createDirectories(session.resolve("in-the-way"));
        step(robot, 2);
        save(robot);
        waitFor(20, TimeUnit.SECONDS, () -> status(robot).startsWith("could not save the session: "));
        assertTrue(status(robot).endsWith("(training goes on)"), status(robot));
        assertEquals(1, status(robot).lines().count());

        step(robot, 3);   // training goes on
        assertEquals(3, window.dashboard().history().trainingPoints(), "the loss history is whole");
        assertTrue(Checkpoint.read(sessionDir.resolve(SessionStore.MODEL_FILE)).iteration() >= 1,
                "the model file still opens");

        // and the model file's place taken by a folder: the checkpoint itself cannot be written
        Files.delete(session.resolve("in-the-way"));
        Files.delete(session);
        Path model = sessionDir.resolve(SessionStore.MODEL_FILE);
        Files.delete(model);
        Files.createDirectories(model.resolve("in-the-way"));
        save(robot);
        waitFor(20, TimeUnit.SECONDS, () -> status(robot).startsWith("could not save the session: ")
                && !status(robot).contains(SessionStore.SESSION_FILE));
        step(robot, 4);
        try (var left = Files.list(sessionDir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    private void step(FxRobot robot, int iteration) throws Exception {
        robot.clickOn("#train-step");
        waitFor(30, TimeUnit.SECONDS, () -> window.dashboard().iterationProperty().get() == iteration);
    }

    private void save(FxRobot robot) {
        robot.interact(() -> window.sessions().save());
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status-message").queryAs(Label.class).getText();
    }
}
