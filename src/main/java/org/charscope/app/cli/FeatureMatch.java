package org.charscope.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.charscope.explore.FeatureHypothesis;
import org.charscope.explore.FeatureLabels;
import org.charscope.explore.HypothesisResult;
import org.charscope.explore.ReadProgress;
import org.charscope.explore.UnitScore;
import org.charscope.text.Book;
import org.charscope.text.Corpus;
import org.charscope.text.Vocabulary;
import org.charscope.train.TrainingRun;

/**
 * {@code neurons MODEL.zip FILE --match REGEX}: the hypothesis "a unit stands for the characters
 * inside this regex's matches", tested on the whole text ({@link FeatureHypothesis}): thresholds
 * chosen on the end of the training part, scores counted on the validation part, split where
 * training split it ({@code --validation}, the training default unless told).
 *
 * @param input      the model and the text
 * @param output     --json and the streams
 * @param regex      the regex as typed, echoed
 * @param pattern    the regex compiled
 * @param validation the fraction of the text at its end held out
 * @param top        units listed
 */
record FeatureMatch(ModelAndTextMixin input, JsonOutputMixin output, String regex, Pattern pattern, double validation,
                    int top) {

    /** Reads, tests and prints; the exit status. */
    int print(TrainingRun run, Vocabulary vocabulary, Book book) throws ModelFile.BadInput {
        String text = book.text();
        int[] ids = ModelFile.encode(vocabulary, text, book.displayName());
        FeatureLabels labels = FeatureLabels.ofMatches(text, pattern);
        int validationFrom = ids.length - Corpus.validationSize(ids.length, validation);
        if (validationFrom < 1 || validationFrom >= ids.length) {
            throw new ModelFile.BadInput(book.displayName() + " has " + ids.length
                    + " characters: too few to split into a training and a validation part");
        }
        HypothesisResult result;
        try {
            result = FeatureHypothesis.test(run.newModel(), ids, labels, validationFrom, ReadProgress.NONE);
        } catch (IllegalArgumentException e) {
            throw new ModelFile.BadInput("/" + regex + "/ on " + book.displayName() + ": " + e.getMessage());
        }
        PrintWriter out = output.out();
        out.print(output.json ? Json.pretty(json(result, book)) + "\n" : table(result, book));
        out.flush();
        return ExitCode.OK;
    }

    /** One unit's row of the JSON, its fields in this order. */
    private record Row(int layer, String quantity, int unit, String direction, double threshold, double precision,
                       double recall, double f1) {

        static Row of(UnitScore score) {
            return new Row(score.neuron().layer() + 1, score.neuron().quantity().name().toLowerCase(Locale.ROOT),
                    score.neuron().unit(), score.direction().id(), score.threshold(), score.precision(), score.recall(),
                    score.f1());
        }
    }

    private Map<String, Object> json(HypothesisResult result, Book book) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("model", input.modelName());
        all.put("text", book.displayName());
        all.put("regex", regex);
        all.put("thresholdCharacters", result.thresholdCharacters());
        all.put("validationCharacters", result.validationCharacters());
        all.put("positives", result.positives());
        all.put("units", result.best(top).stream().map(Row::of).toList());
        return all;
    }

    private String table(HypothesisResult result, Book book) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%s on %s: /%s/ holds at %,d of the %,d validation characters (%.1f%%)%n",
                input.modelName(), book.displayName(), regex, result.positives(), result.validationCharacters(),
                100.0 * result.positives() / result.validationCharacters()));
        table.append(String.format(Locale.ROOT, "thresholds chosen on the %,d characters before them%n",
                result.thresholdCharacters()));
        table.append(String.format(Locale.ROOT, "  %5s  %-12s %5s  %-16s %9s %7s %6s%n", "layer", "quantity", "unit",
                "on when", "precision", "recall", "F1"));
        for (UnitScore score : result.best(top)) {
            table.append(String.format(Locale.ROOT, "  %5d  %-12s %5d  %-6s %9.4f %9.3f %7.3f %6.3f%n",
                    score.neuron().layer() + 1, score.neuron().quantity().displayName(), score.neuron().unit(),
                    score.direction().id(), score.threshold(), score.precision(), score.recall(), score.f1()));
        }
        return table.toString();
    }
}
