package org.charscope.text;

/**
 * How a {@link Book} becomes a {@link Corpus}.
 *
 * @param lowerCase          fold capitals into small letters: fewer symbols to learn, at the cost
 *                           of the model never writing a capital
 * @param rareMinCount       symbols seen fewer times than this share one "unknown" symbol, so a
 *                           stray character does not get a row of its own; 0 keeps every symbol
 * @param validationFraction the share of the text, taken from its end, held out to measure how
 *                           well the model does on text it never trained on
 */
public record TextOptions(boolean lowerCase, int rareMinCount, double validationFraction) {

    public static final double MIN_VALIDATION_FRACTION = 0.01;
    public static final double MAX_VALIDATION_FRACTION = 0.5;

    public TextOptions {
        if (rareMinCount < 0) {
            throw new IllegalArgumentException("the rare-symbol cut-off must be 0 or more, was " + rareMinCount);
        }
        if (!(validationFraction >= MIN_VALIDATION_FRACTION && validationFraction <= MAX_VALIDATION_FRACTION)) {
            throw new IllegalArgumentException("the validation fraction must be between " + MIN_VALIDATION_FRACTION
                    + " and " + MAX_VALIDATION_FRACTION + ", was " + validationFraction);
        }
    }

    /** Case kept, every symbol kept, the last 10% held out (as char-rnn and nanoGPT do). */
    public static TextOptions defaults() {
        return new TextOptions(false, 0, 0.1);
    }
}
