package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.charscope.explore.Attribution;
import org.charscope.explore.Probe;
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
 * The character cursor as a person uses it: click a character, move with the arrow keys, read the
 * panel (the character, the five guesses, the units that changed most) and see the attribution
 * strip appear under the characters before it, with the numbers of the model's own explanation.
 */
@ExtendWith(ApplicationExtension.class)
class CharacterCursorTest {

    private static final String PASSAGE = "\"Where is the boat?\" said Nell. (The keeper laughed.)\n".repeat(20);
    private static final LstmConfig CONFIG = new LstmConfig(Vocabulary.of(PASSAGE).size(), 2, 32, 0, 0, Precision.FLOAT);

    private ExplorerModel model;
    private ExplorerPane pane;
    private Vocabulary vocabulary;

    @Start
    void start(Stage stage) {
        vocabulary = Vocabulary.of(PASSAGE);
        Probed probed = Probed.of(Probe.run(new CharLstm(CONFIG, 11), vocabulary, PASSAGE), 0);
        model = new ExplorerModel(new TrainingController(new DashboardModel(System::currentTimeMillis, () -> { })),
                new SnapshotShelf());
        pane = new ExplorerPane(model, FXCollections.observableArrayList());
        Scene scene = new Scene(pane, 1100, 720);
        scene.getStylesheets().add(MainWindow.class.getResource("charscope.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        // the same seed gives the same weights: the cursor's model of its own equals the one that read
        model.showLive(probed, new AttributionReader.Weights("seed 11", () -> new CharLstm(CONFIG, 11)));
    }

    private Point2D cellOnScreen(int step) {
        HeatmapView heatmap = pane.heatmap();
        var bounds = heatmap.localToScreen(heatmap.getBoundsInLocal());
        return new Point2D(bounds.getMinX() + 8 + step * HeatmapView.CELL_WIDTH + HeatmapView.CELL_WIDTH / 2,
                bounds.getMinY() + 8 + HeatmapView.TEXT_HEIGHT / 2);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void clickAndArrowKeysMoveTheCursorAndThePanelExplainsItsGuess(FxRobot robot) throws Exception {
        robot.clickOn(cellOnScreen(5));
        assertEquals(5, model.cursor().stepProperty().get(), "the click put the cursor on step 5");
        assertTrue(model.cursor().pinnedProperty().get());
        TabPane side = robot.lookup("#explorer-side").queryAs(TabPane.class);
        assertEquals("tab-why", side.getSelectionModel().getSelectedItem().getId(), "the Why tab comes into view");
        assertTrue(text(robot, "#cursor-header").startsWith("e at 5 · next ␣, p "), text(robot, "#cursor-header"));

        robot.type(KeyCode.RIGHT, 4);
        assertEquals(9, model.cursor().stepProperty().get());
        robot.moveTo(cellOnScreen(30));   // pinned: hovering elsewhere leaves it where the keys put it
        assertEquals(9, model.cursor().stepProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // "Where is the": step 9 is the space after "is", the true next character 't'
        assertTrue(text(robot, "#cursor-header").startsWith("␣ at 9 · next t, p "), text(robot, "#cursor-header"));
        assertEquals(5, robot.lookup("#cursor-guesses").queryAs(VBox.class).getChildren().size(), "five guesses");
        assertEquals(CharacterCursor.CHANGED_UNITS, robot.lookup("#cursor-units").queryAs(VBox.class).getChildren().size());

        waitFor(20, TimeUnit.SECONDS, () -> model.cursor().attributionProperty().get() != null);
        Attribution shown = model.cursor().attributionProperty().get();
        Attribution direct = Attribution.explain(new CharLstm(CONFIG, 11), vocabulary, PASSAGE.codePoints().toArray(), 9, false);
        assertEquals(9, shown.at());
        assertEquals(10, shown.contributions().size(), "the characters 0 to 9, read from a zero state");
        assertArrayEquals(direct.contributions().stream().mapToDouble(Attribution.Contribution::score).toArray(),
                shown.contributions().stream().mapToDouble(Attribution.Contribution::score).toArray(), 1e-9);
        assertTrue(text(robot, "#cursor-why").startsWith("p(t next) = "), text(robot, "#cursor-why"));

        // the strip: the strongest contributor's cell has a coloured band at its foot
        int strongest = shown.strongest(1).get(0).position();
        robot.interact(pane.heatmap()::markDirty);
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = pane.heatmap().snapshot(null, null));
        int x = (int) (8 + strongest * HeatmapView.CELL_WIDTH + HeatmapView.CELL_WIDTH - 2);
        int bandY = (int) (8 + HeatmapView.TEXT_HEIGHT - 2);
        var band = image[0].getPixelReader().getColor(x, bandY);
        var above = image[0].getPixelReader().getColor(x, (int) (8 + HeatmapView.TEXT_HEIGHT - AttributionShading.BAND - 3));
        assertNotEquals(above, band, "a band under the strongest contributor");
        assertTrue(shown.strongest(1).get(0).score() > 0 ? band.getGreen() > band.getRed() : band.getRed() > band.getGreen(),
                "green where it raised the probability, red where it lowered it: " + band);
        assertNotNull(pane.grid().cursorColumnBounds(), "the grid's column for the cursor is outlined");

        // on demand, occlusion cross-checks each character: the same numbers as the model's own
        robot.interact(() -> { // the Why panel scrolls: bring its last button into view
            Node button = robot.lookup("#cursor-occlusion").query();
            for (Node up = button; up != null; up = up.getParent()) {
                if (up instanceof ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#cursor-occlusion");
        waitFor(20, TimeUnit.SECONDS, () -> model.cursor().attributionProperty().get() != null
                && !Double.isNaN(model.cursor().attributionProperty().get().contributions().get(0).occlusion()));
        Attribution checked = model.cursor().attributionProperty().get();
        Attribution occluded = Attribution.explain(new CharLstm(CONFIG, 11), vocabulary, PASSAGE.codePoints().toArray(), 9, true);
        assertArrayEquals(occluded.contributions().stream().mapToDouble(Attribution.Contribution::occlusion).toArray(),
                checked.contributions().stream().mapToDouble(Attribution.Contribution::occlusion).toArray(), 1e-9);
        assertTrue(text(robot, "#cursor-why").contains("occluded by a space: "), text(robot, "#cursor-why"));
        Screenshots.save(robot, pane, Path.of("target", "screenshots", "cursor-why.png"));
    }
}
