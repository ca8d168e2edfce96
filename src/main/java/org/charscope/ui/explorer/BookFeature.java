package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.charscope.explore.ErrorPassage;
import org.charscope.explore.FeatureLabels;
import org.charscope.explore.UnitErrors;
import org.charscope.text.Corpus;
import org.charscope.text.Vocabulary;

/**
 * A feature stated over the whole loaded book, as {@code FeatureHypothesis} reads it: the book's
 * symbols (training part, then validation part), the feature's yes or no at each, and where the
 * validation part starts. Made on a background thread; immutable once made (never write to {@code ids}).
 *
 * @param ids            [characters] the training symbols then the validation symbols
 * @param labels         the feature over the same characters
 * @param validationFrom where the validation part starts
 */
record BookFeature(int[] ids, FeatureLabels labels, int validationFrom) {

    /** Characters of context shown either side of an error passage. */
    static final int CONTEXT = 30;

    /**
     * @param feature the feature over a text (a regex's matches, a detector's signal)
     * @throws IllegalArgumentException if the labels do not cover the book character for character
     */
    static BookFeature of(Corpus corpus, Function<String, FeatureLabels> feature) {
        int[] train = corpus.train();
        int[] validation = corpus.validation();
        int[] ids = new int[train.length + validation.length];
        System.arraycopy(train, 0, ids, 0, train.length);
        System.arraycopy(validation, 0, ids, train.length, validation.length);
        FeatureLabels labels = feature.apply(corpus.text());
        if (labels.length() != ids.length) {
            throw new IllegalArgumentException("the feature labels " + labels.length() + " characters, the book has "
                    + ids.length);
        }
        return new BookFeature(ids, labels, train.length);
    }

    /**
     * A unit's worst errors as rows to show and click, false positives first: each the validation
     * text around the run, the run itself between « and ».
     */
    List<ErrorRow> rows(UnitErrors errors, Vocabulary vocabulary) {
        List<ErrorRow> rows = new ArrayList<>();
        for (ErrorPassage e : errors.falsePositives()) {
            rows.add(row(e, true, vocabulary));
        }
        for (ErrorPassage e : errors.falseNegatives()) {
            rows.add(row(e, false, vocabulary));
        }
        return rows;
    }

    private ErrorRow row(ErrorPassage error, boolean falsePositive, Vocabulary vocabulary) {
        int start = validationFrom + error.start();
        int end = validationFrom + error.end();
        int from = Math.max(validationFrom, start - CONTEXT);
        int to = Math.min(ids.length, end + CONTEXT);
        String before = decode(vocabulary, from, start);
        String run = decode(vocabulary, start, end);
        String after = decode(vocabulary, end, to);
        String shown = String.format(Locale.ROOT, "%s: %s«%s»%s (%d char%s, %.2f past the threshold)",
                falsePositive ? "false positive" : "false negative", before, run, after, error.length(),
                error.length() == 1 ? "" : "s", error.distance()).replace('\n', '↵');
        return new ErrorRow(shown, before + run + after, falsePositive);
    }

    private String decode(Vocabulary vocabulary, int from, int to) {
        int[] part = new int[to - from];
        System.arraycopy(ids, from, part, 0, part.length);
        return vocabulary.decode(part);
    }

    /**
     * One error passage in the list.
     *
     * @param shown   the line shown
     * @param passage the text around the error, to read in the explorer
     */
    record ErrorRow(String shown, String passage, boolean falsePositive) {
        @Override
        public String toString() {
            return shown;
        }
    }
}
