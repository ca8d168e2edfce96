package org.charscope.baseline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.LoadProgress;
import org.charscope.text.TextOptions;

/**
 * Not a test: prints how long the n-gram baseline and the copy index take on the files named, and
 * what they hold, for docs/baseline.md. Never asserts on time. After {@code mvn -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.charscope.baseline.BaselineTiming FILE…}
 */
public final class BaselineTiming {

    private BaselineTiming() {
    }

    public static void main(String[] args) throws Exception {
        Corpus corpus = Corpus.of(new BookReader().read(Arrays.stream(args).map(Path::of).toList(), LoadProgress.NONE),
                TextOptions.defaults(), Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
        System.out.printf(Locale.ROOT, "%,d training and %,d validation symbols, vocabulary %d%n",
                corpus.trainSize(), corpus.validationSize(), corpus.vocabulary().size());
        for (int round = 0; round < 2; round++) { // the first round includes the JIT's warm-up
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long start = System.nanoTime();
            KneserNey model = KneserNey.fit(corpus.train(), corpus.trainSize(), corpus.vocabulary().size(),
                    NgramBaseline.MAX_ORDER);
            long fitted = System.nanoTime();
            NgramBaseline baseline = NgramBaseline.of(corpus);
            long scored = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: fit alone %.2f s, fit+score %.2f s, counts %.0f MB%n", round,
                    (fitted - start) / 1e9, (scored - fitted) / 1e9, model.bytes() / 1e6);
            for (NgramBaseline.Order order : baseline.orders()) {
                System.out.printf(Locale.ROOT, "  n = %d: %.3f nats/char, %.3f bits/char%n", order.n(),
                        order.natsPerChar(), order.bitsPerChar());
            }
            start = System.nanoTime();
            CopyIndex index = CopyIndex.of(corpus);
            long built = System.nanoTime();
            System.gc();
            long after = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf(Locale.ROOT, "  copy index: %.2f s, %.0f MB (stride %d); heap after both %.0f MB (was %.0f)%n",
                    (built - start) / 1e9, index.bytes() / 1e6, index.stride(), after / 1e6, before / 1e6);
            int[] passage = Arrays.copyOfRange(corpus.validation(), 0, 500); // held out: mostly not copied
            start = System.nanoTime();
            int copied = 0;
            for (int query = 0; query < 1_000; query++) {
                copied += index.find(passage, 0).copied();
            }
            System.out.printf(Locale.ROOT, "  a 500-character query: %.1f µs (%d copied)%n",
                    (System.nanoTime() - start) / 1e3 / 1_000, copied / 1_000);
        }
    }
}
