package org.charscope.text;

import java.util.Locale;

/**
 * A book as a model sees it: symbol ids, split into a part to train on and a held-out part to
 * validate on.
 *
 * <p>The vocabulary is built over the whole text, so validation never meets a symbol the model
 * has no row for. The validation part is the end of the text, not a random sample: neighbouring
 * characters are so alike that a random split would measure memory rather than learning.
 *
 * @param text       the text as the model reads it (lower-cased if the options say so)
 * @param train      [trainSize] symbol ids: the array itself, not a copy (a book's is tens of
 *                   megabytes); read it, never write to it
 * @param validation [validationSize] symbol ids, the text's end: the array itself, as {@code train}
 */
public record Corpus(Book book, TextOptions options, String text, Vocabulary vocabulary, int[] train,
                     int[] validation) {

    /** Symbols to train on below which a book is refused: too few for one useful batch. */
    public static final int DEFAULT_MIN_TRAIN_SYMBOLS = 1_000;

    /** The least validation a loss can be measured on: one input and the symbol after it. */
    private static final int MIN_VALIDATION_SYMBOLS = 2;

    /**
     * @param minTrainSymbols the fewest symbols the training part may have, e.g. one batch's worth
     * @throws BadTextException if the training part would be shorter than {@code minTrainSymbols}
     *                          or the validation part shorter than 2 symbols
     */
    public static Corpus of(Book book, TextOptions options, int minTrainSymbols) throws BadTextException {
        if (minTrainSymbols < 1) {
            throw new IllegalArgumentException("minTrainSymbols must be at least 1, was " + minTrainSymbols);
        }
        String text = options.lowerCase() ? lowerCase(book.text()) : book.text();
        int symbols = text.codePointCount(0, text.length());
        int validationSize = validationSize(symbols, options.validationFraction());
        if (symbols - validationSize < minTrainSymbols || validationSize < MIN_VALIDATION_SYMBOLS) {
            throw new BadTextException(String.format(Locale.ROOT,
                    "%s has %,d characters after stripping; CharScope needs at least %,d",
                    book.displayName(), symbols, fewestSymbols(minTrainSymbols, options.validationFraction())));
        }
        Vocabulary vocabulary = Vocabulary.build(text, options.rareMinCount());
        int[] train = new int[symbols - validationSize];
        int[] validation = new int[validationSize];
        int index = 0;
        for (int offset = 0; offset < text.length(); ) {
            int codePoint = text.codePointAt(offset);
            int id = vocabulary.id(codePoint);
            if (index < train.length) {
                train[index] = id;
            } else {
                validation[index - train.length] = id;
            }
            index++;
            offset += Character.charCount(codePoint);
        }
        return new Corpus(book, options, text, vocabulary, train, validation);
    }

    /**
     * Lower case one code point at a time, so every symbol stays one symbol (String.toLowerCase
     * would turn U+0130 'İ' into two) and the result does not depend on the user's locale.
     */
    static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }

    /**
     * The validation part of {@code symbols}: the fraction, rounded to the nearest symbol. Public so
     * that a command reading a saved model's text splits it where its training did.
     */
    public static int validationSize(int symbols, double fraction) {
        return (int) Math.round(symbols * fraction);
    }

    /** The shortest text that leaves {@code minTrainSymbols} to train on and enough to validate. */
    private static long fewestSymbols(int minTrainSymbols, double fraction) {
        long symbols = (long) minTrainSymbols + MIN_VALIDATION_SYMBOLS;
        while (symbols - Math.round(symbols * fraction) < minTrainSymbols
                || Math.round(symbols * fraction) < MIN_VALIDATION_SYMBOLS) {
            symbols++;
        }
        return symbols;
    }

    public int trainSize() {
        return train.length;
    }

    public int validationSize() {
        return validation.length;
    }
}
