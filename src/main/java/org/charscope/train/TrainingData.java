package org.charscope.train;

import org.charscope.text.SymbolCosts;
import org.charscope.text.Symbols;

/**
 * The text to learn, as symbol ids of one vocabulary.
 *
 * @param train           [symbols] ids to train on
 * @param validation      [symbols] held-out ids to evaluate on; may be empty (no evaluation)
 * @param validationCosts per validation symbol, the characters it stands for and any spelling cost
 *                        ({@link Symbols#costs}); null when each symbol is one character
 */
public record TrainingData(Symbols vocabulary, int[] train, int[] validation, SymbolCosts validationCosts) {

    public TrainingData {
        if (vocabulary == null || train == null || validation == null) {
            throw new IllegalArgumentException("vocabulary, training and validation ids must be given");
        }
        check(train, vocabulary.size(), "training");
        check(validation, vocabulary.size(), "validation");
        if (validationCosts != null && validationCosts.size() != validation.length) {
            throw new IllegalArgumentException(validation.length + " validation symbols but costs for " + validationCosts.size());
        }
    }

    /** Characters, one symbol each. */
    public TrainingData(Symbols vocabulary, int[] train, int[] validation) {
        this(vocabulary, train, validation, null);
    }

    /**
     * Characters of the text per symbol: 1 for characters; for words, measured on the held-out
     * part (what turns a word model's symbols per second into characters per second).
     */
    public double charactersPerSymbol() {
        if (validationCosts == null || validationCosts.size() == 0) {
            return 1;
        }
        long characters = 0;
        for (int n : validationCosts.characters()) {
            characters += n;
        }
        return (double) characters / validationCosts.size();
    }

    private static void check(int[] ids, int vocab, String what) {
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException(what + " text holds id " + id + " outside the vocabulary of " + vocab);
            }
        }
    }
}
