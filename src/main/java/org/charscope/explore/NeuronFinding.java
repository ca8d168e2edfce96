package org.charscope.explore;

import java.util.Locale;
import org.charscope.model.Signal;

/**
 * A neuron that tracks a text feature: its Pearson correlation with the feature over the passage.
 *
 * @param layer    0-based, shown 1-based
 * @param quantity which of the unit's values
 * @param unit     0-based
 * @param feature  what it tracks
 * @param r        Pearson correlation in [−1, 1]; negative when the neuron goes down as the feature goes up
 */
public record NeuronFinding(int layer, Signal quantity, int unit, TextFeature feature, double r) {

    public NeuronFinding {
        if (!(r >= -1 && r <= 1)) {
            throw new IllegalArgumentException("r must lie in [-1, 1], got " + r);
        }
    }

    public Neuron neuron() {
        return new Neuron(layer, quantity, unit);
    }

    /** "layer 2 · cell 137 · inside quotes · r = 0.87". */
    public String describe() {
        return String.format(Locale.ROOT, "%s · %s · r = %.2f", neuron().describe(), feature.displayName(), r);
    }
}
