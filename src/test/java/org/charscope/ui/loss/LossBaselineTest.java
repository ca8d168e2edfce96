package org.charscope.ui.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.charscope.baseline.NgramBaseline;
import org.charscope.ui.MainWindow;
import org.charscope.ui.chart.LineChartCanvas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The n-gram yardstick on the loss chart: its line and label, in nats or bits, and the iteration it was beaten at. */
@ExtendWith(ApplicationExtension.class)
class LossBaselineTest {

    /** Scores as a fit gives them: the best is n = 5 at 1.5 nats. */
    private static final NgramBaseline BASELINE = new NgramBaseline(List.of(new NgramBaseline.Order(1, 3.3),
            new NgramBaseline.Order(4, 1.7), new NgramBaseline.Order(5, 1.5), new NgramBaseline.Order(7, 1.55)),
            1_000_000, 100_000);

    private final LossHistory history = new LossHistory();
    private final List<String> said = new ArrayList<>();
    private LossChartPane pane;

    @Start
    void start(Stage stage) {
        LossChartPaneTest.fill(history, 20_000); // validation falls from about 4 to 1.54 nats
        pane = new LossChartPane(history);
        pane.setOnBaselineBeaten(said::add);
        Scene scene = new Scene(pane, 900, 520);
        scene.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theBestOrderIsALabelledLineAndItsCrossingIsSaidOnce(FxRobot robot) {
        assertNull(pane.lossChart().guide(), "no line before the baseline is known");
        robot.interact(() -> pane.baselineProperty().set(BASELINE));

        LineChartCanvas.Guide guide = pane.lossChart().guide();
        assertEquals(1.5, guide.y(), "stored in nats, as the losses are");
        assertEquals("5-gram 1.50 nats", guide.caption());
        long crossed = history.firstValidationBelow(1.5);
        assertTrue(crossed > 0, "the fake run goes below 1.5 nats");
        assertEquals(List.of(String.format(Locale.ROOT,
                "validation loss went below the 5-gram baseline (1.500 nats/char) at iteration %,d", crossed)), said);
        Label best = robot.lookup("#best-validation").queryAs(Label.class);
        assertTrue(best.getText().endsWith(String.format(Locale.ROOT, "below the 5-gram since iteration %,d",
                crossed)), best.getText());

        robot.clickOn("#loss-bits");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("5-gram 2.16 bits", pane.lossChart().guide().caption());
        assertEquals(1.5, pane.lossChart().guide().y(), "the chart converts, as for the losses");
        robot.interact(pane::refresh);
        assertEquals(1, said.size(), "said once per run");
    }

    @Test
    void anUnbeatenBaselineSaysNothing(FxRobot robot) {
        robot.interact(() -> pane.baselineProperty().set(new NgramBaseline(List.of(new NgramBaseline.Order(3, 0.5)), 10, 10)));
        assertEquals("3-gram 0.50 nats", pane.lossChart().guide().caption());
        assertEquals(-1, history.firstValidationBelow(0.5));
        assertTrue(said.isEmpty());
        robot.interact(() -> pane.baselineProperty().set(null));
        assertNull(pane.lossChart().guide());
    }
}
