package org.charscope.app.cli;

import java.util.Locale;
import org.charscope.model.LstmConfig;
import org.charscope.text.BadTextException;
import org.charscope.text.Book;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.text.WordCorpus;
import org.charscope.text.WordVocabulary;
import org.charscope.train.TrainingData;

/**
 * {@code --tokens chars|words} and {@code --words N}, shared by train and compare: a book as the
 * symbols a model reads, characters (char-rnn's choice, the default) or words with a learned
 * embedding (the seeds' bonus exercise).
 */
enum TokenLevel {
    CHARS, WORDS;

    /** A book made ready: the data, and a line saying what it holds. */
    record Prepared(TrainingData data, String summary) {
    }

    /** As the command line and the JSON write it: {@code chars} or {@code words}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static void checkMaxWords(int maxWords) {
        if (maxWords < 3 || maxWords > WordVocabulary.MAX_WORDS) {
            throw new IllegalArgumentException("--words must be 3 to " + WordVocabulary.MAX_WORDS + ", not " + maxWords);
        }
    }

    /** @param minSymbols the fewest symbols to train on (one batch and the next symbol) */
    Prepared prepare(Book book, TextOptions options, int minSymbols, int maxWords) throws BadTextException {
        if (this == WORDS) {
            WordCorpus corpus = WordCorpus.of(book, options, minSymbols, maxWords);
            TrainingData data = new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation(),
                    corpus.validationCosts());
            return new Prepared(data, String.format(Locale.ROOT, "%,d words and marks, %,d in the vocabulary",
                    corpus.train().length + corpus.validation().length, corpus.vocabulary().size()));
        }
        Corpus corpus = Corpus.of(book, options, minSymbols);
        TrainingData data = new TrainingData(corpus.vocabulary(), corpus.train(), corpus.validation());
        return new Prepared(data, String.format(Locale.ROOT, "%,d characters, %d symbols",
                corpus.trainSize() + corpus.validationSize(), corpus.vocabulary().size()));
    }

    /** A character model's shape for this token level ({@link LstmConfig#forWords()}). */
    LstmConfig model(LstmConfig shape) {
        return this == WORDS ? shape.forWords() : shape;
    }
}
