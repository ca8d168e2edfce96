package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.charscope.explore.ColorScale;
import org.charscope.ui.MainWindow;
import org.charscope.ui.export.PictureExport;
import org.charscope.ui.history.SnapshotShelf;
import org.charscope.ui.theme.WindowZoom;
import org.charscope.ui.training.DashboardModel;
import org.charscope.ui.training.TrainingController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 200% the heatmap draws its characters twice as large (fewer to a line, fewer lines), a
 * label's text is twice as large, and a PNG export of the heatmap is the same picture as at 100%.
 * The heatmap fills a window of its own, so that it keeps its size at every zoom.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapZoomTest {

    private ExplorerModel model;
    private HeatmapView heatmap;
    private Label label;
    private Probed probed;
    private WindowZoom zoom;

    @Start
    void start(Stage stage) {
        probed = TinyReading.of();
        model = new ExplorerModel(new TrainingController(new DashboardModel(System::currentTimeMillis, () -> { })),
                new SnapshotShelf());
        heatmap = new HeatmapView(model);
        label = new Label("a label");
        StackPane root = new StackPane(heatmap, label);
        zoom = WindowZoom.install(root);
        root.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(new Scene(root, 900, 600));   // inside Monocle's screen
        model.show(probed);
        stage.show();
    }

    @Test
    void at200PercentTheHeatmapAndTheLabelsAreTwiceAsLarge(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        int[] atNormal = heatmap.visibleSteps();
        int linesAtNormal = heatmap.linesShown();
        assertEquals(13, label.getFont().getSize(), 0.01, "the root's font at 100%");

        robot.interact(() -> zoom.factorProperty().set(2));

        assertEquals(26, label.getFont().getSize(), 0.01, "a label's text follows the root's font");
        int[] atDouble = heatmap.visibleSteps();
        assertTrue(atDouble[1] - atDouble[0] < (atNormal[1] - atNormal[0]) / 3,
                "half as many characters to a line, about half as many lines: " + (atNormal[1] - atNormal[0])
                        + " then " + (atDouble[1] - atDouble[0]));
        assertTrue(heatmap.linesShown() < linesAtNormal, linesAtNormal + " lines then " + heatmap.linesShown());
        // Step 2 ('h'): its cell is 22 pixels wide from x = 2 × (8 + 2 × 11) at 200%, drawn in its neuron's colour.
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = heatmap.snapshot(null, null));
        var values = probed.matrix(model.layerProperty().get(), model.quantityProperty().get());
        ColorScale scale = model.look().scale(model.quantityProperty().get(), values, model.unitProperty().get());
        int expected = scale.rgb(values.value(2, model.unitProperty().get()));
        int x = (int) (2 * (8 + 2 * HeatmapView.CELL_WIDTH) + 2);
        assertColourClose(expected, image[0].getPixelReader().getArgb(x, 2 * 8 + 2) & 0xFFFFFF);
        assertColourClose(expected, image[0].getPixelReader().getArgb(x + 17, 2 * 8 + 2) & 0xFFFFFF);
    }

    @Test
    void aPngExportIsThePictureAt100PercentWhateverTheZoom(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage[] pictures = new BufferedImage[4];
        robot.interact(() -> {
            pictures[0] = PictureExport.snapshot(heatmap, 1);
            pictures[1] = PictureExport.snapshot(heatmap, 2);
        });
        robot.interact(() -> zoom.factorProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();
        int linesAtDouble = heatmap.linesShown();
        robot.interact(() -> {
            pictures[2] = PictureExport.snapshot(heatmap, 1);
            pictures[3] = PictureExport.snapshot(heatmap, 2);
        });

        assertEquals(2.0, zoom.factorProperty().get(), "the window is back at 200% after the export");
        assertEquals(linesAtDouble, heatmap.linesShown(), "and shows as many lines as before it");
        for (int k = 0; k < 2; k++) {
            assertEquals(pictures[k].getWidth(), pictures[k + 2].getWidth());
            assertEquals(pictures[k].getHeight(), pictures[k + 2].getHeight());
            assertArrayEquals(pixels(pictures[k]), pixels(pictures[k + 2]), "the " + (k + 1) + "× export at 200%");
        }
        assertEquals(2 * pictures[0].getWidth(), pictures[1].getWidth(), "2× keeps twice the pixels");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static void assertColourClose(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= 3, String.format("colour #%06x shown as #%06x", expected, actual));
        }
    }
}
