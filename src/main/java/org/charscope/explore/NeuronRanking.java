package org.charscope.explore;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.charscope.model.Signal;

/**
 * Orders in which the neuron grid can list the units of one layer and quantity, each as unit
 * indices, most interesting first. Ties keep unit order, so a sort never shuffles rows that
 * score the same. (Span search results come ranked already: {@link SpanSearch#rank}.)
 */
public final class NeuronRanking {

    private NeuronRanking() {
    }

    /** Units that move most first: a unit that barely moves over the passage has little to show. */
    public static int[] byVariance(NeuronMatrix values) {
        return byScore(values.unitVariances());
    }

    /**
     * Units saturated most often first: the fraction of steps beyond either of the quantity's
     * saturation limits ({@link Signal#leftSaturatedBelow()}, {@link Signal#rightSaturatedAbove()}).
     */
    public static int[] bySaturation(NeuronMatrix values, Signal quantity) {
        float[] left = values.fractionBelow(quantity.leftSaturatedBelow());   // [units]
        float[] right = values.fractionAbove(quantity.rightSaturatedAbove()); // [units]
        double[] saturated = new double[values.units()];                       // [units]
        for (int unit = 0; unit < saturated.length; unit++) {
            saturated[unit] = left[unit] + right[unit];
        }
        return byScore(saturated);
    }

    /** By |r| with a feature, strongest first, whatever the sign. */
    public static int[] byCorrelation(FeatureCorrelations correlations, int layer, Signal quantity,
                                      TextFeature feature) {
        float[] r = correlations.correlations(layer, quantity, feature); // [units]
        double[] strength = new double[r.length];                        // [units]
        for (int unit = 0; unit < r.length; unit++) {
            strength[unit] = Math.abs(r[unit]);
        }
        return byScore(strength);
    }

    /** Highest score first; NaN scores last. */
    public static int[] byScore(double[] scores) {
        Comparator<Integer> highestFirst = Comparator.comparingDouble((Integer unit) -> orderable(scores[unit]))
                .reversed();
        return IntStream.range(0, scores.length).boxed().sorted(highestFirst.thenComparingInt(unit -> unit))
                .mapToInt(Integer::intValue).toArray();
    }

    private static double orderable(double score) {
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }
}
