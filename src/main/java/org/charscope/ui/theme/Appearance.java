package org.charscope.ui.theme;

import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import org.charscope.explore.ColorScheme;
import org.charscope.explore.Palette;

/**
 * The window's look as it is now (View menu): theme, heatmap colours, rows of guesses, zoom. Every
 * change is written to the {@link AppearanceFile} on a background thread, except a theme given
 * for this start only ({@code --theme}): until a person picks one in the menu, the remembered
 * theme stays the one on disk.
 */
public final class Appearance {

    private final ObjectProperty<Theme> theme;
    private final ObjectProperty<ColorScheme> scheme;
    private final BooleanProperty fiveGuessRows;
    private final IntegerProperty zoomPercent;
    private final ObjectBinding<Palette> palette;
    private Theme rememberedTheme;

    /**
     * @param remembered what the file held at start
     * @param forThisStart a theme for this start only, or null
     * @param executor     writes the settings (a background thread); tests may run it in place
     */
    public Appearance(ViewSettings remembered, Theme forThisStart, AppearanceFile file, Executor executor) {
        rememberedTheme = remembered.theme();
        theme = new SimpleObjectProperty<>(forThisStart != null ? forThisStart : remembered.theme());
        scheme = new SimpleObjectProperty<>(remembered.scheme());
        fiveGuessRows = new SimpleBooleanProperty(remembered.fiveGuessRows());
        zoomPercent = new SimpleIntegerProperty(remembered.zoomPercent());
        palette = Bindings.createObjectBinding(() -> new Palette(scheme.get(), theme.get().shade()), scheme, theme);
        theme.addListener((obs, old, now) -> {
            rememberedTheme = now;   // a person's choice, from here on
            save(file, executor);
        });
        scheme.addListener(o -> save(file, executor));
        fiveGuessRows.addListener(o -> save(file, executor));
        zoomPercent.addListener(o -> save(file, executor));
    }

    private void save(AppearanceFile file, Executor executor) {
        ViewSettings settings = new ViewSettings(rememberedTheme, scheme.get(), fiveGuessRows.get(), zoomPercent.get());
        executor.execute(() -> file.write(settings));
    }

    /** Keeps {@code root} in the theme and at the zoom: now and at every change. FX thread. */
    public void style(Parent root) {
        theme.get().applyTo(root);
        theme.addListener((obs, old, now) -> now.applyTo(root));
        WindowZoom zoom = WindowZoom.install(root);
        zoom.factorProperty().set(zoomPercent.get() / 100.0);
        zoomPercent.addListener((obs, old, now) -> zoom.factorProperty().set(now.intValue() / 100.0));
    }

    /** View ▸ Zoom in: the next step up, up to 250%. */
    public void zoomIn() {
        zoomPercent.set(ZoomSteps.larger(zoomPercent.get()));
    }

    /** View ▸ Zoom out: the next step down, down to 75%. */
    public void zoomOut() {
        zoomPercent.set(ZoomSteps.smaller(zoomPercent.get()));
    }

    /** View ▸ Actual size: 100%. */
    public void resetZoom() {
        zoomPercent.set(ZoomSteps.NORMAL);
    }

    /** The zoom in percent, one of {@link ZoomSteps}' steps. */
    public IntegerProperty zoomPercentProperty() {
        return zoomPercent;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<ColorScheme> schemeProperty() {
        return scheme;
    }

    public BooleanProperty fiveGuessRowsProperty() {
        return fiveGuessRows;
    }

    /** The heatmap's colours: the chosen scheme in the theme's shade. */
    public ObjectBinding<Palette> paletteProperty() {
        return palette;
    }
}
