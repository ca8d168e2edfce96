package org.charscope.explore;

import java.util.ArrayList;
import java.util.List;
import org.charscope.model.Signal;

/**
 * How often each unit's gate sits at an extreme (Karpathy, Johnson &amp; Fei-Fei 2015, fig. 3): per
 * unit, the fraction of steps it is left-saturated ({@code < 0.1}, nearly shut) and
 * right-saturated ({@code > 0.9}, nearly open). Plotted one point per unit, left against right:
 * forget gates hugging the right edge keep their cell for long stretches (the integrators), and
 * a unit far from both axes opens and shuts with the text.
 *
 * @param layer 0-based
 * @param gate  {@link Signal#FORGET_GATE}, {@link Signal#INPUT_GATE} or {@link Signal#OUTPUT_GATE}
 * @param left  [units] fraction of steps below {@link #LEFT_BELOW}
 * @param right [units] fraction of steps above {@link #RIGHT_ABOVE}
 */
public record GateSaturation(int layer, Signal gate, float[] left, float[] right) {

    public static final double LEFT_BELOW = 0.1;
    public static final double RIGHT_ABOVE = 0.9;

    /** The order the paper's figure shows them in (an LSTM's), then a GRU's two. */
    private static final List<Signal> GATES = List.of(Signal.FORGET_GATE, Signal.INPUT_GATE,
            Signal.OUTPUT_GATE, Signal.RESET_GATE, Signal.UPDATE_GATE);

    public GateSaturation {
        if (!gate.isGate()) {
            throw new IllegalArgumentException(gate.displayName() + " is not a gate");
        }
        if (left.length != right.length) {
            throw new IllegalArgumentException("left has " + left.length + " units, right " + right.length);
        }
        left = left.clone();
        right = right.clone();
    }

    public static GateSaturation of(int layer, Signal gate, NeuronMatrix values) {
        return new GateSaturation(layer, gate, values.fractionBelow(LEFT_BELOW), values.fractionAbove(RIGHT_ABOVE));
    }

    /** Per layer, the gates that were recorded: forget, input and output (LSTM), reset and update (GRU). */
    public static List<GateSaturation> of(PassageActivations activations) {
        List<GateSaturation> all = new ArrayList<>();
        for (int layer = 0; layer < activations.layerCount(); layer++) {
            for (Signal gate : GATES) {
                if (activations.has(layer, gate)) {
                    all.add(of(layer, gate, activations.matrix(layer, gate)));
                }
            }
        }
        return List.copyOf(all);
    }

    public int units() {
        return left.length;
    }

    /** [units], a copy. */
    @Override
    public float[] left() {
        return left.clone();
    }

    /** [units], a copy. */
    @Override
    public float[] right() {
        return right.clone();
    }
}
