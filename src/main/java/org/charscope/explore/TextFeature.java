package org.charscope.explore;

import java.util.Locale;

/**
 * A property of the text at each step that a neuron might track, computed from the text alone
 * ({@link TextFeatures}). Each is the state after reading the step's symbol, since that is all the
 * network can know at that step. Most are indicators (0 or 1); {@link #BRACKET_DEPTH} and
 * {@link #POSITION_IN_LINE} are counts.
 */
public enum TextFeature {
    /** 1 from an opening quote up to, not including, its closing quote. */
    INSIDE_QUOTES,
    /** How many ( [ { are open, the opening bracket counted, the closing one not. */
    BRACKET_DEPTH,
    /** Symbols read since the last line feed; the line feed itself is 0. */
    POSITION_IN_LINE,
    /** A letter that does not continue a word. */
    START_OF_WORD,
    UPPER_CASE,
    DIGIT,
    /** The first symbol of a line: the one right after a line feed. */
    AFTER_NEWLINE,
    /** a, e, i, o or u in either case. */
    VOWEL,
    WHITESPACE,
    PUNCTUATION;

    /** The name in lower case, for running text: "inside quotes". */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Whether the feature is 0 or 1 at every step (rather than a count). */
    public boolean isIndicator() {
        return this != BRACKET_DEPTH && this != POSITION_IN_LINE;
    }
}
