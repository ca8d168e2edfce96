package org.charscope.train;

import org.charscope.text.Vocabulary;

/**
 * The text to learn, as symbol ids of one vocabulary.
 *
 * @param train       [symbols] ids to train on
 * @param validation  [symbols] held-out ids to evaluate on; may be empty (no evaluation)
 */
public record TrainingData(Vocabulary vocabulary, int[] train, int[] validation) {

    public TrainingData {
        if (vocabulary == null || train == null || validation == null) {
            throw new IllegalArgumentException("vocabulary, training and validation ids must be given");
        }
        check(train, vocabulary.size(), "training");
        check(validation, vocabulary.size(), "validation");
    }

    private static void check(int[] ids, int vocab, String what) {
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException(what + " text holds id " + id + " outside the vocabulary of " + vocab);
            }
        }
    }
}
