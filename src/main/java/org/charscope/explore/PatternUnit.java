package org.charscope.explore;

import java.util.Locale;
import org.charscope.model.Signal;

/**
 * One unit of an {@link OnOffPattern}: on at a step when its value is on the {@code direction}
 * side of {@code threshold}, as it was over every step of the brushed span, and off otherwise, as
 * it was just outside the span.
 *
 * @param neuron    layer, quantity and unit
 * @param direction on above the threshold, or below it (a unit that dips over the span)
 * @param threshold in the quantity's own units, halfway across the gap between the span's values
 *                  and those just outside it
 * @param gap       how wide that gap was: the span's weakest value less the strongest value outside
 *                  it (for a unit on below, the other way round); > 0
 */
public record PatternUnit(Neuron neuron, Direction direction, float threshold, double gap) {

    public PatternUnit {
        if (!(gap > 0) || !Float.isFinite(threshold)) {
            throw new IllegalArgumentException("a pattern unit needs a finite threshold and a gap > 0, got "
                    + threshold + " and " + gap);
        }
    }

    /** Whether the unit is on at this value. */
    public boolean isOn(float value) {
        return direction.isOn(value, threshold);
    }

    /** What the model hands over for this unit: the cell for tanh(cell), which is computed from it. */
    Signal readSignal() {
        return neuron.quantity() == Signal.TANH_CELL ? Signal.CELL : neuron.quantity();
    }

    /** The unit's value from what the model hands over (tanh applied for tanh(cell)). */
    float valueOf(float read) {
        return neuron.quantity() == Signal.TANH_CELL ? (float) Math.tanh(read) : read;
    }

    /** "layer 2 · tanh(cell) 87 on above 0.41 (gap 0.83)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s on %s %.2f (gap %.2f)", neuron.describe(), direction.id(), threshold, gap);
    }
}
