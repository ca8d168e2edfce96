package org.charscope.explore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.charscope.model.CharLstm;
import org.charscope.model.Preset;
import org.charscope.model.Signal;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.LoadProgress;
import org.charscope.text.Vocabulary;

/**
 * Not a test: prints how long testing a hypothesis takes on a book (default
 * {@code ../shared/corpora/tinyshakespeare.txt}) for untrained small and large models: the two
 * readings alone (a sink that does nothing) and the whole test, as a table.
 * Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.charscope.explore.HypothesisTiming [-Dexec.args=BOOK]}.
 */
public final class HypothesisTiming {

    private HypothesisTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/corpora/tinyshakespeare.txt");
        if (!Files.exists(file)) {
            System.out.println("no " + file + ": give a book as the first argument");
            return;
        }
        String text = new BookReader().read(List.of(file), LoadProgress.NONE).text();
        Vocabulary vocabulary = Vocabulary.of(text);
        int[] ids = vocabulary.encode(text);
        int validationFrom = ids.length - Corpus.validationSize(ids.length, 0.1);
        int thresholdFrom = Math.max(0, validationFrom - FeatureHypothesis.THRESHOLD_CHARACTERS);
        FeatureLabels labels = FeatureLabels.ofMatches(text, FeatureLabels.compile("[A-Z][A-Z]+"));
        System.out.printf(Locale.ROOT, "%s: %,d characters, %,d read%n", file.getFileName(), ids.length,
                ids.length - thresholdFrom);
        System.out.println("| preset | readings alone | whole test |");
        System.out.println("| --- | ---: | ---: |");
        for (Preset preset : new Preset[] {Preset.SMALL, Preset.LARGE}) {
            CharLstm model = new CharLstm(preset.model(vocabulary.size()), 1);
            PassageStream.read(model, ids, 0, 20_000, (p, s, l, f, o) -> { }, ReadProgress.NONE); // warm up
            long start = System.nanoTime();
            PassageStream.StepSink nothing = (int p, Signal s, int l, float[] f, int o) -> { };
            PassageStream.read(model, ids, thresholdFrom, ids.length, nothing, ReadProgress.NONE);
            double reading = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            FeatureHypothesis.test(model, ids, labels, validationFrom, ReadProgress.NONE);
            double whole = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %.1f s | %.1f s |%n", preset.name().toLowerCase(Locale.ROOT),
                    reading, whole);
        }
        System.exit(0);
    }
}
