package org.charscope.explore;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.charscope.model.CharLstm;
import org.charscope.model.Preset;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.LoadProgress;
import org.charscope.text.TextOptions;

/**
 * Not a test: prints how long one explanation takes ({@link Attribution#explain}: a forward and a
 * backward pass over 200 characters, batch 1), with and without occlusion, per preset, median of
 * the timed runs after two warm-up ones. Never asserts on time. After {@code mvn -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.charscope.explore.WhyTiming 9}
 * ({@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt} once).
 */
public final class WhyTiming {

    private WhyTiming() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        Corpus corpus = Corpus.of(new BookReader().read(List.of(Path.of("sample-texts/the-lighthouse-keepers.txt")),
                LoadProgress.NONE), TextOptions.defaults(), 1000);
        int[] text = corpus.vocabulary().decode(Arrays.copyOf(corpus.validation(), 400)).codePoints().toArray();
        System.out.println("| preset | gradient × input, 200 characters | with occlusion |");
        System.out.println("| --- | --- | --- |");
        for (Preset preset : Preset.values()) {
            CharLstm model = new CharLstm(preset.model(corpus.vocabulary().size()), 1);
            double plain = median(runs, () -> Attribution.explain(model, corpus.vocabulary(), text, 300, false));
            double occluded = median(Math.max(3, runs / 3),
                    () -> Attribution.explain(model, corpus.vocabulary(), text, 300, true));
            System.out.printf(Locale.ROOT, "| %s (%d×%d) | %.0f ms | %.0f ms |%n", preset.name().toLowerCase(Locale.ROOT),
                    model.config().layers(), model.config().hidden(), plain, occluded);
        }
    }

    private static double median(int runs, Runnable work) {
        work.run();
        work.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
