package org.charscope.ui;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.charscope.explore.ColorScheme;
import org.charscope.ui.theme.Appearance;
import org.charscope.ui.theme.Theme;
import org.kordamp.ikonli.javafx.FontIcon;

/** View ▸ Theme (light, dark), View ▸ Colour scale (the heatmap's schemes) and the rows of guesses. */
final class ViewMenu {

    private ViewMenu() {
    }

    static Menu of(Appearance appearance) {
        Menu theme = choices("Theme", "menu-theme", Theme.values(), appearance.themeProperty());
        theme.setGraphic(new FontIcon("mdi2t-theme-light-dark"));
        Menu scale = choices("Colour scale", "menu-colour-scale", ColorScheme.values(), appearance.schemeProperty());
        scale.setGraphic(new FontIcon("mdi2p-palette-outline"));
        CheckMenuItem fiveRows = new CheckMenuItem("Five rows of guesses (Karpathy's)");
        fiveRows.setId("menu-five-guess-rows");
        fiveRows.selectedProperty().bindBidirectional(appearance.fiveGuessRowsProperty());
        Menu view = new Menu("View", null, theme, scale, new SeparatorMenuItem(), fiveRows);
        view.setId("menu-view");
        return view;
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
