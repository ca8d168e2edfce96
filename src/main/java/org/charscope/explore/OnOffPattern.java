package org.charscope.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.charscope.model.Signal;

/**
 * LSTMVis' on/off pattern, from a span brushed on a passage: the units of one quantity that are
 * on over every step of the span {@code [from, to)} and off over the {@code offBefore} steps just
 * before it and the {@code offAfter} just after it, each with a threshold of its own.
 *
 * <p>A unit takes part when one threshold separates the two: for "on above",
 * <pre>
 *   low  = min over the span of v_t          high = max over the steps just outside of v_t
 *   gap  = low − high > 0                     threshold = (low + high) / 2
 * </pre>
 * and for "on below" the same with the sides swapped (max over the span below min outside). The
 * threshold sits in the middle of the gap, so the brushed span shows the pattern with room to spare
 * on both sides. Gaps are measured on tanh(c)'s scale for the cell (it has no fixed range); at most
 * {@code maxUnits} units are kept, the widest gaps first, each at least {@link #MIN_GAP} wide so
 * that noise does not make a pattern. LSTMVis takes one threshold for every unit and the exact
 * bits; a threshold per unit finds units whose on and off levels differ from their neighbours'.
 *
 * @param units      the units of the pattern, widest gap first; not empty, at most 64
 * @param spanLength steps in the brushed span: matches of the same length rank first
 * @param offBefore  steps just before the span that must be off
 * @param offAfter   steps just after it that must be off
 */
public record OnOffPattern(List<PatternUnit> units, int spanLength, int offBefore, int offAfter) {

    /** Steps just outside the span that must be off, on each side: LSTMVis' default is one before. */
    public static final int OFF_STEPS = 1;
    /** Units kept: few enough that several are jointly on elsewhere in a book. */
    public static final int MAX_UNITS = 4;
    /** The narrowest gap that counts, on the quantity's scale (tanh(c) for the cell): a tenth of a hidden state's half range. */
    public static final double MIN_GAP = 0.1;

    public OnOffPattern {
        units = List.copyOf(units);
        if (units.isEmpty() || units.size() > Long.SIZE) {
            throw new IllegalArgumentException("a pattern needs 1 to 64 units, got " + units.size());
        }
        if (spanLength < 1 || offBefore < 0 || offAfter < 0) {
            throw new IllegalArgumentException("need a span of at least 1 step and off steps >= 0, got "
                    + spanLength + ", " + offBefore + ", " + offAfter);
        }
    }

    /** From a span with {@value #OFF_STEPS} off step each side and at most {@value #MAX_UNITS} units. */
    public static OnOffPattern brushed(PassageActivations activations, Signal quantity, int from, int to) {
        return brushed(activations, quantity, from, to, OFF_STEPS, OFF_STEPS, MAX_UNITS);
    }

    /**
     * @param activations the passage the span was brushed on; every layer that recorded {@code quantity} is searched
     * @throws IllegalArgumentException if the span is not inside the passage, leaves no step outside it to be off,
     *                                  or no unit is on over it and off around it (the message says what to try)
     */
    public static OnOffPattern brushed(PassageActivations activations, Signal quantity, int from, int to,
                                       int offBefore, int offAfter, int maxUnits) {
        int steps = activations.steps();
        if (from < 0 || to <= from || to > steps) {
            throw new IllegalArgumentException("the span [" + from + ", " + to + ") is not inside the passage of "
                    + steps + " characters");
        }
        int beforeFrom = Math.max(0, from - offBefore);
        int afterTo = Math.min(steps, to + offAfter);
        if (beforeFrom == from && afterTo == to) {
            throw new IllegalArgumentException("the span leaves no character just outside it to be off: "
                    + "brush a shorter span");
        }
        List<PatternUnit> found = new ArrayList<>();
        for (int layer = 0; layer < activations.layerCount(); layer++) {
            if (!activations.has(layer, quantity)) {
                continue;
            }
            NeuronMatrix values = activations.matrix(layer, quantity);
            for (int unit = 0; unit < values.units(); unit++) {
                PatternUnit separated = separate(values, new Neuron(layer, quantity, unit), from, to, beforeFrom, afterTo);
                if (separated != null) {
                    found.add(separated);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no " + quantity.displayName() + " unit is on over the whole span and "
                    + "off just outside it: brush a span that starts and ends where the colour changes, "
                    + "or try another quantity");
        }
        found.sort(Comparator.comparingDouble(PatternUnit::gap).reversed()
                .thenComparingInt(u -> u.neuron().layer()).thenComparingInt(u -> u.neuron().unit()));
        return new OnOffPattern(found.subList(0, Math.min(maxUnits, found.size())), to - from, from - beforeFrom,
                afterTo - to);
    }

    /** The unit as a pattern unit if a threshold with a gap of at least {@link #MIN_GAP} separates span and outside; else null. */
    private static PatternUnit separate(NeuronMatrix values, Neuron neuron, int from, int to, int beforeFrom, int afterTo) {
        float[] in = range(values, neuron.unit(), from, to);
        float[] before = range(values, neuron.unit(), beforeFrom, from);
        float[] after = range(values, neuron.unit(), to, afterTo);
        float lowOut = Math.min(before[0], after[0]);
        float highOut = Math.max(before[1], after[1]);
        Signal quantity = neuron.quantity();
        double gapAbove = scaled(quantity, in[0]) - scaled(quantity, highOut);
        double gapBelow = scaled(quantity, lowOut) - scaled(quantity, in[1]);
        if (Math.max(gapAbove, gapBelow) < MIN_GAP) {
            return null;
        }
        return gapAbove >= gapBelow
                ? new PatternUnit(neuron, Direction.ABOVE, midway(in[0], highOut), gapAbove)
                : new PatternUnit(neuron, Direction.BELOW, midway(in[1], lowOut), gapBelow);
    }

    /** {lowest, highest} value of a unit over steps [from, to); {+∞, −∞} when empty. */
    private static float[] range(NeuronMatrix values, int unit, int from, int to) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (int t = from; t < to; t++) {
            float v = values.value(t, unit);
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return new float[] {low, high};
    }

    /** Halfway between two floats, strictly between them (as floats) when they differ by more than one ulp. */
    private static float midway(float a, float b) {
        return (float) (((double) a + b) / 2);
    }

    /** On the scale gaps are measured on: tanh(c) for the cell, the value itself otherwise. */
    private static double scaled(Signal quantity, float value) {
        return quantity == Signal.CELL ? Math.tanh(value) : value;
    }

    /** Units in the pattern. */
    public int size() {
        return units.size();
    }
}
