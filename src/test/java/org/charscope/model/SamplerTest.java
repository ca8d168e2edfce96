package org.charscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private final CharLstm model = new CharLstm(new LstmConfig(20, 2, 32, 0, 0.1, Precision.FLOAT), 9);
    private final int[] prime = {3, 1, 4, 1, 5};

    @Test
    void theSameSeedGivesTheSameText() {
        SampleSettings settings = SampleSettings.defaults().withLength(200).withSeed(42);
        int[] a = Sampler.sample(model, prime, settings, null);
        int[] b = Sampler.sample(model, prime, settings, null);
        int[] c = Sampler.sample(model, prime, settings.withSeed(43), null);
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        assertEquals(200, a.length);
    }

    @Test
    void topKOfOneIsGreedy() {
        SampleSettings greedy = SampleSettings.defaults().withLength(100).withGreedy(true);
        int[] expected = Sampler.sample(model, prime, greedy, null);
        assertArrayEquals(expected, Sampler.sample(model, prime, greedy.withGreedy(false).withTopK(1).withSeed(7), null));
        assertArrayEquals(expected, Sampler.sample(model, prime, greedy.withGreedy(false).withTopP(1e-9).withSeed(8), null));
    }

    @Test
    void theListenerHearsEverySymbolInOrder() {
        List<Integer> heard = new ArrayList<>();
        int[] ids = Sampler.sample(model, new int[0], SampleSettings.defaults().withLength(50), heard::add);
        assertEquals(50, heard.size());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i], heard.get(i));
        }
    }

    @Test
    void truncationKeepsOnlyTheMostLikelySymbols() {
        double[] logits = {Math.log(0.4), Math.log(0.3), Math.log(0.2), Math.log(0.1)};
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[4];
        SampleSettings top2 = SampleSettings.defaults().withTopK(2);
        for (int i = 0; i < 20_000; i++) {
            counts[Sampler.pick(logits, top2, random)]++;
        }
        assertEquals(0, counts[2] + counts[3]);
        assertEquals(4.0 / 7, counts[0] / 20_000.0, 0.02);

        counts = new int[4];
        SampleSettings nucleus = SampleSettings.defaults().withTopP(0.85); // 0.4 + 0.3 + 0.2 ≥ 0.85
        for (int i = 0; i < 20_000; i++) {
            counts[Sampler.pick(logits, nucleus, random)]++;
        }
        assertEquals(0, counts[3]);
        assertEquals(0.2 / 0.9, counts[2] / 20_000.0, 0.02);

        counts = new int[4];
        SampleSettings cold = SampleSettings.defaults().withTemperature(0.5); // p^2, renormalised
        for (int i = 0; i < 20_000; i++) {
            counts[Sampler.pick(logits, cold, random)]++;
        }
        assertEquals(0.16 / 0.30, counts[0] / 20_000.0, 0.02);
        assertTrue(counts[3] > 0);
    }
}
