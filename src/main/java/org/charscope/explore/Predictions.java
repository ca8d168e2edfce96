package org.charscope.explore;

import java.util.ArrayList;
import java.util.List;
import org.charscope.text.Vocabulary;

/**
 * The top-5 row: at every step the model's most likely next symbols, and its surprisal at the
 * symbol that actually came next,
 * <pre>
 *   surprisal_t = −log₂ p_t(x_{t+1})   bits
 * </pre>
 * whose mean over the passage is the model's loss on it in bits per character.
 *
 * <p>A probability of exactly 0 (a softmax that underflowed) is read as the smallest positive
 * float, 2⁻¹⁴⁹, so one such step costs 149 bits instead of making the mean infinite.
 *
 * @param vocabularySize      symbols the model chooses among
 * @param steps               one per step of the passage
 * @param meanSurprisalBits   mean surprisal over the steps whose next symbol is known; 0 if none is
 */
public record Predictions(int vocabularySize, List<StepPrediction> steps, double meanSurprisalBits) {

    /** How many guesses the row under the text shows. */
    public static final int TOP_K = 5;

    private static final double LOG_2 = Math.log(2);

    public Predictions {
        steps = List.copyOf(steps);
    }

    /** Top {@value #TOP_K}, over a passage given as text. */
    public static Predictions of(float[] probabilities, Vocabulary vocabulary, String passage) {
        return of(probabilities, vocabulary.size(), vocabulary.encode(passage), TOP_K);
    }

    /**
     * @param probabilities  [steps][vocabularySize]: row {@code t} is the distribution over the symbol after symbol {@code t}
     * @param vocabularySize symbols per row
     * @param ids            the passage's symbol ids, [steps], or [steps + 1] when the symbol after the passage is
     *                       known too; without it the last step has no true next symbol
     * @param k              guesses to keep per step; more than the vocabulary keeps them all
     */
    public static Predictions of(float[] probabilities, int vocabularySize, int[] ids, int k) {
        if (vocabularySize < 1 || probabilities.length % vocabularySize != 0) {
            throw new IllegalArgumentException(probabilities.length + " probabilities are not whole rows of "
                    + vocabularySize + " symbols");
        }
        int steps = probabilities.length / vocabularySize;
        if (ids.length != steps && ids.length != steps + 1) {
            throw new IllegalArgumentException(steps + " rows of probabilities need " + steps + " or " + (steps + 1)
                    + " symbol ids, got " + ids.length);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int kept = Math.min(k, vocabularySize);
        List<StepPrediction> predictions = new ArrayList<>(steps);
        double totalBits = 0;
        int scored = 0;
        for (int step = 0; step < steps; step++) {
            int rowStart = step * vocabularySize;
            int[] topIds = topIds(probabilities, rowStart, vocabularySize, kept); // [kept]
            float[] topProbabilities = new float[kept];                          // [kept]
            for (int i = 0; i < kept; i++) {
                topProbabilities[i] = probabilities[rowStart + topIds[i]];
            }
            if (step + 1 < ids.length) {
                int next = ids[step + 1];
                if (next < 0 || next >= vocabularySize) {
                    throw new IllegalArgumentException("symbol id " + next + " at step " + (step + 1)
                            + " is outside the vocabulary of " + vocabularySize);
                }
                float p = probabilities[rowStart + next];
                double bits = surprisalBits(p);
                predictions.add(new StepPrediction(step, topIds, topProbabilities, next, p,
                        rank(probabilities, rowStart, vocabularySize, next), bits));
                totalBits += bits;
                scored++;
            } else {
                predictions.add(new StepPrediction(step, topIds, topProbabilities, -1, 0, 0, 0));
            }
        }
        return new Predictions(vocabularySize, predictions, scored == 0 ? 0 : totalBits / scored);
    }

    public StepPrediction step(int step) {
        return steps.get(step);
    }

    /** −log₂ p, with 0 read as 2⁻¹⁴⁹ and a rounding excess over 1 as 1, so the result is finite and ≥ 0. */
    public static double surprisalBits(float probability) {
        double p = Math.min(1, Math.max(Float.MIN_VALUE, probability));
        return Math.log(1 / p) / LOG_2; // rather than −log p, which gives −0.0 for p = 1
    }

    /** Whether symbol {@code a} goes before {@code b} in a guess list: more probable, or as probable and a lower id. */
    private static boolean ranksAbove(float pa, int a, float pb, int b) {
        return pa > pb || pa == pb && a < b;
    }

    /**
     * The {@code k} best ids of a row by insertion into a short sorted list: O(vocabulary × k),
     * cheaper than sorting the row for the 5 of a hundred or so symbols the row shows.
     */
    private static int[] topIds(float[] probabilities, int rowStart, int vocabularySize, int k) {
        int[] best = new int[k]; // [k] sorted, best first
        int filled = 0;
        for (int id = 0; id < vocabularySize && k > 0; id++) {
            float p = probabilities[rowStart + id];
            if (filled == k && !ranksAbove(p, id, probabilities[rowStart + best[k - 1]], best[k - 1])) {
                continue;
            }
            int at = Math.min(filled, k - 1);
            while (at > 0 && ranksAbove(p, id, probabilities[rowStart + best[at - 1]], best[at - 1])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = id;
            filled = Math.min(filled + 1, k);
        }
        return best;
    }

    /** 1 + the number of symbols that go before {@code id} in the guess order. */
    private static int rank(float[] probabilities, int rowStart, int vocabularySize, int id) {
        float p = probabilities[rowStart + id];
        int above = 0;
        for (int other = 0; other < vocabularySize; other++) {
            if (ranksAbove(probabilities[rowStart + other], other, p, id)) {
                above++;
            }
        }
        return above + 1;
    }
}
