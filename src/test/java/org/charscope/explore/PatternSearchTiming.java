package org.charscope.explore;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.charscope.model.CharLstm;
import org.charscope.model.Signal;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.text.Vocabulary;
import org.charscope.train.Checkpoint;
import org.charscope.train.TrainingRun;

/**
 * Not a test: brushes, as a person would in the Match tab, the first match of a regex (default: a
 * quoted string, quotes included) in the explorer's default passage (the validation part's first
 * 2,000 characters) that some tanh(cell) unit of a saved model is on over and off around, and
 * prints the pattern, how long the search of the validation part takes and the best matches.
 * Run: {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt}, then
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.charscope.explore.PatternSearchTiming MODEL.zip BOOK [REGEX]} (docs/hypothesis.md).
 */
public final class PatternSearchTiming {

    private PatternSearchTiming() {
    }

    public static void main(String[] args) throws Exception {
        TrainingRun run = Checkpoint.read(Path.of(args[0]));
        Corpus corpus = Corpus.of(new BookReader().read(Path.of(args[1])), TextOptions.defaults(), 1000);
        int[] ids = new int[corpus.train().length + corpus.validation().length];
        System.arraycopy(corpus.train(), 0, ids, 0, corpus.train().length);
        System.arraycopy(corpus.validation(), 0, ids, corpus.train().length, corpus.validation().length);
        int validationFrom = corpus.train().length;
        CharLstm model = run.newModel();
        Vocabulary characters = Probe.characters(run.vocabulary());
        String passage = characters.decode(Arrays.copyOf(corpus.validation(), 2_000));
        Probe.Result read = Probe.run(model, characters, passage);
        Matcher quoted = Pattern.compile(args.length > 2 ? args[2] : "\"[^\"]*\"").matcher(passage);   // ASCII books
        while (quoted.find()) {
            OnOffPattern pattern;
            try {
                pattern = OnOffPattern.brushed(read.activations(), Signal.TANH_CELL, quoted.start(), quoted.end());
            } catch (IllegalArgumentException e) {
                continue;
            }
            System.out.printf(Locale.ROOT, "iteration %,d; brushed %s at %d: %s%n", run.iteration(),
                    passage.substring(quoted.start(), quoted.end()), quoted.start(), pattern.units());
            long start = System.nanoTime();
            PatternMatches found = PatternSearch.find(model, ids, validationFrom, pattern, 12, ReadProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%,d characters searched in %.1f s: %,d runs, %,d whole%n", found.characters(),
                    seconds, found.runs(), found.whole());
            for (PatternMatch match : found.best()) {
                int from = validationFrom + match.start();
                System.out.printf(Locale.ROOT, "  %s %d-%d %s%n", match.isWhole() ? "whole" : match.unitsFitting() + "/"
                        + match.units(), match.start(), match.end(), characters.decode(Arrays.copyOfRange(ids,
                        Math.max(validationFrom, from - 15), Math.min(ids.length, validationFrom + match.end() + 15)))
                        .replace('\n', '|'));
            }
            break;
        }
        System.exit(0);
    }
}
