package org.charscope.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Interpolated Kneser–Ney against numbers worked out by hand, and the one property every
 * smoothing must have: each distribution sums to 1 over the vocabulary, whatever the context.
 */
class KneserNeyTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2; // in the vocabulary, never in the training text
    private static final int[] TRAIN = {A, B, A, A, B}; // "abaab", V = 3
    private static final double EXACT = 1e-12;

    private final KneserNey model = KneserNey.fit(TRAIN, TRAIN.length, 3, 3);

    private double p(int n, int... contextThenSymbol) {
        return model.probability(n, contextThenSymbol, contextThenSymbol.length - 1);
    }

    /**
     * N = 5, c(a) = 3, c(b) = 2, T = 2, V = 3, so D·T/(N·V) = 0.75·2/15 = 0.1:
     * P(a) = 2.25/5 + 0.1 = 0.55, P(b) = 1.25/5 + 0.1 = 0.35, P(c) = 0.1.
     */
    @Test
    void unigramsFollowTheIssuesFormula() {
        assertEquals(0.55, p(1, A), EXACT);
        assertEquals(0.35, p(1, B), EXACT);
        assertEquals(0.10, p(1, C), EXACT);
    }

    /**
     * The lower unigram on continuation counts: a follows b and a (N1+(•a) = 2), b follows a only
     * (N1+(•b) = 1); total 3, 2 types, so P'(a) = 1.25/3 + 0.75·2/3·1/3 = 1.75/3, P'(b) = 0.75/3,
     * P'(c) = 0.5/3.
     * After a: c(aa) = 1, c(ab) = 2, c(a•) = 3, N1+(a•) = 2: weight of the lower order 0.75·2/3 = 0.5;
     * P(b|a) = 1.25/3 + 0.5·0.25 = 0.5416…, P(a|a) = 0.25/3 + 0.5·1.75/3 = 0.375, P(c|a) = 0.5·0.5/3.
     * After b: only "ba" (the final b has no follower): c(b•) = 1, N1+(b•) = 1, lower weight 0.75;
     * P(a|b) = 0.25 + 0.75·1.75/3 = 0.6875, P(b|b) = 0.75·0.25 = 0.1875, P(c|b) = 0.125.
     * After c, never seen: the lower unigram itself.
     */
    @Test
    void bigramsByHand() {
        assertEquals(1.25 / 3 + 0.125, p(2, A, B), EXACT);
        assertEquals(0.375, p(2, A, A), EXACT);
        assertEquals(0.25 / 3, p(2, A, C), EXACT);
        assertEquals(0.6875, p(2, B, A), EXACT);
        assertEquals(0.1875, p(2, B, B), EXACT);
        assertEquals(0.125, p(2, B, C), EXACT);
        assertEquals(1.75 / 3, p(2, C, A), EXACT);
    }

    /**
     * The lower bigram on continuation counts: "ab" has one (a, from "aab"; its first occurrence
     * starts the text), "ba" one (a), "aa" one (b). After a: total 2, 2 types, weight 0.75;
     * P'(a|a) = 0.125 + 0.75·1.75/3 = 0.5625, P'(b|a) = 0.125 + 0.75·0.25 = 0.3125.
     * After b: total 1, 1 type; P'(a|b) = 0.25 + 0.75·1.75/3 = 0.6875, P'(b|b) = 0.1875, P'(c|b) = 0.125.
     * Trigrams aba, baa, aab once each. After "ab": c(ab•) = 1 (the second "ab" ends the text),
     * P(a|ab) = 0.25 + 0.75·0.6875 = 0.765625, P(b|ab) = 0.75·0.1875 = 0.140625, P(c|ab) = 0.09375.
     * After "aa": P(b|aa) = 0.25 + 0.75·0.3125 = 0.484375. After "ba": P(a|ba) = 0.25 + 0.75·0.5625
     * = 0.671875. After "bb", never seen: P'(a|b) = 0.6875.
     */
    @Test
    void trigramsByHand() {
        assertEquals(0.765625, p(3, A, B, A), EXACT);
        assertEquals(0.140625, p(3, A, B, B), EXACT);
        assertEquals(0.09375, p(3, A, B, C), EXACT);
        assertEquals(0.484375, p(3, A, A, B), EXACT);
        assertEquals(0.671875, p(3, B, A, A), EXACT);
        assertEquals(0.6875, p(3, B, B, A), EXACT);
    }

    @Test
    void everyDistributionSumsToOneInSeenAndUnseenContexts() {
        int vocabulary = 6;
        Random random = new Random(7);
        int[] train = new int[3_000];
        for (int i = 0; i < train.length; i++) { // skewed: symbol 5 never appears, 4 seldom
            train[i] = random.nextInt(10) < 7 ? random.nextInt(3) : 3 + random.nextInt(2) * random.nextInt(2);
        }
        KneserNey fitted = KneserNey.fit(train, train.length, vocabulary, 5);
        int[] probe = new int[5];
        for (int trial = 0; trial < 400; trial++) {
            boolean seen = trial % 2 == 0;
            int from = random.nextInt(train.length - 5);
            for (int j = 0; j < 4; j++) { // a context from the text, or anywhere in the vocabulary
                probe[j] = seen ? train[from + j] : random.nextInt(vocabulary);
            }
            for (int n = 1; n <= 5; n++) {
                double sum = 0;
                for (int w = 0; w < vocabulary; w++) {
                    probe[4] = w;
                    double probability = fitted.probability(n, probe, 4);
                    assertTrue(probability > 0, "never zero: the uniform floor");
                    sum += probability;
                }
                assertEquals(1.0, sum, 1e-12, "n = " + n + " after " + Arrays.toString(probe));
            }
        }
    }

    @Test
    void hashedKeysGiveTheSameProbabilitiesAsPackedOnes() {
        assertTrue(new GramKeys(512).exact(7) && !new GramKeys(513).exact(7), "7 ids of 9 bits fit in 64, of 10 do not");
        Random random = new Random(11);
        int[] train = new int[2_000];
        for (int i = 0; i < train.length; i++) {
            train[i] = random.nextInt(4);
        }
        KneserNey packed = KneserNey.fit(train, train.length, 4, 4);
        KneserNey hashed = KneserNey.fit(train, train.length, 4, 4, new GramKeys(4, true));
        double[] expected = new double[4];
        double[] actual = new double[4];
        for (int at = 0; at < 300; at++) {
            packed.probabilities(train, at, expected);
            hashed.probabilities(train, at, actual);
            assertArrayEquals(expected, actual, 0, "at " + at);
        }
    }
}
