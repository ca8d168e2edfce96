package org.charscope.explore;

/**
 * A property of the text at each step that a neuron might track, computed from the text alone
 * ({@link TextFeatures}). Each is the state after reading the step's symbol, since that is all the
 * network can know at that step. Most are indicators (0 or 1); {@link #BRACKET_DEPTH} and
 * {@link #POSITION_IN_LINE} are counts.
 */
public enum TextFeature {
    /** 1 from an opening quote up to, not including, its closing quote. */
    INSIDE_QUOTES("inside quotes"),
    /** How many ( [ { are open, the opening bracket counted, the closing one not. */
    BRACKET_DEPTH("bracket depth"),
    /** Symbols read since the last line feed; the line feed itself is 0. */
    POSITION_IN_LINE("position in line"),
    /** A letter that does not continue a word. */
    START_OF_WORD("start of word"),
    UPPER_CASE("upper case"),
    DIGIT("digit"),
    /** The first symbol of a line: the one right after a line feed. */
    AFTER_NEWLINE("after newline"),
    /** a, e, i, o or u in either case. */
    VOWEL("vowel"),
    WHITESPACE("whitespace"),
    PUNCTUATION("punctuation");

    private final String displayName;

    TextFeature(String displayName) {
        this.displayName = displayName;
    }

    /** Lower case, for running text: "inside quotes". */
    public String displayName() {
        return displayName;
    }

    /** Whether the feature is 0 or 1 at every step (rather than a count). */
    public boolean isIndicator() {
        return this != BRACKET_DEPTH && this != POSITION_IN_LINE;
    }
}
