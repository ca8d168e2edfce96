package org.charscope.text;

import java.util.Locale;

/**
 * A book as a word model sees it ({@link WordVocabulary}): the same split as {@link Corpus} (the
 * last fraction of the characters held out), each part cut into tokens on its own, the vocabulary
 * built from the training part, and the held-out part's costs per character, so its loss can be
 * set beside a character model's on exactly the same characters.
 *
 * @param vocabulary      the training part's words
 * @param train           [tokens] ids to train on
 * @param validation      [tokens] held-out ids
 * @param validationCosts per held-out token: its characters and the cost of spelling it if unknown
 * @param validationText  the held-out characters
 */
public record WordCorpus(WordVocabulary vocabulary, int[] train, int[] validation, SymbolCosts validationCosts,
                         String validationText) {

    /**
     * @param minTrainTokens the fewest tokens the training part may have, e.g. one batch's worth
     * @throws BadTextException if either part is too short, or no word repeats
     */
    public static WordCorpus of(Book book, TextOptions options, int minTrainTokens, int maxWords) throws BadTextException {
        return of(book.text(), book.displayName(), options, minTrainTokens, maxWords);
    }

    /** The same for a text by name. */
    public static WordCorpus of(String bookText, String name, TextOptions options, int minTrainTokens, int maxWords)
            throws BadTextException {
        String text = options.lowerCase() ? Corpus.lowerCase(bookText) : bookText;
        int characters = text.codePointCount(0, text.length());
        int validationCharacters = (int) Math.round(characters * options.validationFraction());
        int split = text.offsetByCodePoints(0, characters - validationCharacters);
        String training = text.substring(0, split);
        String held = text.substring(split);
        WordVocabulary vocabulary;
        try {
            vocabulary = WordVocabulary.build(training, text, maxWords);
        } catch (IllegalArgumentException e) {
            throw new BadTextException(name + ": " + e.getMessage() + "; a word model needs repeated words");
        }
        int[] train = vocabulary.encode(training);
        int[] validation = vocabulary.encode(held);
        if (train.length < minTrainTokens || validation.length < 2) {
            throw new BadTextException(String.format(Locale.ROOT,
                    "%s has %,d words and marks to train on and %,d held out; a word model needs at least %,d and 2",
                    name, train.length, validation.length, minTrainTokens));
        }
        return new WordCorpus(vocabulary, train, validation, vocabulary.costs(held), held);
    }
}
