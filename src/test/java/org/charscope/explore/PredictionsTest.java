package org.charscope.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.charscope.text.Vocabulary;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    /** Softmax of random logits, [steps][vocabularySize]. */
    private static float[] softmaxRows(Random random, int steps, int vocabularySize) {
        float[] probabilities = new float[steps * vocabularySize];
        for (int step = 0; step < steps; step++) {
            double[] logits = random.doubles(vocabularySize, -4, 4).toArray();
            double max = IntStream.range(0, vocabularySize).mapToDouble(i -> logits[i]).max().orElseThrow();
            double total = 0;
            for (double logit : logits) {
                total += Math.exp(logit - max);
            }
            for (int id = 0; id < vocabularySize; id++) {
                probabilities[step * vocabularySize + id] = (float) (Math.exp(logits[id] - max) / total);
            }
        }
        return probabilities;
    }

    /** Every id of a row, fully sorted: most probable first, ties to the lower id. */
    private static int[] fullSort(float[] probabilities, int step, int vocabularySize) {
        int base = step * vocabularySize;
        return IntStream.range(0, vocabularySize).boxed()
                .sorted(Comparator.comparingDouble((Integer id) -> probabilities[base + id]).reversed()
                        .thenComparingInt(id -> id))
                .mapToInt(Integer::intValue).toArray();
    }

    @Test
    void topFiveEqualsAFullSortOfTheSoftmaxAndSurprisalMatches() {
        Random random = new Random(21);
        int steps = 200;
        int vocabularySize = 60;
        float[] probabilities = softmaxRows(random, steps, vocabularySize);
        int[] ids = random.ints(steps + 1, 0, vocabularySize).toArray();

        Predictions predictions = Predictions.of(probabilities, vocabularySize, ids, 5);

        double totalBits = 0;
        for (int step = 0; step < steps; step++) {
            StepPrediction prediction = predictions.step(step);
            int[] sorted = fullSort(probabilities, step, vocabularySize);
            assertArrayEquals(java.util.Arrays.copyOf(sorted, 5), prediction.topIds(), "step " + step);
            for (int i = 0; i < 5; i++) {
                assertEquals(probabilities[step * vocabularySize + sorted[i]], prediction.topProbabilities()[i]);
            }
            int next = ids[step + 1];
            double p = probabilities[step * vocabularySize + next];
            assertEquals(next, prediction.trueNextId());
            assertEquals((float) p, prediction.trueNextProbability());
            assertEquals(-Math.log(p) / Math.log(2), prediction.surprisalBits(), 1e-9);
            int rank = IntStream.range(0, vocabularySize).filter(i -> sorted[i] == next).findFirst().orElseThrow() + 1;
            assertEquals(rank, prediction.trueNextRank());
            assertEquals(rank <= 5, prediction.trueNextInTop());
            totalBits += -Math.log(p) / Math.log(2);
        }
        assertEquals(totalBits / steps, predictions.meanSurprisalBits(), 1e-9);
    }

    @Test
    void tiesGoToTheLowerIdInTheListAndInTheRank() {
        float[] probabilities = {0.2f, 0.3f, 0.2f, 0.3f}; // [1][4]

        StepPrediction prediction = Predictions.of(probabilities, 4, new int[] {0, 2}, 3).step(0);

        assertArrayEquals(new int[] {1, 3, 0}, prediction.topIds());
        assertEquals(4, prediction.trueNextRank(), "id 2 ties with id 0 and goes after it");
        assertFalse(prediction.trueNextInTop());
    }

    @Test
    void withoutTheSymbolAfterThePassageTheLastStepHasNoTruth() {
        // passage "aba": after 'a' the model gives b 0.5, after 'b' a 0.25, after the last 'a' we cannot tell
        Vocabulary vocabulary = Vocabulary.of("ab");
        float[] probabilities = {
            0.5f, 0.5f,
            0.25f, 0.75f,
            0.9f, 0.1f,
        };

        Predictions predictions = Predictions.of(probabilities, vocabulary, "aba");

        assertEquals(3, predictions.steps().size());
        assertEquals(1.0, predictions.step(0).surprisalBits(), 1e-12);
        assertEquals(2.0, predictions.step(1).surprisalBits(), 1e-12);
        assertFalse(predictions.step(2).hasTrueNext());
        assertEquals(-1, predictions.step(2).trueNextId());
        assertEquals(1.5, predictions.meanSurprisalBits(), 1e-12, "the unknown step is left out of the mean");
        assertArrayEquals(new int[] {0, 1}, predictions.step(2).topIds(), "k = 5 is cut to the 2 symbols there are");
    }

    @Test
    void aZeroProbabilityCostsAFiniteNumberOfBits() {
        StepPrediction prediction = Predictions.of(new float[] {1, 0}, 2, new int[] {0, 1}, 1).step(0);

        assertEquals(149, prediction.surprisalBits(), 1e-9);
        assertEquals(0, Predictions.surprisalBits(1.0000001f));
        assertTrue(Double.isFinite(Predictions.surprisalBits(0)));
    }

    @Test
    void shapesThatDoNotFitAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Predictions.of(new float[5], 2, new int[2], 5));
        assertThrows(IllegalArgumentException.class, () -> Predictions.of(new float[4], 2, new int[4], 5));
        assertThrows(IllegalArgumentException.class, () -> Predictions.of(new float[4], 2, new int[] {0, 7}, 5));
    }
}
