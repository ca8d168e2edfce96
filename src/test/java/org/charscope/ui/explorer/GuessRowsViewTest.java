package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.charscope.explore.Probe;
import org.charscope.explore.StepPrediction;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The compact row of guesses is the likeliest guess on a tint as strong as its probability; five rows take more room. */
@ExtendWith(ApplicationExtension.class)
class GuessRowsViewTest {

    private static final String PASSAGE = "The keeper climbed the stair and lit the lamp. ".repeat(40);

    private ExplorerOnStage shown;
    private Probed reading;

    @Start
    void start(Stage stage) {
        Vocabulary vocabulary = Vocabulary.of(PASSAGE);
        reading = Probed.of(Probe.run(new CharLstm(new LstmConfig(vocabulary.size(), 1, 32, 0, 0, Precision.FLOAT), 5),
                vocabulary, PASSAGE), 0);
        shown = ExplorerOnStage.show(stage, reading);
    }

    @Test
    void theCompactRowShadesTheLikeliestGuessAndFiveRowsShowFewerLines(FxRobot robot) {
        HeatmapView heatmap = shown.pane().heatmap();
        int step = 0;   // a character whose likeliest guess is wrong: no outline over its tint
        while (reading.predictions().step(step).topIds()[0] == reading.predictions().step(step).trueNextId()) {
            step++;
        }
        StepPrediction guess = reading.predictions().step(step);
        WritableImage compact = snapshot(robot, heatmap);
        int[] compactSteps = heatmap.visibleSteps();

        Color page = Color.web("#ffffff");   // Primer Light's page and text, the colours the tint runs between
        Color expected = page.interpolate(Color.web("#24292f"), Math.min(1, guess.topProbabilities()[0]) * 0.85);
        Color shownTint = compact.getPixelReader().getColor((int) (8 + step * HeatmapView.CELL_WIDTH + 1),
                (int) (8 + HeatmapView.TEXT_HEIGHT + GuessRows.COMPACT_HEIGHT - 2));
        assertEquals(expected.getRed(), shownTint.getRed(), 2 / 255.0, "tint of p = " + guess.topProbabilities()[0]);
        assertEquals(expected.getBlue(), shownTint.getBlue(), 2 / 255.0);

        robot.interact(() -> shown.model().look().fiveGuessRowsProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        int[] fiveRowSteps = heatmap.visibleSteps();

        assertEquals(0, fiveRowSteps[0]);
        assertTrue(fiveRowSteps[1] < compactSteps[1],
                "five rows under each line: fewer lines fit, " + fiveRowSteps[1] + " characters against " + compactSteps[1]);
    }

    private static WritableImage snapshot(FxRobot robot, HeatmapView heatmap) {
        robot.interact(heatmap::markDirty);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = heatmap.snapshot(null, null));
        return image[0];
    }
}
