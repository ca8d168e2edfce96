package org.charscope.ui.explorer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.GateSaturation;
import org.charscope.explore.NeuronMatrix;
import org.charscope.explore.PassageActivations;
import org.charscope.explore.Predictions;
import org.charscope.explore.Probe;
import org.charscope.explore.TextFeature;
import org.charscope.explore.TextFeatures;
import org.charscope.model.Signal;

/**
 * A passage after the model read it, with everything the explorer's views show worked out once,
 * off the FX thread: values, top-5 guesses, detector correlations, gate saturation. Immutable.
 *
 * <p>A reading may be {@linkplain #trimmedTo trimmed} to one layer and quantity (a snapshot's
 * reading kept in a memory budget): it still knows every layer, quantity and unit the model has
 * (from its correlations, which are kept whole), but {@link #holds} only the one matrix.
 *
 * @param codePoints [steps] the passage's symbols, one per step
 * @param iteration  the training iteration whose weights read it
 */
public record Probed(Probe.Result result, int[] codePoints, Predictions predictions, FeatureCorrelations correlations,
              List<GateSaturation> saturation, long iteration) {

    /** Bytes a step's top-5 guesses take: five ids, five probabilities, the record and its two arrays. */
    private static final long PREDICTION_BYTES_PER_STEP = 5 * 4 + 5 * 4 + 3 * 16 + 24;

    static Probed of(Probe.Result result, long iteration) {
        return of(result, iteration, null);
    }

    /**
     * @param correlations  the passage's correlations when already known (a snapshot keeps those of
     *                      its fixed passage); null to compute them
     */
    static Probed of(Probe.Result result, long iteration, FeatureCorrelations correlations) {
        var activations = result.activations();
        return new Probed(result, result.passage().codePoints().toArray(), result.predictions(),
                correlations != null ? correlations : FeatureCorrelations.compute(activations, TextFeatures.of(result.passage())),
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
        return correlations.layerCount();
    }

    public int units() {
        Signal any = quantities().iterator().next();
        return correlations.correlations(0, any, TextFeature.values()[0]).length;
    }

    /** What the cell had to show (a GRU has no cell state, an RNN only h), in {@link Signal} order. */
    Set<Signal> quantities() {
        Set<Signal> recorded = EnumSet.noneOf(Signal.class);
        for (Signal quantity : Signal.values()) {
            if (correlations.has(0, quantity)) {
                recorded.add(quantity);
            }
        }
        return recorded;
    }

    /** Whether this reading holds the values of {@code quantity} in {@code layer} (a trimmed one holds one matrix). */
    boolean holds(int layer, Signal quantity) {
        return quantity != null && result.activations().has(layer, quantity);
    }

    /** @throws IllegalArgumentException if this reading does not {@link #holds hold} it */
    NeuronMatrix matrix(int layer, Signal quantity) {
        return result.activations().matrix(layer, quantity);
    }

    /**
     * The same reading with only what the views need to show one layer and quantity: that matrix,
     * the top-5 row, the correlations and the saturation (all small); the other matrices and the
     * probabilities are dropped. Span search then looks through the kept matrix only.
     */
    Probed trimmedTo(int layer, Signal quantity) {
        PassageActivations all = result.activations();
        List<Map<Signal, NeuronMatrix>> kept = new ArrayList<>();
        for (int l = 0; l < all.layerCount(); l++) {
            kept.add(l == layer && all.has(l, quantity) ? Map.of(quantity, all.matrix(l, quantity)) : Map.of());
        }
        Probe.Result trimmed = new Probe.Result(result.passage(), result.ids(),
                new PassageActivations(all.steps(), kept), new float[0], result.vocabularySize(),
                result.vocabularyCodePoints());
        return new Probed(trimmed, codePoints, predictions, correlations, saturation, iteration);
    }

    /**
     * About how many bytes this reading holds: its matrices and probabilities (nearly all of it),
     * the guesses, the passage, the correlations and the saturation points. An estimate for a
     * memory budget, not a measure of the heap.
     */
    long estimatedBytes() {
        PassageActivations activations = result.activations();
        long floats = result.probabilities().length;
        for (int l = 0; l < activations.layerCount(); l++) {
            for (Signal quantity : activations.quantities(l)) {
                floats += activations.matrix(l, quantity).values().length;
            }
        }
        long units = 0;
        for (GateSaturation gate : saturation) {
            units += gate.units();
        }
        floats += 2 * units;   // left and right per unit
        floats += (long) layers() * quantities().size() * TextFeature.values().length * units();
        long passage = 2L * result.passage().length() + 4L * (codePoints.length + result.ids().length);
        return 4 * floats + passage + PREDICTION_BYTES_PER_STEP * steps();
    }
}
