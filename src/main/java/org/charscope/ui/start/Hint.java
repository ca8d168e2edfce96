package org.charscope.ui.start;

import java.util.Locale;

/** A sentence shown once, at the moment it explains what the person is looking at. */
public enum Hint {
    /** The validation curve's first point. */
    FIRST_VALIDATION("The validation curve is the loss on text the model never trains on."),
    /** The Neurons tab's first heatmap. */
    FIRST_READING("Each colour is one unit's value at that character; pick another unit in the list."),
    /** The side panel made way for the tabs in a narrow or zoomed window. */
    SIDE_PANEL_HIDDEN("Side panel hidden to make room; View ▸ Side panel shows it.");   // the menu shows the shortcut of the platform

    private final String text;

    Hint(String text) {
        this.text = text;
    }

    /** The name "don't show again" remembers: {@code first-validation} for FIRST_VALIDATION. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String text() {
        return text;
    }
}
