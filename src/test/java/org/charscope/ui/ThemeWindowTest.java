package org.charscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.charscope.explore.ColorScheme;
import org.charscope.explore.Shade;
import org.charscope.ui.book.BookModel;
import org.charscope.ui.theme.AppearanceFile;
import org.charscope.ui.theme.Theme;
import org.charscope.ui.theme.ViewSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View ▸ Theme switches every control's colours, the canvases' and the heatmap's, and is remembered. */
@ExtendWith(ApplicationExtension.class)
class ThemeWindowTest {

    @TempDir
    Path sessionDir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.open(stage, new BookModel(), sessionDir, new ScriptedDialogs());
    }

    @Test
    void theDarkThemeRecoloursTheControlsAndIsRemembered(FxRobot robot) throws Exception {
        Button step = robot.lookup("#train-step").queryButton();
        Region root = (Region) window.root();
        assertTrue(root.getStyleClass().contains("theme-light"));
        assertEquals(Color.web("#ffffff"), background(root), "Primer Light's page");
        Color lightText = (Color) step.getTextFill();

        robot.interact(() -> menuItem(robot, "menu-view", "menu-theme", "menu-theme-dark").fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(root.getStyleClass().contains("theme-dark"));
        assertFalse(root.getStyleClass().contains("theme-light"));
        assertEquals(Color.web("#0d1117"), background(root), "Primer Dark's page, read from the computed style");
        Color darkText = (Color) step.getTextFill();
        assertTrue(darkText.getBrightness() > lightText.getBrightness() + 0.3,
                "a button's text follows the theme: " + lightText + " then " + darkText);
        assertEquals(Shade.DARK, window.explorer().look().paletteProperty().get().shade(), "the heatmap's colours too");

        AppearanceFile file = AppearanceFile.in(sessionDir);
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file.file()) && file.read().theme() == Theme.DARK);
        assertEquals(new ViewSettings(Theme.DARK, ColorScheme.standard(), false), file.read());
    }

    @Test
    void theColourScaleMenuChangesTheHeatmapsPalette(FxRobot robot) throws Exception {
        robot.interact(() -> menuItem(robot, "menu-view", "menu-colour-scale", "menu-colour-scale-purple-green").fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ColorScheme.PURPLE_GREEN, window.explorer().look().paletteProperty().get().scheme());
        AppearanceFile file = AppearanceFile.in(sessionDir);
        waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file.file()) && file.read().scheme() == ColorScheme.PURPLE_GREEN);
        assertEquals(Theme.LIGHT, file.read().theme());
    }

    private static Color background(Region region) {
        return (Color) region.getBackground().getFills().get(0).getFill();
    }

    /** A View menu item, found by the ids of its menu, its submenu and itself. */
    private static MenuItem menuItem(FxRobot robot, String menuId, String submenuId, String itemId) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu menu = bar.getMenus().stream().filter(m -> menuId.equals(m.getId())).findFirst().orElseThrow();
        Menu submenu = (Menu) menu.getItems().stream().filter(m -> submenuId.equals(m.getId())).findFirst().orElseThrow();
        return submenu.getItems().stream().filter(m -> itemId.equals(m.getId())).findFirst().orElseThrow();
    }
}
