package org.charscope.explore;

/**
 * The model's guesses after reading one symbol: its most likely next symbols, and how it rated
 * the symbol that actually came next.
 *
 * @param step                the step whose output this is (after reading symbol {@code step})
 * @param topIds              [k] most likely next-symbol ids, most likely first, ties to the lower id
 * @param topProbabilities    [k] their probabilities, descending
 * @param trueNextId          the symbol that came next, or −1 at the passage's end where it is unknown
 * @param trueNextProbability the probability the model gave it; 0 when unknown
 * @param trueNextRank        its place among all symbols in the same order as {@code topIds}, 1 = top guess;
 *                            0 when unknown
 * @param surprisalBits       −log₂ of its probability; 0 when unknown
 */
public record StepPrediction(int step, int[] topIds, float[] topProbabilities, int trueNextId,
                             float trueNextProbability, int trueNextRank, double surprisalBits) {

    public StepPrediction {
        if (topIds.length != topProbabilities.length) {
            throw new IllegalArgumentException(topIds.length + " ids but " + topProbabilities.length + " probabilities");
        }
        topIds = topIds.clone();
        topProbabilities = topProbabilities.clone();
    }

    /** Whether the next symbol is known (false only at the end of a passage with nothing after it). */
    public boolean hasTrueNext() {
        return trueNextId >= 0;
    }

    /** Whether the true next symbol is among the top guesses: the top-5 row marks it. */
    public boolean trueNextInTop() {
        return hasTrueNext() && trueNextRank <= topIds.length;
    }

    /** [k], a copy. */
    @Override
    public int[] topIds() {
        return topIds.clone();
    }

    /** [k], a copy. */
    @Override
    public float[] topProbabilities() {
        return topProbabilities.clone();
    }
}
