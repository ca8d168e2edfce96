package org.charscope.ui.theme;

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

    /**
     * What a colour is for, in the order {@code theme-colors.css} lists the theme's looked-up
     * colours, each with Primer Light's value, which stands in until CSS has run.
     */
    public enum Role {
        /** The page behind the drawing (-color-bg-default). */
        PAGE("#ffffff"),
        /** Text and axes (-color-fg-default). */
        TEXT("#24292f"),
        /** Secondary text: tick labels, captions (-color-fg-muted). */
        MUTED("#57606a"),
        /** Frames and axis lines (-color-border-default). */
        BORDER("#d0d7de"),
        /** Grid lines, quieter than borders (-color-border-muted). */
        GRID("#d0d7de"),
        /** The theme's accent, e.g. the hovered or chosen mark (-color-accent-fg). */
        ACCENT("#0969da"),
        /** Bad news: losses going up, surprise (-color-danger-fg). */
        DANGER("#cf222e"),
        /** Good news: the true next character (-color-success-fg). */
        SUCCESS("#1a7f37"),
        /** Attention: a selected span, the best point (-color-warning-fg). */
        WARNING("#9a6700"),
        /** A quiet panel within the page (-color-bg-subtle). */
        SUBTLE("#f6f8fa");

        private final Color light;

        Role(String light) {
            this.light = Color.web(light);
        }
    }

    public ThemeColors() {
        Theme.installDefault();
        getStyleClass().add("theme-colors");
        getStylesheets().add(ThemeColors.class.getResource("theme-colors.css").toExternalForm());
        setManaged(false);
        setVisible(false);
        setMouseTransparent(true);
    }

    /** Whether the page is dark: colour scales are drawn for it. */
    public Shade shade() {
        return get(Role.PAGE).getBrightness() < 0.5 ? Shade.DARK : Shade.LIGHT;
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

    /** The theme's colour for {@code role}: the stylesheet's fill at the role's place, Primer Light's before CSS. */
    public Color get(Role role) {
        Background background = getBackground();
        if (background != null && background.getFills().size() > role.ordinal()) {
            BackgroundFill fill = background.getFills().get(role.ordinal());
            Paint paint = fill.getFill();
            if (paint instanceof Color color) {
                return color;
            }
        }
        return role.light;
    }
}
