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
 */
public record ViewSettings(Theme theme, ColorScheme scheme, boolean fiveGuessRows) {

    public ViewSettings {
        if (theme == null || scheme == null) {
            throw new IllegalArgumentException("view settings need a theme and a colour scheme");
        }
    }

    /** What a first start shows: light, blue to orange, the compact row of guesses. */
    public static ViewSettings defaults() {
        return new ViewSettings(Theme.LIGHT, ColorScheme.standard(), false);
    }

    public ViewSettings withTheme(Theme other) {
        return new ViewSettings(other, scheme, fiveGuessRows);
    }
}
