package org.charscope.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
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
 * The Neurons tab in a 1366 × 768 window, a common laptop's screen: the heatmap gets most of the
 * height (at least 8 lines of the passage), the cards and the pane below fold, and a click on
 * one of that pane's tabs opens it again.
 */
@ExtendWith(ApplicationExtension.class)
class NeuronsOnALaptopTest {

    @TempDir
    Path dataDir;

    @Test
    void theHeatmapShowsAtLeastEightLinesAt1366By768(FxRobot robot) {
        Probed reading = TinyReading.of();
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(new BookModel(), new Stage(), new SessionStore(dataDir), new ScriptedDialogs());
            window[0].show(new WindowLayout(0, 0, 1366, 768, false, Map.of(), "tab-explorer", List.of(), List.of()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window[0].explorer().show(reading));
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapView heatmap = robot.lookup("#heatmap").queryAs(HeatmapView.class);
        SplitPane split = robot.lookup("#explorer-split").queryAs(SplitPane.class);

        int lines = heatmap.linesShown();
        System.out.printf("1366 × 768: the heatmap shows %d lines, %.0f px high; the split's divider at %.2f%n",
                lines, heatmap.getHeight(), split.getDividerPositions()[0]);
        assertTrue(lines >= 8, "the heatmap shows " + lines + " lines, " + heatmap.getHeight() + " px");
        assertFalse(cardsShown(robot), "the cards are folded");
        assertTrue(robot.lookup("#explorer-below").queryAs(TabPane.class).getHeight() > 20, "the pane below keeps its tabs");

        robot.clickOn("#tab-units");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(split.getDividerPositions()[0] < 0.75, "a click on a tab opens the pane below: "
                + split.getDividerPositions()[0]);
        robot.clickOn("#discovery-fold");
        assertTrue(cardsShown(robot), "the fold button opens the cards");
        robot.interact(() -> ((Stage) window[0].root().getScene().getWindow()).close());
    }

    /** Whether the first card and the row it is in are shown. */
    private static boolean cardsShown(FxRobot robot) {
        var card = robot.lookup("#discovery-card-0").query();
        return card.isVisible() && card.getParent().isVisible();
    }
}
