package org.charscope.explore;

/**
 * A unit's best threshold for a feature, from how often each bin of its values ({@link SignalBins})
 * came with a positive and with a negative step. For the rule "on at or above edge k" (ABOVE) or
 * "on below edge k" (BELOW), with P positive steps in all,
 * <pre>
 *   TP = positive steps the rule calls on      FP = negative steps it calls on      FN = P − TP
 *   F1 = 2·TP / (2·TP + FP + FN) = 2·TP / (TP + FP + P)
 * </pre>
 * and the choice is the (direction, k) with the largest F1 over the inner edges
 * k = 1 … BINS − 1 (a rule that calls every step on, or none, says nothing about the unit).
 * One sweep of cumulative sums from the top bin down gives every edge in both directions.
 * Ties keep the first found: ABOVE before BELOW, higher edges before lower.
 *
 * @param direction which side is on
 * @param edge      the threshold as a bin edge, 1 to BINS − 1
 * @param f1        F1 on the steps counted, 0 when no step was positive
 */
record ThresholdChoice(Direction direction, int edge, double f1) {

    /**
     * @param positive [units · bins] counts of positive steps per bin
     * @param negative [units · bins] counts of negative steps per bin
     * @param from     where this unit's bins start: {@code unit · bins}
     */
    static ThresholdChoice best(int[] positive, int[] negative, int from, int bins) {
        long allPositive = 0;
        long allNegative = 0;
        for (int b = from; b < from + bins; b++) {
            allPositive += positive[b];
            allNegative += negative[b];
        }
        ThresholdChoice best = new ThresholdChoice(Direction.ABOVE, bins / 2, 0);
        long positiveAtOrAbove = 0;  // TP of ABOVE at edge k
        long negativeAtOrAbove = 0;  // FP of ABOVE at edge k
        ThresholdChoice bestBelow = best;
        for (int k = bins - 1; k >= 1; k--) {
            positiveAtOrAbove += positive[from + k];
            negativeAtOrAbove += negative[from + k];
            double above = f1(positiveAtOrAbove, negativeAtOrAbove, allPositive);
            if (above > best.f1) {
                best = new ThresholdChoice(Direction.ABOVE, k, above);
            }
            double below = f1(allPositive - positiveAtOrAbove, allNegative - negativeAtOrAbove, allPositive);
            if (below > bestBelow.f1) {
                bestBelow = new ThresholdChoice(Direction.BELOW, k, below);
            }
        }
        return bestBelow.f1 > best.f1 ? bestBelow : best;
    }

    /** 2·TP / (TP + FP + P); 0 when nothing is positive and nothing called on. */
    static double f1(long truePositives, long falsePositives, long positives) {
        long denominator = truePositives + falsePositives + positives;
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }
}
