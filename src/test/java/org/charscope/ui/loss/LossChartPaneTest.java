package org.charscope.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.charscope.ui.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The loss chart with a long run behind it: toggles, the best-validation caption, hovering. */
@ExtendWith(ApplicationExtension.class)
class LossChartPaneTest {

    private final LossHistory history = new LossHistory();
    private LossChartPane pane;

    @Start
    void start(Stage stage) {
        fill(history, 100_000);
        pane = new LossChartPane(history);
        Scene scene = new Scene(pane, 900, 520);
        scene.getStylesheets().add(org.charscope.ui.MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** A loss falling from ln(65) ≈ 4.17 towards 1.4 with noise, validated every 1,000 iterations. */
    static void fill(LossHistory history, int iterations) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 1; i <= iterations; i++) {
            double clean = 1.4 + 2.77 * Math.exp(-i / 4000.0);
            double loss = clean + (random.nextDouble() - 0.5) * 0.3;
            history.addTraining(i, i / 2000.0, loss, 0.5 + random.nextDouble() * (i < 2000 ? 6 : 1));
            if (i % 1000 == 0) {
                history.addValidation(i, i / 2000.0, clean + 0.08 + (i > 80_000 ? (i - 80_000) / 100_000.0 : 0));
            }
        }
    }

    @Test
    void bestValidationIsNamedInNatsAndInBits(FxRobot robot) throws Exception {
        Label best = robot.lookup("#best-validation").queryAs(Label.class);
        double bestNats = history.bestValidation();
        assertTrue(best.getText().contains(String.format(java.util.Locale.ROOT, "%.3f nats/char", bestNats)), best.getText());
        assertEquals(80_000, history.bestValidationIteration(), "validation rises after 80,000 (overfitting)");

        robot.clickOn("#loss-bits");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(best.getText().contains(String.format(java.util.Locale.ROOT, "%.3f bits/char", bestNats / Math.log(2))),
                best.getText());
        Screenshots.save(robot, pane, Path.of("target", "screenshots", "loss-chart.png"));
    }

    @Test
    void hoveringShowsTheNearestValues(FxRobot robot) {
        var chart = pane.lossChart();
        var bounds = chart.localToScreen(chart.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(bounds.getMinX() + bounds.getWidth() / 2, bounds.getMinY() + 60));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(chart::drawNow);

        String text = chart.hoverText();
        assertTrue(text.contains("train"), text);
        assertTrue(text.contains("validation"), text);
        assertEquals(3, text.lines().count(), text);
    }

    @Test
    void switchingToLogAndEpochKeepsEveryPoint(FxRobot robot) {
        robot.clickOn("#loss-log");
        robot.clickOn("#loss-by-epoch");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pane.lossChart()::drawNow);

        assertEquals(100_000, history.trainingPoints());
        assertEquals(100_000, history.train(true).size());
        assertEquals(50.0, history.train(true).x(99_999), 1e-9);
    }
}
