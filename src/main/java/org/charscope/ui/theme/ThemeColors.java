package org.charscope.ui.theme;

import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.charscope.explore.Shade;

/**
 * The theme's named colours for code that paints: a canvas cannot use CSS, so it keeps one of
 * these, an invisible region among its children, whose background the stylesheet
 * {@code theme-colors.css} fills with the theme's looked-up colours in a fixed order; a canvas
 * reads them here and redraws when {@link #backgroundProperty()} changes (the theme switched).
 * Until CSS has run, Primer Light's values stand in.
 */
public final class ThemeColors extends Region {

    /** The looked-up colours in the order the stylesheet lists them, Primer Light's values. */
    private static final List<Color> LIGHT = List.of(Color.web("#ffffff"), Color.web("#24292f"),
            Color.web("#57606a"), Color.web("#d0d7de"), Color.web("#d0d7de"), Color.web("#0969da"),
            Color.web("#cf222e"), Color.web("#1a7f37"), Color.web("#9a6700"), Color.web("#f6f8fa"));

    public ThemeColors() {
        Theme.installDefault();
        getStyleClass().add("theme-colors");
        getStylesheets().add(ThemeColors.class.getResource("theme-colors.css").toExternalForm());
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
    }

    /** The page behind the drawing (-color-bg-default). */
    public Color page() {
        return color(0);
    }

    /** Text and axes (-color-fg-default). */
    public Color text() {
        return color(1);
    }

    /** Secondary text: tick labels, captions (-color-fg-muted). */
    public Color muted() {
        return color(2);
    }

    /** Frames and axis lines (-color-border-default). */
    public Color border() {
        return color(3);
    }

    /** Grid lines, quieter than borders (-color-border-muted). */
    public Color grid() {
        return color(4);
    }

    /** The theme's accent, e.g. the hovered or chosen mark (-color-accent-fg). */
    public Color accent() {
        return color(5);
    }

    /** Bad news: losses going up, surprise (-color-danger-fg). */
    public Color danger() {
        return color(6);
    }

    /** Good news: the true next character (-color-success-fg). */
    public Color success() {
        return color(7);
    }

    /** Attention: a selected span, the best point (-color-warning-fg). */
    public Color warning() {
        return color(8);
    }

    /** A quiet panel within the page (-color-bg-subtle). */
    public Color subtle() {
        return color(9);
    }

    /** Whether the page is dark: colour scales are drawn for it. */
    public Shade shade() {
        return page().getBrightness() < 0.5 ? Shade.DARK : Shade.LIGHT;
    }

    /**
     * A data series' colour as drawn on this page: as given on a light page; on a dark one lifted
     * to at least 80% brightness and a little less saturated, so a dark blue line still stands out
     * from the near-black page. The hue, which tells series apart, stays.
     */
    public Color series(Color given) {
        if (shade() == Shade.LIGHT) {
            return given;
        }
        return Color.hsb(given.getHue(), given.getSaturation() * 0.8, Math.max(0.8, given.getBrightness()),
                given.getOpacity());
    }

    private Color color(int index) {
        Background background = getBackground();
        if (background != null && background.getFills().size() > index) {
            BackgroundFill fill = background.getFills().get(index);
            Paint paint = fill.getFill();
            if (paint instanceof Color color) {
                return color;
            }
        }
        return LIGHT.get(index);
    }
}
