package org.charscope.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.charscope.text.BookReader;
import org.charscope.text.Corpus;
import org.charscope.text.TextOptions;
import org.charscope.text.sample.StructuredTextGenerator;
import org.junit.jupiter.api.Test;

/** The baseline over a whole corpus: scored on the validation part, in nats and bits per character. */
class NgramBaselineTest {

    private static Corpus structured() throws Exception {
        String text = StructuredTextGenerator.generate(StructuredTextGenerator.DEFAULT_SEED, 120_000);
        return Corpus.of(new BookReader().read("structured.txt", text.getBytes(StandardCharsets.UTF_8)),
                TextOptions.defaults(), Corpus.DEFAULT_MIN_TRAIN_SYMBOLS);
    }

    @Test
    void longerContextsHelpUpToAPointOnTheStructuredText() throws Exception {
        NgramBaseline baseline = NgramBaseline.of(structured());
        List<NgramBaseline.Order> orders = baseline.orders();
        assertEquals(NgramBaseline.MAX_ORDER, orders.size());
        for (int n = 2; n <= 4; n++) {
            assertTrue(orders.get(n - 1).natsPerChar() < orders.get(n - 2).natsPerChar() - 0.05,
                    "n = " + n + " beats n = " + (n - 1) + ": " + orders);
        }
        NgramBaseline.Order best = baseline.best();
        // Seeded, so fixed: 3.22, 2.25, 1.38, 1.20, 1.19, 1.21, 1.21 nats; 120,000 characters are too
        // few for 6 and 7 characters of context to recur often enough to pay.
        assertTrue(best.n() >= 4 && best.n() < NgramBaseline.MAX_ORDER, "the best n is past 3, short of 7: " + orders);
        assertEquals(best.natsPerChar() / Math.log(2), best.bitsPerChar(), 1e-12);
    }

    @Test
    void scoresEveryValidationSymbolWithTheTrainingTailAsContext() {
        int[] train = {0, 1, 0, 0, 1};
        int[] validation = {0, 2};
        NgramBaseline baseline = NgramBaseline.of(train, validation, 3);
        KneserNey model = KneserNey.fit(train, train.length, 3, 5);
        int[] text = {0, 1, 0, 0, 1, 0, 2};
        for (int n = 1; n <= 5; n++) {
            double expected = -(Math.log(model.probability(n, text, 5)) + Math.log(model.probability(n, text, 6))) / 2;
            assertEquals(expected, baseline.orders().get(n - 1).natsPerChar(), 1e-12, "n = " + n);
        }
        assertEquals(5, baseline.orders().size(), "no longer n than the training text");
        assertEquals(2, baseline.validationSymbols());
    }

    @Test
    void anInterruptedFitStops() throws Exception {
        Corpus corpus = structured();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> NgramBaseline.of(corpus));
        } finally {
            Thread.interrupted();
        }
    }
}
