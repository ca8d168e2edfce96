package org.charscope.explore;

import java.util.Locale;
import org.charscope.model.Signal;

/**
 * One unit of one quantity of one layer: what a person selects to colour the text with.
 *
 * @param layer    0-based; shown 1-based, as people count layers
 * @param quantity which of the unit's values
 * @param unit     0-based, and shown so, as the engine and other tools number units
 */
public record Neuron(int layer, Signal quantity, int unit) {

    public Neuron {
        if (layer < 0 || unit < 0) {
            throw new IllegalArgumentException("layer and unit must be >= 0, got " + layer + " and " + unit);
        }
    }

    /** "layer 2 · cell 137". */
    public String describe() {
        return String.format(Locale.ROOT, "layer %d · %s %d", layer + 1, quantity.displayName(), unit);
    }
}
