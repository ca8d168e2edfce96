package org.charscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.charscope.ui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training buttons keep their names where the row has room, show only their icons where it
 * has not, rather than names cut to "T…", and take their names back when the room comes back.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingControlsTest {

    private static final List<String> BUTTONS = List.of("start", "pause", "resume", "step", "stop", "reset");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.install();
        TrainingControls controls = new TrainingControls(new DashboardModel(System::currentTimeMillis, () -> { }),
                new NoCommands(), Bindings.createBooleanBinding(() -> true));
        Label hint = new Label("Press Train (F5) to watch an LSTM learn this text.");
        hint.setId("hint");
        stage.setScene(new Scene(new HBox(16, controls, hint), 1200, 60));
        stage.show();
    }

    @Test
    void namesWhereTheyFitIconsWhereTheyDoNot(FxRobot robot) {
        assertEveryButton(robot, ContentDisplay.LEFT, "at 1,200 px every name fits");
        assertNothingCut(robot);

        double named = robot.lookup("#training-controls").query().prefWidth(-1);
        robot.interact(() -> stage.setWidth(named + 60));
        WaitForAsyncUtils.waitForFxEvents();
        assertEveryButton(robot, ContentDisplay.LEFT, "room for the names but not the hint beside them");
        assertNothingCut(robot);
        Label hint = robot.lookup("#hint").queryAs(Label.class);
        assertTrue(hint.getWidth() < hint.prefWidth(-1), "the hint is what gives way");

        robot.interact(() -> stage.setWidth(380));
        WaitForAsyncUtils.waitForFxEvents();
        assertEveryButton(robot, ContentDisplay.GRAPHIC_ONLY, "at 380 px the names would be cut: icons only");
        assertEquals("Train (F5)", robot.lookup("#train-start").queryButton().getTooltip().getText(),
                "the tooltip still names it");
        assertNothingCut(robot);

        robot.interact(() -> stage.setWidth(1200));
        WaitForAsyncUtils.waitForFxEvents();
        assertEveryButton(robot, ContentDisplay.LEFT, "wide again: the names come back");
        assertNothingCut(robot);
    }

    private static void assertEveryButton(FxRobot robot, ContentDisplay display, String why) {
        for (String id : BUTTONS) {
            assertEquals(display, robot.lookup("#train-" + id).queryButton().getContentDisplay(), id + ": " + why);
        }
    }

    /** Every button as wide as it asks to be: no name ends in "…". */
    private static void assertNothingCut(FxRobot robot) {
        for (String id : BUTTONS) {
            Button button = robot.lookup("#train-" + id).queryButton();
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5,
                    id + " is " + button.getWidth() + " px wide, short of its " + button.prefWidth(-1));
        }
        Label badge = robot.lookup("#run-state").queryAs(Label.class);
        assertTrue(badge.getWidth() >= badge.prefWidth(-1) - 0.5, "the run's state is never cut");
    }

    private static final class NoCommands implements TrainingControls.Commands {
        @Override
        public void start() {
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void step() {
        }

        @Override
        public void stop() {
        }

        @Override
        public void reset() {
        }
    }
}
