package org.charscope.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.TestWindows;
import org.charscope.ui.TinyRun;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.window.WindowLayout;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first minute on the built-in text: the start card's ways in, and a hint that can be dismissed for good. */
@ExtendWith(ApplicationExtension.class)
class FirstMinuteTest {

    @TempDir
    Path sessionDir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, new BookModel(), sessionDir, new ScriptedDialogs());
    }

    @Test
    void theCardOffersThreeWaysInAndTrainingFromItHidesItThenTheValidationHintCanBeDismissedForGood(FxRobot robot)
            throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#start-card").query().isVisible());
        Node card = robot.lookup("#start-card").query();
        assertTrue(robot.from(card).lookup("#start-sample").tryQuery().isPresent());
        assertTrue(robot.from(card).lookup("#start-own-file").tryQuery().isPresent());
        assertTrue(robot.from(card).lookup("#start-classic-1342").tryQuery().isPresent(), "Pride and Prejudice is offered");
        assertTrue(robot.from(card).lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Press Train and a small LSTM")), "one sentence on what Train does");

        TinyRun.settings(robot);
        robot.clickOn("#start-sample");
        waitFor(20, TimeUnit.SECONDS, () -> !card.isVisible());

        NotificationPane hintPane = robot.lookup("#training-hints").queryAs(NotificationPane.class);
        waitFor(60, TimeUnit.SECONDS, hintPane::isShowing);
        assertEquals(Hint.FIRST_VALIDATION.text(), hintPane.getText());
        assertTrue(hintPane.getText().contains("loss on text the model never trains on"), hintPane.getText());
        waitFor(10, TimeUnit.SECONDS, () -> robot.from(hintPane).lookup(".button").queryAllAs(Button.class).stream()
                .anyMatch(b -> "Don't show again".equals(b.getText()) && b.isVisible()));
        robot.clickOn(robot.from(hintPane).lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> "Don't show again".equals(b.getText())).findFirst().orElseThrow());
        waitFor(10, TimeUnit.SECONDS, () -> !hintPane.isShowing());
        robot.interact(() -> window.training().stop());

        Stage stage = (Stage) window.root().getScene().getWindow();
        robot.interact(stage::close);
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(sessionDir.resolve(WindowLayout.FILE)));
        waitFor(10, TimeUnit.SECONDS, () -> WindowLayout.readFrom(sessionDir).dismissedHints().contains("first-validation"));
        assertEquals(java.util.List.of("first-validation"), WindowLayout.readFrom(sessionDir).dismissedHints());
        assertFalse(WindowLayout.readFrom(sessionDir).dismissedHints().contains("first-reading"));
    }
}
