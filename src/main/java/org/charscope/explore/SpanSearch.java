package org.charscope.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.charscope.model.Signal;

/**
 * LSTMVis-style hypothesis search: select a span of the passage, find the neurons that are on
 * over it and off around it. A neuron is on at a step when its value is at least the query's
 * threshold, and it scores
 * <pre>
 *   score = (steps on inside the span / span length) − (steps on in the context / context length)
 * </pre>
 * with the context as {@link SpanQuery} defines it. A neuron that is always on scores 0, one that
 * is on exactly over the span scores 1.
 *
 * <p>Only values at or above the threshold count as on. A neuron that marks the span by going strongly
 * negative is found by the detectors ({@link FeatureCorrelations}), whose r carries a sign.
 */
public final class SpanSearch {

    private static final Comparator<SpanMatch> BEST_FIRST = Comparator.comparingDouble(SpanMatch::score).reversed()
            .thenComparingInt(SpanMatch::layer)
            .thenComparingInt(SpanMatch::unit);

    private SpanSearch() {
    }

    /** Every unit of one matrix, best first; ties in unit order. */
    public static List<SpanMatch> rank(NeuronMatrix values, int layer, Signal quantity, SpanQuery query) {
        List<SpanMatch> matches = matches(values, layer, quantity, query);
        matches.sort(BEST_FIRST);
        return List.copyOf(matches);
    }

    /** The best {@code limit} units of one quantity across every layer that recorded it; ties by layer, then unit. */
    public static List<SpanMatch> rank(PassageActivations activations, Signal quantity, SpanQuery query, int limit) {
        List<SpanMatch> matches = new ArrayList<>();
        for (int layer = 0; layer < activations.layerCount(); layer++) {
            if (activations.has(layer, quantity)) {
                matches.addAll(matches(activations.matrix(layer, quantity), layer, quantity, query));
            }
        }
        matches.sort(BEST_FIRST);
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    /** In unit order. */
    private static List<SpanMatch> matches(NeuronMatrix values, int layer, Signal quantity, SpanQuery query) {
        int steps = values.steps();
        if (query.to() > steps) {
            throw new IllegalArgumentException("span [" + query.from() + ", " + query.to() + ") runs past the "
                    + steps + " steps of the passage");
        }
        int units = values.units();
        int[] onInside = countOn(values, query.from(), query.to(), query.threshold());        // [units]
        int[] onBefore = countOn(values, query.contextFrom(), query.from(), query.threshold()); // [units]
        int[] onAfter = countOn(values, query.to(), query.contextTo(steps), query.threshold()); // [units]
        int contextSteps = query.from() - query.contextFrom() + query.contextTo(steps) - query.to();
        List<SpanMatch> matches = new ArrayList<>(units);
        for (int unit = 0; unit < units; unit++) {
            double inside = (double) onInside[unit] / query.length();
            double outside = contextSteps == 0 ? 0 : (double) (onBefore[unit] + onAfter[unit]) / contextSteps;
            matches.add(new SpanMatch(layer, quantity, unit, inside - outside, inside, outside));
        }
        return matches;
    }

    /** Per unit, the steps in {@code [from, to)} with a value at or above {@code threshold}. */
    private static int[] countOn(NeuronMatrix matrix, int from, int to, double threshold) {
        int units = matrix.units();
        float[] values = matrix.values(); // [steps][units]
        int[] counts = new int[units];   // [units]
        for (int step = from; step < to; step++) {
            int base = step * units;
            for (int unit = 0; unit < units; unit++) {
                if (values[base + unit] >= threshold) {
                    counts[unit]++;
                }
            }
        }
        return counts;
    }
}
