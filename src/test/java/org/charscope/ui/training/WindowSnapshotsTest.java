package org.charscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.charscope.history.SnapshotEntry;
import org.charscope.history.SnapshotFile;
import org.charscope.history.SnapshotFolder;
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
 * The window keeps snapshots over training in the session's folder, at the schedule typed in the
 * settings, and Reset deletes them: what a person sees on disk when they train, then start over.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSnapshotsTest {

    @TempDir
    Path sessionDir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private BookModel book;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        book = new BookModel();
        window = TestWindows.open(stage, book, sessionDir, dialogs);
    }

    @Test
    void trainingKeepsSnapshotsAtTheTypedScheduleAndResetDeletesThem(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> book.corpusProperty().get() != null);
        TinyRun.settings(robot);
        TinyRun.type(robot, "snapshot-every", "20");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(20, window.training().settingsProperty().get().snapshotEvery(), "the panel took the schedule");
        SnapshotFolder folder = SnapshotFolder.beside(sessionDir.resolve("model.zip"));
        assertEquals(folder.path(), window.training().snapshots().folder().path());

        robot.clickOn("#train-start");
        // 0, then every multiple of 20 (25 is past 20, so the doubling stops before it)
        waitFor(60, TimeUnit.SECONDS, () -> iterations(folder).containsAll(List.of(0L, 20L, 40L, 60L)));
        robot.clickOn("#train-pause");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.PAUSED);
        List<SnapshotEntry> entries = folder.list();
        for (SnapshotEntry e : entries) {
            assertEquals(0, e.iteration() % 20, "only scheduled iterations: " + e.iteration());
        }
        SnapshotFile.Contents last = SnapshotFile.read(entries.get(entries.size() - 1).file());
        assertTrue(last.run().isSnapshot(), "weights only");
        assertTrue(last.detectors() != null, "the detectors over the first 2,000 characters of the validation text");

        robot.clickOn("#train-reset");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-discard").tryQuery().isPresent());
        DialogPane ask = robot.lookup("#confirm-discard").queryAs(DialogPane.class);
        robot.clickOn(robot.from(ask).lookup("OK").queryButton());
        waitFor(20, TimeUnit.SECONDS, () -> !Files.exists(folder.path()));
        assertFalse(Files.exists(entries.get(0).file()), "Reset deleted the run's snapshots");

        // A snapshot opens to sample and explore, never to train: it has no optimizer state.
        robot.clickOn("#train-start");
        waitFor(60, TimeUnit.SECONDS, () -> iterations(folder).contains(20L));
        robot.clickOn("#train-pause");
        waitFor(10, TimeUnit.SECONDS, () -> window.dashboard().stateProperty().get() == RunState.PAUSED);
        Path copy = Files.copy(folder.fileFor(20), sessionDir.resolveSibling(sessionDir.getFileName() + "-iter20.zip"));
        dialogs.answer(copy);
        robot.clickOn("Model");
        robot.clickOn("Open model…");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-discard").tryQuery().isPresent());
        DialogPane discard = robot.lookup("#confirm-discard").queryAs(DialogPane.class);
        robot.clickOn(robot.from(discard).lookup("OK").queryButton());
        String opened = "opened " + copy.getFileName() + ", a snapshot of iteration 20: sample it and explore it; "
                + "to train, open the model it was taken from";
        waitFor(20, TimeUnit.SECONDS, () -> opened.equals(robot.lookup("#status-message").queryAs(Label.class).getText()));
        assertTrue(window.training().withoutTextProperty().get(), "opened alone: Train is off");
        Files.delete(copy);
    }

    private static List<Long> iterations(SnapshotFolder folder) throws IOException {
        return folder.list().stream().map(SnapshotEntry::iteration).toList();
    }
}
