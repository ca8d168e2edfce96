package org.charscope.ui.explorer;

import org.charscope.text.Corpus;
import org.charscope.text.Vocabulary;

/**
 * The loaded book as one sequence of the model's symbols, as the book-wide readings take it (the
 * hypothesis test, the match search): the training part, then the validation part. Made on a
 * background thread; never write to {@code ids}.
 *
 * @param ids            [characters] the training symbols then the validation symbols
 * @param validationFrom where the validation part starts
 */
record BookText(int[] ids, int validationFrom) {

    /** Characters of context shown either side of a passage found in the book. */
    static final int CONTEXT = 30;

    static BookText of(Corpus corpus) {
        int[] train = corpus.train();
        int[] validation = corpus.validation();
        int[] ids = new int[train.length + validation.length];
        System.arraycopy(train, 0, ids, 0, train.length);
        System.arraycopy(validation, 0, ids, train.length, validation.length);
        return new BookText(ids, train.length);
    }

    /** Characters in the validation part. */
    int validationLength() {
        return ids.length - validationFrom;
    }

    /**
     * A stretch of the validation part with {@link #CONTEXT} characters either side (within the part).
     *
     * @param start first character, counted from the validation part's start
     * @param end   one past the last
     */
    Excerpt excerpt(Vocabulary vocabulary, int start, int end) {
        int from = Math.max(validationFrom, validationFrom + start - CONTEXT);
        int to = Math.min(ids.length, validationFrom + end + CONTEXT);
        return new Excerpt(decode(vocabulary, from, validationFrom + start),
                decode(vocabulary, validationFrom + start, validationFrom + end), decode(vocabulary, validationFrom + end, to));
    }

    private String decode(Vocabulary vocabulary, int from, int to) {
        int[] part = new int[to - from];
        System.arraycopy(ids, from, part, 0, part.length);
        return vocabulary.decode(part);
    }

    /** A stretch found in the book and the text around it. */
    record Excerpt(String before, String run, String after) {

        /** The whole excerpt, to read in the explorer. */
        String passage() {
            return before + run + after;
        }

        /** On one line, the stretch between « and »: "he said «"Here,"» and" (line feeds as ↵). */
        String marked() {
            return (before + "«" + run + "»" + after).replace('\n', '↵');
        }

        /** Where the stretch starts in {@link #passage()}, in characters (code points, the explorer's steps). */
        int runFrom() {
            return before.codePointCount(0, before.length());
        }

        int runTo() {
            return runFrom() + run.codePointCount(0, run.length());
        }
    }
}
