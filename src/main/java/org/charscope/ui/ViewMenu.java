package org.charscope.ui;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.charscope.explore.ColorScheme;
import org.charscope.ui.theme.Appearance;
import org.charscope.ui.theme.Theme;
import org.kordamp.ikonli.javafx.FontIcon;

/** View ▸ Theme (light, dark), View ▸ Colour scale (the heatmap's schemes), the rows of guesses and View ▸ Zoom. */
final class ViewMenu {

    private ViewMenu() {
    }

    /** @param root the window's root: its scene gets the second shortcut for Zoom in (Ctrl =) */
    static Menu of(Appearance appearance, Parent root) {
        Menu theme = choices("Theme", "menu-theme", Theme.values(), appearance.themeProperty());
        theme.setGraphic(new FontIcon("mdi2t-theme-light-dark"));
        Menu scale = choices("Colour scale", "menu-colour-scale", ColorScheme.values(), appearance.schemeProperty());
        scale.setGraphic(new FontIcon("mdi2p-palette-outline"));
        CheckMenuItem fiveRows = new CheckMenuItem("Five rows of guesses (Karpathy's)");
        fiveRows.setId("menu-five-guess-rows");
        fiveRows.selectedProperty().bindBidirectional(appearance.fiveGuessRowsProperty());
        Menu view = new Menu("View", null, theme, scale, new SeparatorMenuItem(), fiveRows, zoom(appearance, root));
        view.setId("menu-view");
        return view;
    }

    /**
     * View ▸ Zoom: in (Ctrl + or Ctrl =), out (Ctrl −), actual size (Ctrl 0). The menu shows one
     * key for each; the window's scene takes the others (the keypad's, a layout's own + key).
     */
    private static Menu zoom(Appearance appearance, Parent root) {
        MenuItem in = item("Zoom in", "menu-zoom-in", "mdi2m-magnify-plus-outline", KeyCode.EQUALS, appearance::zoomIn);
        MenuItem out = item("Zoom out", "menu-zoom-out", "mdi2m-magnify-minus-outline", KeyCode.MINUS, appearance::zoomOut);
        MenuItem reset = item("Actual size (100%)", "menu-zoom-reset", "mdi2m-magnify", KeyCode.DIGIT0, appearance::resetZoom);
        Menu zoom = new Menu("", new FontIcon("mdi2m-magnify"), in, out, reset);
        zoom.setId("menu-zoom");
        zoom.textProperty().bind(appearance.zoomPercentProperty().asString("Zoom (%d%%)"));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(shortcut(KeyCode.ADD), appearance::zoomIn);
                scene.getAccelerators().put(shortcut(KeyCode.PLUS), appearance::zoomIn);
                scene.getAccelerators().put(shortcut(KeyCode.SUBTRACT), appearance::zoomOut);
                scene.getAccelerators().put(shortcut(KeyCode.NUMPAD0), appearance::resetZoom);
            }
        });
        return zoom;
    }

    private static MenuItem item(String label, String id, String icon, KeyCode key, Runnable action) {
        MenuItem item = new MenuItem(label, new FontIcon(icon));
        item.setId(id);
        item.setAccelerator(shortcut(key));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Ctrl (Cmd on a Mac) and {@code key}, with or without Shift: Ctrl Shift = is Ctrl + on most keyboards. */
    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY);
    }

    /** A submenu of radio items, one per value, kept in step with {@code chosen} both ways. */
    private static <T extends Enum<T>> Menu choices(String label, String id, T[] values, ObjectProperty<T> chosen) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu(label);
        menu.setId(id);
        for (T value : values) {
            RadioMenuItem item = new RadioMenuItem(value.toString());
            item.setId(id + "-" + value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setToggleGroup(group);
            item.setUserData(value);
            item.setSelected(value == chosen.get());
            item.setOnAction(e -> chosen.set(value));
            menu.getItems().add(item);
        }
        chosen.addListener((obs, old, now) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        return menu;
    }
}
