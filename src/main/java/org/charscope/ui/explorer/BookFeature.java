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
 * symbols ({@link BookText}: training part, then validation part), the feature's yes or no at each, and where the
 * validation part starts. Made on a background thread; immutable once made (never write to {@code ids}).
 *
 * @param ids            [characters] the training symbols then the validation symbols
 * @param labels         the feature over the same characters
 * @param validationFrom where the validation part starts
 */
record BookFeature(int[] ids, FeatureLabels labels, int validationFrom) {

    /**
     * @param feature the feature over a text (a regex's matches, a detector's signal)
     * @throws IllegalArgumentException if the labels do not cover the book character for character
     */
    static BookFeature of(Corpus corpus, Function<String, FeatureLabels> feature) {
        BookText book = BookText.of(corpus);
        FeatureLabels labels = feature.apply(corpus.text());
        if (labels.length() != book.ids().length) {
            throw new IllegalArgumentException("the feature labels " + labels.length() + " characters, the book has "
                    + book.ids().length);
        }
        return new BookFeature(book.ids(), labels, book.validationFrom());
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
        BookText.Excerpt excerpt = new BookText(ids, validationFrom).excerpt(vocabulary, error.start(), error.end());
        String shown = String.format(Locale.ROOT, "%s: %s (%d char%s, %.2f past the threshold)",
                falsePositive ? "false positive" : "false negative", excerpt.marked(), error.length(),
                error.length() == 1 ? "" : "s", error.distance());
        return new ErrorRow(shown, excerpt.passage(), falsePositive);
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
