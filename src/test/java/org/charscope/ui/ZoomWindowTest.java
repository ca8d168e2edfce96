package org.charscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.charscope.ui.start.Hint;
import org.controlsfx.control.NotificationPane;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.session.SessionStore;
import org.charscope.ui.theme.AppearanceFile;
import org.charscope.ui.theme.ViewSettings;
import org.charscope.ui.theme.WindowZoom;
import org.charscope.ui.window.WindowLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** View ▸ Zoom makes a control's text and the heatmap larger, Ctrl 0 resets it, and a reopened window keeps it. */
@ExtendWith(ApplicationExtension.class)
class ZoomWindowTest {

    @TempDir
    Path dataDir;

    /** The window as the app opens it: its look and layout read from the data folder first. */
    private MainWindow open(FxRobot robot) {
        ViewSettings look = AppearanceFile.in(dataDir).read();
        WindowLayout layout = WindowLayout.readFrom(dataDir);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(new BookModel(), new Stage(), new SessionStore(dataDir), new ScriptedDialogs(), look);
            window[0].show(layout);
        });
        return window[0];
    }

    @Test
    void zoomingEnlargesTextAndCanvasesAndSurvivesAReopen(FxRobot robot) throws Exception {
        MainWindow first = open(robot);
        Button step = robot.lookup("#train-step").queryButton();
        assertEquals(13, step.getFont().getSize(), 0.01, "a button at 100%");

        robot.interact(() -> zoomItem(robot, "menu-zoom-in").fire());
        robot.interact(() -> zoomItem(robot, "menu-zoom-in").fire());
        assertEquals(125, first.appearance().zoomPercentProperty().get());
        assertEquals(16.25, step.getFont().getSize(), 0.01, "the button's text at 125%");
        robot.interact(() -> robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        Node heatmap = robot.lookup("#heatmap").query();
        assertEquals(1.25, WindowZoom.factor(heatmap), 1e-9, "the heatmap, which joined the window later, draws at 125%");

        robot.clickOn(step).press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertEquals(100, first.appearance().zoomPercentProperty().get(), "Ctrl 0: actual size");
        assertEquals(13, step.getFont().getSize(), 0.01);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertEquals(110, first.appearance().zoomPercentProperty().get(), "Ctrl =: zoom in");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.EQUALS).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(125, first.appearance().zoomPercentProperty().get(), "Ctrl + (Shift =): zoom in");
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertEquals(110, first.appearance().zoomPercentProperty().get(), "Ctrl −: zoom out");
        for (int k = 0; k < 3; k++) {
            robot.interact(() -> zoomItem(robot, "menu-zoom-in").fire());
        }
        assertEquals(175, first.appearance().zoomPercentProperty().get());

        Stage stage = (Stage) first.root().getScene().getWindow();
        robot.interact(stage::close);
        waitFor(10, TimeUnit.SECONDS, () -> AppearanceFile.in(dataDir).read().zoomPercent() == 175);
        MainWindow second = open(robot);
        assertEquals(175, second.appearance().zoomPercentProperty().get(), "the zoom comes back");
        Button again = robot.lookup("#train-step").queryButton();
        assertEquals(13 * 1.75, again.getFont().getSize(), 0.01, "and the text with it");
        robot.interact(() -> ((Stage) second.root().getScene().getWindow()).close());
    }

    @Test
    void aWindowTooNarrowForThePanelAndTheTabsHidesThePanelUntilThereIsRoom(FxRobot robot) throws Exception {
        MainWindow window = open(robot);
        Node side = robot.lookup("#sidebar").query();
        Node tabs = robot.lookup("#main-tabs").query();
        double width = window.root().getScene().getWidth();
        // the first start fits the (Monocle) screen: room for both at 125%, not at 150%
        assertTrue(width >= (SidePanel.PANEL_EM + SidePanel.TABS_EM) * 16.25 && width < (SidePanel.PANEL_EM + SidePanel.TABS_EM) * 19.5,
                "a window of " + width + " px");
        CheckMenuItem sidePanel = viewItem(robot, "menu-side-panel");
        zoomTo(robot, window, 125);
        assertTrue(side.isVisible() && sidePanel.isSelected(), "at 125% the panel shows");
        double tabsBefore = tabs.getLayoutBounds().getWidth();

        zoomTo(robot, window, 150);
        assertFalse(side.isVisible(), "at 150% it makes way");
        assertFalse(sidePanel.isSelected(), "and View ▸ Side panel says so");
        assertTrue(tabs.getLayoutBounds().getWidth() > tabsBefore + 100, "the tabs take its room");
        NotificationPane hints = robot.lookup("#training-hints").queryAs(NotificationPane.class);
        assertTrue(hints.isShowing());
        assertEquals(Hint.SIDE_PANEL_HIDDEN.text(), hints.getText(), "a hint says where it went");
        assertHintInSight(window, hints);

        robot.clickOn(tabs).press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(side.isVisible(), "Ctrl Shift B shows it: the person's choice");
        zoomTo(robot, window, 200);
        assertTrue(side.isVisible(), "and it stands while the window stays narrow");
        zoomTo(robot, window, 100);
        zoomTo(robot, window, 150);
        assertFalse(side.isVisible(), "until the window next becomes too narrow");
        zoomTo(robot, window, 100);
        assertTrue(side.isVisible(), "and the panel it hid comes back with the room");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.B).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(side.isVisible(), "hidden by the person at 100%");
        zoomTo(robot, window, 150);
        zoomTo(robot, window, 100);
        assertFalse(side.isVisible(), "stays hidden: the window only shows again what it hid");
        robot.interact(() -> ((Stage) window.root().getScene().getWindow()).close());
    }

    @Test
    void inAWindowTooShortForTheTrainingTabItsHintShowsAtTheTop(FxRobot robot) throws Exception {
        MainWindow window = open(robot);
        Stage stage = (Stage) window.root().getScene().getWindow();
        robot.interact(() -> stage.setHeight(560));
        zoomTo(robot, window, 150);   // the side panel makes way, and says so
        NotificationPane hints = robot.lookup("#training-hints").queryAs(NotificationPane.class);
        waitFor(5, TimeUnit.SECONDS, hints::isShowing);
        double tabBottom = hints.localToScene(hints.getLayoutBounds()).getMaxY();
        Region below = (Region) ((BorderPane) window.root()).getBottom();
        assertTrue(tabBottom > window.root().getLayoutBounds().getHeight() - below.getHeight(),
                "the tab's bottom lies under the status line: " + tabBottom);
        assertTrue(hints.isShowFromTop(), "so the hint is at the tab's top");
        assertHintInSight(window, hints);
        robot.interact(() -> ((Stage) window.root().getScene().getWindow()).close());
    }

    /** The hint's bar is at an edge of the Training tab that the window shows, not under the status line. */
    private static void assertHintInSight(MainWindow window, NotificationPane hints) {
        double seenUpTo = window.root().getLayoutBounds().getHeight()
                - ((Region) ((BorderPane) window.root()).getBottom()).getHeight();
        double bottom = hints.localToScene(hints.getLayoutBounds()).getMaxY();
        assertTrue(hints.isShowFromTop() || bottom <= seenUpTo + 0.5,
                "a hint at the bottom edge, at " + bottom + ", while the window shows down to " + seenUpTo);
    }

    /** View ▸ Zoom in or out until the window is at {@code percent}. */
    private static void zoomTo(FxRobot robot, MainWindow window, int percent) {
        while (window.appearance().zoomPercentProperty().get() != percent) {
            boolean in = window.appearance().zoomPercentProperty().get() < percent;
            robot.interact(() -> zoomItem(robot, in ? "menu-zoom-in" : "menu-zoom-out").fire());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** An item of the View menu, by id. */
    private static CheckMenuItem viewItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow();
        return (CheckMenuItem) view.getItems().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }

    /** An item of View ▸ Zoom, by id. */
    private static MenuItem zoomItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow();
        Menu zoom = (Menu) view.getItems().stream().filter(m -> "menu-zoom".equals(m.getId())).findFirst().orElseThrow();
        return zoom.getItems().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }
}
