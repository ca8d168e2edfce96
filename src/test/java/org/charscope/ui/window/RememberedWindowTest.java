package org.charscope.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.session.SessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Close the window and open it again: size, dividers, tab and open sections come back; the first start fits the screen. */
@ExtendWith(ApplicationExtension.class)
class RememberedWindowTest {

    @TempDir
    Path dataDir;

    private MainWindow open(FxRobot robot) {
        WindowLayout remembered = WindowLayout.readFrom(dataDir);   // off the FX thread, as the app does
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(new BookModel(), new Stage(), new SessionStore(dataDir), new ScriptedDialogs());
            window[0].show(remembered);
        });
        return window[0];
    }

    private static Stage stageOf(MainWindow window) {
        return (Stage) window.root().getScene().getWindow();
    }

    @Test
    void sizeDividersAndTabAreRestoredAfterAClose(FxRobot robot) throws Exception {
        MainWindow first = open(robot);
        Stage stage = stageOf(first);
        double screenWidth = Screen.getPrimary().getVisualBounds().getWidth();
        assertEquals(Math.round(screenWidth * 0.9), stage.getWidth(), 1, "the first start takes 90% of the screen");

        SplitPane split = robot.lookup("#training-split").queryAs(SplitPane.class);
        robot.interact(() -> {
            stage.setX(20);
            stage.setY(30);
            stage.setWidth(1000);
            stage.setHeight(850);
            split.setDividerPositions(0.7);
            robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
            robot.lookup("#settings-more").queryAs(TitledPane.class).setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // where the divider settled, within the panes' minimum heights; far from the 0.55 a new window has
        double left = split.getDividerPositions()[0];
        assertTrue(Math.abs(left - 0.55) > 0.05, "the divider moved: " + left);
        robot.interact(stage::close);
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dataDir.resolve(WindowLayout.FILE)));

        MainWindow second = open(robot);
        Stage reopened = stageOf(second);
        waitFor(10, TimeUnit.SECONDS, () -> "tab-explorer".equals(
                robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId()));
        assertEquals(1000, reopened.getWidth(), 1);
        assertEquals(850, reopened.getHeight(), 1);
        assertEquals(20, reopened.getX(), 1);
        SplitPane again = robot.lookup("#training-split").queryAs(SplitPane.class);
        assertEquals(left, again.getDividerPositions()[0], 0.02, "the loss chart's divider is where it was left");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-more").queryAs(TitledPane.class).isExpanded());
        assertTrue(robot.lookup("#setting-lr").tryQuery().isPresent(), "More settings opens as it was left, with its fields");
        robot.interact(reopened::close);
    }
}
