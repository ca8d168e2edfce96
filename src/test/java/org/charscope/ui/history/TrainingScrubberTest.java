package org.charscope.ui.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.charscope.explore.ColorScale;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.NeuronMatrix;
import org.charscope.text.ByteCount;
import org.charscope.ui.explorer.ExplorerModel;
import org.charscope.ui.explorer.Probed;
import org.charscope.ui.samples.SampleEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scrubber and the emergence chart as a person uses them, over the snapshots of a real run on
 * the generated structured text: move the slider and read the label and the heatmap's colours;
 * click a point of the chart and read which neuron of which snapshot is shown.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingScrubberTest {

    private static final long WAIT_SECONDS = 120;   // a bound for a stuck read, never a timing assertion
    private static final int STEP = 1;              // the character whose colour is read: second of the passage

    @TempDir
    static Path dir;
    private static RecordedRun run;

    private SnapshotShelf shelf;
    private ExplorerModel model;

    @BeforeAll
    static void train() throws Exception {
        run = RecordedRun.tiny(dir, RecordedRun.structuredText(), 120, 50, written -> { });
    }

    @Start
    void start(Stage stage) {
        shelf = new SnapshotShelf();
        model = run.showExplorer(stage, shelf, List.of(sample(10, "first"), sample(55, "middle"), sample(110, "late\nlines")),
                1100, 760);
    }

    private static SampleEntry sample(long iteration, String text) {
        return new SampleEntry(iteration, 0, Double.NaN, 1, "", text);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Waits until the explorer shows the reading of the snapshot looked at. */
    private void awaitSnapshotShown() throws Exception {
        waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
            Probed shown = model.probedProperty().get();
            SnapshotSummary at = shelf.selectedProperty().get();
            return shown != null && at != null && shown.iteration() == at.iteration();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private WritableImage heatmapPicture(FxRobot robot) {
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);   // the heatmap draws on the next frame
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = robot.lookup("#heatmap").query().snapshot(null, null));
        return image[0];
    }

    private static int colourAt(WritableImage image, int step) {
        return image.getPixelReader().getArgb((int) (8 + step * 11 + 2), 9) & 0xFFFFFF;   // 11: a character's width
    }

    /** The colour the shown reading gives the shown unit at {@code step}. */
    private int expectedColour(int step) {
        NeuronMatrix values = shownValues();
        int unit = model.unitProperty().get();
        return ColorScale.forUnit(model.quantityProperty().get(), values, unit).rgb(values.value(step, unit));
    }

    private NeuronMatrix shownValues() {
        return model.probedProperty().get().result().activations()
                .matrix(model.layerProperty().get(), model.quantityProperty().get());
    }

    @Test
    void movingTheSliderShowsEachSnapshotsReadingAndComesBackToNow(FxRobot robot) throws Exception {
        waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> shelf.snapshots().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("now · iteration 120", text(robot, "#scrubber-iteration"));
        assertEquals("5 snapshots · " + ByteCount.format(run.folder().bytes()), text(robot, "#scrubber-disk"));
        assertEquals("sample at iteration 110: late ⏎ lines", text(robot, "#scrubber-sample"));

        Slider slider = robot.lookup("#scrubber-slider").queryAs(Slider.class);
        robot.interact(slider::requestFocus);
        robot.type(KeyCode.HOME);
        awaitSnapshotShown();
        assertEquals("iteration 0 of 120", text(robot, "#scrubber-iteration"));
        assertEquals("sample at iteration 10: first", text(robot, "#scrubber-sample"));
        Probed untrained = model.probedProperty().get();
        float[] untrainedSeries = shownValues().series(model.unitProperty().get());
        WritableImage before = heatmapPicture(robot);
        assertColourClose(expectedColour(STEP), colourAt(before, STEP));

        // drag the thumb most of the way along the track: a later snapshot, not the end ("now")
        Node thumb = slider.lookup(".thumb");
        Bounds track = slider.lookup(".track").localToScreen(slider.lookup(".track").getBoundsInLocal());
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(track.getWidth() * 0.62, 0).release(MouseButton.PRIMARY);
        int index = shelf.selectedIndex();
        assertTrue(index > 0 && index < 5, "a snapshot after the first: " + index);
        awaitSnapshotShown();
        long iteration = shelf.snapshots().get(index).iteration();
        assertEquals(String.format(Locale.ROOT, "iteration %,d of 120", iteration), text(robot, "#scrubber-iteration"));
        float[] trainedSeries = shownValues().series(model.unitProperty().get());
        assertFalse(Arrays.equals(untrainedSeries, trainedSeries), "the unit's values changed with training");
        WritableImage after = heatmapPicture(robot);
        assertColourClose(expectedColour(STEP), colourAt(after, STEP));
        int differing = 0;
        for (int step = 0; step < 40; step++) {
            differing += colourAt(before, step) != colourAt(after, step) ? 1 : 0;
        }
        assertTrue(differing > 0, "the same characters are coloured otherwise at iteration " + iteration);

        robot.type(KeyCode.HOME);   // read before: shown at once from the cache, without waiting for a read
        assertSame(untrained, model.probedProperty().get());
        assertEquals("iteration 0 of 120", text(robot, "#scrubber-iteration"));

        robot.type(KeyCode.END);
        assertNull(shelf.selectedProperty().get());
        assertEquals("now · iteration 120", text(robot, "#scrubber-iteration"));
        assertNull(model.probedProperty().get(), "no live model here: nothing to show now");
        assertArrayEquals(new double[] {5}, new double[] {slider.getValue()});
    }

    @Test
    void clickingAPointOfTheEmergenceChartShowsThatNeuronInThatSnapshot(FxRobot robot) throws Exception {
        waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> shelf.snapshots().size() == 5);
        robot.clickOn("#tab-emergence");
        WaitForAsyncUtils.waitForFxEvents();
        EmergenceChart chart = robot.lookup("#emergence-chart").queryAs(EmergenceChart.class);
        List<EmergenceChart.Point> points = chart.points();
        assertEquals(shelf.snapshots().stream().mapToInt(s -> s.best().size()).sum(), points.size(),
                "each feature's best neuron at each snapshot (none for a feature the passage lacks)");
        assertTrue(points.size() >= 5 * 8, points.size() + " points");
        // a point of a snapshot in the middle, apart from every other point, so the click cannot take another
        EmergenceChart.Point picked = points.stream()
                .filter(p -> p.snapshot().iteration() == 100)
                .filter(p -> points.stream().allMatch(q -> q == p || Math.hypot(q.x() - p.x(), q.y() - p.y()) > 3))
                .findFirst().orElseThrow();
        NeuronFinding finding = picked.finding();

        robot.clickOn(chart.localToScreen(new Point2D(picked.x(), picked.y())));
        awaitSnapshotShown();
        assertSame(picked.snapshot(), shelf.selectedProperty().get(), "the scrubber moved to the point's snapshot");
        assertEquals("iteration 100 of 120", text(robot, "#scrubber-iteration"));
        assertEquals(finding.layer(), model.layerProperty().get());
        assertEquals(finding.quantity(), model.quantityProperty().get());
        assertEquals(finding.unit(), model.unitProperty().get());
        assertEquals(finding.feature(), model.featureProperty().get());
        String legend = text(robot, "#explorer-legend");
        assertTrue(legend.startsWith(String.format(Locale.ROOT, "colour: %s %d of layer %d from ",
                finding.quantity().displayName(), finding.unit(), finding.layer() + 1)), legend);
        assertEquals(String.format(Locale.ROOT, "%s · %s · r = %.2f at iteration 100", finding.feature().displayName(),
                finding.neuron().describe(), finding.r()), chart.hoverText());
        assertNotEquals(0, finding.r());
    }

    private static void assertColourClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= 3, String.format("colour #%06x shown as #%06x", expected, actual));
        }
    }
}
