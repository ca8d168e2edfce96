package org.charscope.ui.theme;

import org.charscope.explore.ColorScheme;

/**
 * How the window looks, as remembered between starts: a small record so that a later
 * window-state file can hold it beside the window's size and dividers.
 *
 * @param theme         Primer Light or Primer Dark
 * @param scheme        the heatmap's colours (View ▸ Colour scale)
 * @param fiveGuessRows Karpathy's five rows of guesses under each character, instead of one
 *                      compact row (the likeliest guess) with the five at the cursor
 * @param zoomPercent   View ▸ Zoom: text and canvases at this percent of their normal size, one of
 *                      {@link ZoomSteps}' steps (75 to 250)
 */
public record ViewSettings(Theme theme, ColorScheme scheme, boolean fiveGuessRows, int zoomPercent) {

    public ViewSettings {
        if (theme == null || scheme == null) {
            throw new IllegalArgumentException("view settings need a theme and a colour scheme");
        }
        if (ZoomSteps.orNormal(zoomPercent) != zoomPercent) {
            throw new IllegalArgumentException("no zoom step of " + zoomPercent + "%");
        }
    }

    /** The look at the normal size (100%). */
    public ViewSettings(Theme theme, ColorScheme scheme, boolean fiveGuessRows) {
        this(theme, scheme, fiveGuessRows, ZoomSteps.NORMAL);
    }

    /** What a first start shows: light, blue to orange, the compact row of guesses, 100%. */
    public static ViewSettings defaults() {
        return new ViewSettings(Theme.LIGHT, ColorScheme.standard(), false);
    }

    public ViewSettings withTheme(Theme other) {
        return new ViewSettings(other, scheme, fiveGuessRows, zoomPercent);
    }
}
