package org.charscope.ui.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.charscope.ui.theme.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status line keeps its fields whole: on a narrow line the least needed go (memory, time
 * trained, epoch…) rather than every field being cut to "ep…", and they come back with the room.
 */
@ExtendWith(ApplicationExtension.class)
class StatusLineTest {

    private static final List<String> ALL = List.of("iteration", "epoch", "speed", "elapsed", "eta", "memory");

    private final MemoryGauge gauge = new MemoryGauge();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.install();
        DashboardModel model = new DashboardModel(System::currentTimeMillis, () -> { });
        model.say("resumed at iteration 1,500; press Resume to keep training");
        StatusLine line = new StatusLine(model, () -> 20_000, gauge);
        stage.setScene(new Scene(new VBox(line), 1200, 40));
        stage.show();
    }

    @AfterEach
    void closeGauge() {
        gauge.close();
    }

    @Test
    void narrowTheLeastNeededFieldsGoAndTheRestStayWhole(FxRobot robot) {
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);   // the line's first texts
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : ALL) {
            assertShownWhole(robot, id, "at 1,200 px");
        }

        robot.interact(() -> stage.setWidth(420));
        WaitForAsyncUtils.waitForFxEvents();
        assertShownWhole(robot, "iteration", "at 420 px");
        assertShownWhole(robot, "eta", "at 420 px");
        assertFalse(field(robot, "memory").isVisible(), "memory goes first");
        assertFalse(field(robot, "elapsed").isVisible(), "then time trained");

        robot.interact(() -> stage.setWidth(1200));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : ALL) {
            assertShownWhole(robot, id, "wide again");
        }

        robot.interact(() -> robot.lookup("#training-status").query().setStyle("-fx-font-size: 26px"));   // as at 200%
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(field(robot, "memory").isVisible(), "twice the text on the same line: memory goes");
        assertShownWhole(robot, "iteration", "at twice the size");
        assertShownWhole(robot, "eta", "at twice the size");
    }

    private static Label field(FxRobot robot, String id) {
        return robot.lookup("#status-" + id).queryAs(Label.class);
    }

    private static void assertShownWhole(FxRobot robot, String id, String when) {
        Label label = field(robot, id);
        assertTrue(label.isVisible(), id + " shows " + when);
        assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5,
                id + " is whole " + when + ": " + label.getWidth() + " px of " + label.prefWidth(-1) + " (" + label.getText() + ")");
    }
}
