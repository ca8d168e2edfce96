package org.charscope.ui.start;

/** A sentence shown once, at the moment it explains what the person is looking at. */
public enum Hint {
    /** The validation curve's first point. */
    FIRST_VALIDATION("first-validation", "The second curve is the loss on text the model has not seen: "
            + "while it falls with the first, the model is learning the language, not the pages."),
    /** The Neurons tab's first heatmap. */
    FIRST_READING("first-reading", "Each colour is one unit's value at that character, blue below zero "
            + "and red above; pick another unit in the list, or click a character to see the model's guesses.");

    private final String id;
    private final String text;

    Hint(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The name "don't show again" remembers. */
    public String id() {
        return id;
    }

    public String text() {
        return text;
    }
}
