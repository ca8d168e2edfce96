package org.charscope.explore;

import java.util.Locale;
import org.charscope.model.Signal;

/**
 * How well one neuron matches a selected span ({@link SpanSearch}).
 *
 * @param layer     0-based, shown 1-based
 * @param quantity  which of the unit's values
 * @param unit      0-based
 * @param score     {@code onInside − onOutside}, in [−1, 1]; 1 is on over the whole span and off all around it
 * @param onInside  fraction of the span's steps where the neuron is on
 * @param onOutside fraction of the context's steps where it is on; 0 when the span leaves no context
 */
public record SpanMatch(int layer, Signal quantity, int unit, double score, double onInside, double onOutside) {

    public Neuron neuron() {
        return new Neuron(layer, quantity, unit);
    }

    /** "layer 1 · hidden 12 · score 0.92 (on 100% inside, 8% outside)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s · score %.2f (on %.0f%% inside, %.0f%% outside)",
                neuron().describe(), score, 100 * onInside, 100 * onOutside);
    }
}
