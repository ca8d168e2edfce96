package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.charscope.explore.ColorScale;
import org.charscope.explore.Probe;
import org.charscope.explore.ShownSymbol;
import org.charscope.model.Signal;
import org.charscope.model.CharLstm;
import org.charscope.model.LstmConfig;
import org.charscope.model.Precision;
import org.charscope.text.Vocabulary;
import org.charscope.ui.MainWindow;
import org.charscope.ui.Screenshots;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.TrainingController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer as a person uses it: pick a neuron, hover a character, scrub through the
 * passage, and read the colour and the guesses the view shows against the model's own values.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerPaneTest {

    private static final String PASSAGE = "\"Where is the boat?\" said Nell. (The keeper laughed.)\n".repeat(60);

    private ExplorerModel model;
    private ExplorerPane pane;
    private Probed probed;

    @Start
    void start(Stage stage) {
        Vocabulary vocabulary = Vocabulary.of(PASSAGE);
        CharLstm lstm = new CharLstm(new LstmConfig(vocabulary.size(), 2, 32, 0, 0, Precision.FLOAT), 11);
        probed = Probed.of(Probe.run(lstm, vocabulary, PASSAGE), 0);
        model = new ExplorerModel(new TrainingController(new DashboardModel(System::currentTimeMillis, () -> { })),
                new SnapshotShelf());
        pane = new ExplorerPane(model, FXCollections.observableArrayList());
        Scene scene = new Scene(pane, 1000, 720);
        scene.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.show(probed);
    }

    @Test
    void pickingANeuronColoursTheTextWithItsValues(FxRobot robot) {
        robot.clickOn("#tab-neurons");
        @SuppressWarnings("unchecked")
        ListView<ExplorerPane.Entry> list = robot.lookup("#neuron-list").queryAs(ListView.class);
        ExplorerPane.Entry third = list.getItems().get(2);
        robot.interact(() -> list.getSelectionModel().select(2));
        assertEquals(third.unit(), model.unitProperty().get(), "the list selects the neuron");

        HeatmapView heatmap = pane.heatmap();
        robot.interact(heatmap::markDirty);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        // The cell of step 1 ('W') on the first line: its colour is the scale's colour of the model's value.
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = heatmap.snapshot(null, null));
        double left = 8 + 1 * HeatmapView.CELL_WIDTH + 1;
        double top = 8 + 1;
        int shown = image[0].getPixelReader().getArgb((int) left, (int) top) & 0xFFFFFF;
        var values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        int expected = ColorScale.forQuantity(model.quantityProperty().get(), values).rgb(values.value(1, third.unit()));
        assertColourClose(expected, shown);
        Screenshots.save(robot, pane, Path.of("target", "screenshots", "explorer.png"));
    }

    @Test
    void hoveringACharacterShowsItsValueAndTheTopFiveGuesses(FxRobot robot) {
        HeatmapView heatmap = pane.heatmap();
        int step = 3; // 'e' of "Where"
        String text = heatmap.describe(step);
        var values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        assertTrue(text.startsWith("e · layer " + (model.layerProperty().get() + 1) + " · "
                + model.quantityProperty().get().displayName() + " " + model.unitProperty().get() + " = "
                + String.format(Locale.ROOT, "%.3f", values.value(step, model.unitProperty().get()))), text);
        var guess = probed.predictions().step(step);
        String firstGuess = ShownSymbol.of(probed.vocabularyCodePoints()[guess.topIds()[0]]);
        assertTrue(text.contains("next: " + firstGuess + String.format(Locale.ROOT, " %.2f", guess.topProbabilities()[0])), text);
        assertTrue(text.contains("true next r"), "the true next character after 'e' is 'r': " + text);

        var bounds = heatmap.localToScreen(heatmap.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(bounds.getMinX() + 8 + step * HeatmapView.CELL_WIDTH + 4,
                bounds.getMinY() + 8 + 8));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, robot.lookup("#explorer-hover").queryAs(Label.class).getText());
    }

    @Test
    void scrubbingWithKeysAndWheelMovesThroughThePassage(FxRobot robot) {
        HeatmapView heatmap = pane.heatmap();
        int[] before = heatmap.visibleSteps();
        assertEquals(0, before[0]);

        robot.clickOn(heatmap).type(KeyCode.DOWN, 3);
        int[] afterKeys = heatmap.visibleSteps();
        assertTrue(afterKeys[0] > before[0], "arrow keys scroll down");

        robot.scroll(5, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(afterKeys[0], heatmap.visibleSteps()[0], "the wheel scrolls too");

        robot.interact(() -> heatmap.scrollTo(PASSAGE.length() - 5));
        int[] end = heatmap.visibleSteps();
        assertTrue(end[0] > PASSAGE.length() - 200, "scrolled to the end: " + end[0]);
    }

    /**
     * A short passage read after scrolling down a long one (a match or an error clicked) is shown
     * within its lines: the scroll position is held to its last line, where it once ran past it
     * and stopped every frame's drawing.
     */
    @Test
    void aShorterPassageAfterScrollingDownIsShownWithinItsLines(FxRobot robot) {
        HeatmapView heatmap = pane.heatmap();
        robot.interact(() -> heatmap.scrollTo(PASSAGE.length() - 5));
        assertTrue(heatmap.visibleSteps()[0] > 0);
        String shorter = PASSAGE.substring(0, 60);
        Probed shortReading = Probed.of(Probe.run(new CharLstm(new LstmConfig(Vocabulary.of(PASSAGE).size(), 2, 32, 0, 0,
                Precision.FLOAT), 11), Vocabulary.of(PASSAGE), shorter), 0);
        robot.interact(() -> model.show(shortReading));
        WaitForAsyncUtils.waitForFxEvents();
        int[] shown = heatmap.visibleSteps();
        assertTrue(shown[0] < shown[1] && shown[1] <= shorter.length(), shown[0] + " to " + shown[1]);
        robot.interact(() -> heatmap.scrollTo(0));
        assertEquals(0, heatmap.visibleSteps()[0]);
    }

    @Test
    void spanSearchRanksNeuronsForTheSelectedSpan(FxRobot robot) {
        robot.interact(() -> pane.heatmap().selectSpan(1, 6));
        robot.clickOn("#tab-span");
        robot.clickOn("#span-find");
        @SuppressWarnings("unchecked")
        ListView<ExplorerPane.Entry> spans = robot.lookup("#span-list").queryAs(ListView.class);
        assertEquals(20, spans.getItems().size());
        robot.interact(() -> spans.getSelectionModel().select(0));
        assertEquals(spans.getItems().get(0).unit(), model.unitProperty().get());
    }

    /**
     * Switching neurons, as a person does by clicking rows of the grid: the text takes the new
     * neuron's colours, the guesses under it stay, and the grid's outline and the saturation
     * plot's marker move to the new neuron.
     */
    @Test
    void clickingAGridRowSwitchesTheNeuronEverywhere(FxRobot robot) {
        robot.clickOn("#tab-neurons");
        @SuppressWarnings("unchecked")
        ListView<ExplorerPane.Entry> list = robot.lookup("#neuron-list").queryAs(ListView.class);
        HeatmapView heatmap = pane.heatmap();
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        WritableImage before = snapshot(robot, heatmap);

        NeuronGrid grid = pane.grid();
        int row = 5;
        int unit = list.getItems().get(row).unit();
        assertNotEquals(unit, model.unitProperty().get(), "the row is another neuron than the one shown");
        double rowHeight = grid.getHeight() / list.getItems().size();
        var gridBounds = grid.localToScreen(grid.getBoundsInLocal());
        robot.clickOn(new javafx.geometry.Point2D(gridBounds.getMinX() + 40, gridBounds.getMinY() + (row + 0.5) * rowHeight));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(unit, model.unitProperty().get(), "the clicked row selects its neuron");

        double[] outline = grid.selectionBounds();
        assertEquals(row * rowHeight, outline[1], 1e-6, "the outline is on the clicked row");
        var forget = probed.saturation().get(0);
        ScatterPlot plot = pane.firstSaturationPlot();
        double[] marker = plot.markerCentre();
        double[] first = {marker[0], marker[1]};
        robot.interact(() -> model.unitProperty().set(list.getItems().get(row + 1).unit()));
        double[] next = plot.markerCentre();
        int nextUnit = list.getItems().get(row + 1).unit();
        // The marker moves by the difference of the two units' points, scaled by the plot's size.
        double size = Math.min(plot.getWidth() - 40, plot.getHeight() - 40);
        assertEquals((forget.left()[nextUnit] - forget.left()[unit]) * size, next[0] - first[0], 1e-6);
        assertEquals(-(forget.right()[nextUnit] - forget.right()[unit]) * size, next[1] - first[1], 1e-6);
        robot.interact(() -> model.unitProperty().set(unit));

        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        WritableImage after = snapshot(robot, heatmap);
        var values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        int expected = ColorScale.forUnit(model.quantityProperty().get(), values, unit).rgb(values.value(1, unit));
        int x = (int) (8 + HeatmapView.CELL_WIDTH + 1);
        assertColourClose(expected, after.getPixelReader().getArgb(x, 9) & 0xFFFFFF);
        // The first line's guesses (under the text row) are the same picture before and after, and not blank.
        int guessTop = (int) (8 + HeatmapView.TEXT_HEIGHT);
        int darkest = 255;
        for (int y = guessTop; y < guessTop + GuessRows.height(false); y++) {
            for (int gx = 8; gx < 8 + 20 * HeatmapView.CELL_WIDTH; gx++) {
                int argb = after.getPixelReader().getArgb(gx, y);
                assertEquals(before.getPixelReader().getArgb(gx, y), argb, "guess pixel " + gx + "," + y);
                darkest = Math.min(darkest, argb & 0xFF);
            }
        }
        assertTrue(darkest < 128, "the guesses are drawn: darkest blue channel " + darkest);
    }

    private static WritableImage snapshot(FxRobot robot, HeatmapView heatmap) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = heatmap.snapshot(null, null));
        return image[0];
    }

    /** A GRU's reading: only what a GRU has to choose from, its own gates in the saturation plots, and colours that follow it. */
    @Test
    void aGruShowsItsOwnGatesAndNoCellState(FxRobot robot) {
        robot.interact(() -> model.quantityProperty().set(Signal.TANH_CELL));   // a quantity a GRU lacks
        Vocabulary vocabulary = Vocabulary.of(PASSAGE);
        CharLstm gru = new CharLstm(new LstmConfig(vocabulary.size(), 1, 32, 0, 0, Precision.FLOAT,
                org.charscope.model.Cell.GRU), 11);
        Probed gruReading = Probed.of(Probe.run(gru, vocabulary, PASSAGE), 0);
        robot.interact(() -> model.show(gruReading));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Signal> choice = robot.lookup("#explorer-quantity").queryAs(javafx.scene.control.ChoiceBox.class);
        assertEquals(java.util.List.of(Signal.CANDIDATE, Signal.HIDDEN, Signal.RESET_GATE, Signal.UPDATE_GATE),
                choice.getItems());
        assertEquals(Signal.HIDDEN, model.quantityProperty().get(), "a GRU has no cell: the view moves to h");
        assertEquals("hidden", choice.getConverter().toString(choice.getValue()));

        robot.interact(() -> choice.setValue(Signal.UPDATE_GATE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Signal.UPDATE_GATE, model.quantityProperty().get());
        assertTrue(robot.lookup("#explorer-legend").queryAs(Label.class).getText().startsWith("colour: update gate"),
                robot.lookup("#explorer-legend").queryAs(Label.class).getText());
        long visiblePlots = robot.lookup(".scatter-plot").queryAll().stream().filter(javafx.scene.Node::isVisible).count();
        assertEquals(2, visiblePlots, "reset and update gates; a GRU has no third");

        HeatmapView heatmap = pane.heatmap();
        robot.interact(heatmap::markDirty);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = heatmap.snapshot(null, null));
        int shown = image[0].getPixelReader().getArgb((int) (8 + 2 * HeatmapView.CELL_WIDTH + 1), 9) & 0xFFFFFF;
        var values = gruReading.matrix(0, Signal.UPDATE_GATE);
        int expected = ColorScale.forQuantity(Signal.UPDATE_GATE, values).rgb(values.value(2, model.unitProperty().get()));
        assertColourClose(expected, shown);
        Screenshots.save(robot, pane, Path.of("target", "screenshots", "explorer-gru.png"));
    }

    private static void assertColourClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= 3, String.format("colour #%06x shown as #%06x", expected, actual));
        }
    }
}
