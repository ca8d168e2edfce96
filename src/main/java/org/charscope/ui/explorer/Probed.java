package org.charscope.ui.explorer;

import java.util.List;
import java.util.Set;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.GateSaturation;
import org.charscope.explore.NeuronMatrix;
import org.charscope.explore.Predictions;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeatures;
import org.charscope.model.Signal;

/**
 * A passage after the model read it, with everything the explorer's views show worked out once,
 * off the FX thread: values, top-5 guesses, detector correlations, gate saturation. Immutable.
 *
 * @param codePoints [steps] the passage's symbols, one per step
 * @param iteration  the training iteration whose weights read it
 */
public record Probed(Probe.Result result, int[] codePoints, Predictions predictions, FeatureCorrelations correlations,
              List<GateSaturation> saturation, long iteration) {

    static Probed of(Probe.Result result, long iteration) {
        var activations = result.activations();
        return new Probed(result, result.passage().codePoints().toArray(), result.predictions(),
                FeatureCorrelations.compute(activations, TextFeatures.of(result.passage())),
                GateSaturation.of(activations), iteration);
    }

    /** [vocabulary] the code point of each symbol id. */
    int[] vocabularyCodePoints() {
        return result.vocabularyCodePoints();
    }

    public int steps() {
        return codePoints.length;
    }

    int layers() {
        return result.activations().layerCount();
    }

    public int units() {
        return result.activations().units(0);
    }

    /** What the cell had to show (a GRU has no cell state, an RNN only h), in {@link Signal} order. */
    Set<Signal> quantities() {
        return result.activations().quantities(0);
    }

    NeuronMatrix matrix(int layer, Signal quantity) {
        return result.activations().matrix(layer, quantity);
    }
}
