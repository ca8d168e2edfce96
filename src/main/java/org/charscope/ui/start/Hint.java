package org.charscope.ui.start;

import java.util.Locale;

/** A sentence shown once, at the moment it explains what the person is looking at. */
public enum Hint {
    /** The validation curve's first point. */
    FIRST_VALIDATION("The second curve is the loss on text the model has not seen: "
            + "while it falls with the first, the model is learning the language, not the pages."),
    /** The Neurons tab's first heatmap. */
    FIRST_READING("Each colour is one unit's value at that character (the legend gives the scale); "
            + "pick another unit in the list, or click a character to see the model's guesses.");

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
