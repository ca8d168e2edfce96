package org.charscope.ui.loss;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.charscope.ui.MainWindow;
import org.charscope.ui.ScriptedDialogs;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.session.SessionStore;
import org.charscope.ui.window.WindowLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training tab in the window a 1366 × 768 laptop opens (90% of it): the loss chart keeps its
 * height and the gradient-norm chart gives way; in a tall window both show.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingOnALaptopTest {

    @TempDir
    Path dataDir;

    private MainWindow open(FxRobot robot, double width, double height) {
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(new BookModel(), new Stage(), new SessionStore(dataDir), new ScriptedDialogs());
            window[0].show(new WindowLayout(0, 0, width, height, false, Map.of(), "tab-training", List.of(), List.of()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window[0];
    }

    @Test
    void theLossChartKeepsItsHeightOnALaptopAndTheGradientChartGivesWay(FxRobot robot) {
        MainWindow laptop = open(robot, 1229, 691);
        Node loss = robot.lookup("#loss-chart").query();
        Node grad = robot.lookup("#grad-norm-chart").query();
        assertTrue(loss.getLayoutBounds().getHeight() >= LossChartPane.LOSS_MIN_HEIGHT,
                "the loss chart is " + loss.getLayoutBounds().getHeight() + " px high");
        assertFalse(grad.isVisible(), "no room for the gradient norm as well");
        robot.interact(() -> ((Stage) laptop.root().getScene().getWindow()).close());

        MainWindow tall = open(robot, 1400, 900);
        assertTrue(robot.lookup("#grad-norm-chart").query().isVisible(), "a taller window shows the gradient norm");
        assertTrue(robot.lookup("#loss-chart").query().getLayoutBounds().getHeight() >= LossChartPane.LOSS_MIN_HEIGHT);
        robot.interact(() -> ((Stage) tall.root().getScene().getWindow()).close());
    }
}
