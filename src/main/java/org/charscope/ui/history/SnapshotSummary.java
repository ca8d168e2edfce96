package org.charscope.ui.history;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.charscope.explore.FeatureCorrelations;
import org.charscope.explore.NeuronFinding;
import org.charscope.explore.TextFeature;
import org.charscope.history.SnapshotDetectors;
import org.charscope.model.Signal;

/**
 * One snapshot as the window lists it: plain and immutable, made off the FX thread.
 *
 * @param iteration     iterations completed when it was taken
 * @param file          its file
 * @param bytes         its size on disk
 * @param best          per text feature, the neuron with the largest |r| over the run's fixed passage
 *                      (any layer and quantity); empty when the snapshot kept no detectors
 * @param correlations  every neuron's r for every feature, for a unit's own history; null when none
 */
public record SnapshotSummary(long iteration, Path file, long bytes, Map<TextFeature, NeuronFinding> best,
                              FeatureCorrelations correlations) {

    public SnapshotSummary {
        best = best.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(best));   // in feature order
    }

    /** The summary of a snapshot with these detectors (null for none). */
    public static SnapshotSummary of(long iteration, Path file, long bytes, SnapshotDetectors detectors) {
        if (detectors == null) {
            return new SnapshotSummary(iteration, file, bytes, Map.of(), null);
        }
        FeatureCorrelations correlations = detectors.correlations();
        Map<TextFeature, NeuronFinding> best = new EnumMap<>(TextFeature.class);
        for (TextFeature feature : TextFeature.values()) {
            for (NeuronFinding finding : correlations.top(feature, 1)) {
                best.put(feature, finding);
            }
        }
        return new SnapshotSummary(iteration, file, bytes, best, correlations);
    }

    /** The r of one neuron for a feature here; NaN when this snapshot has no detectors or not that neuron. */
    public double r(int layer, Signal quantity, int unit, TextFeature feature) {
        if (correlations == null || !correlations.has(layer, quantity)) {
            return Double.NaN;
        }
        float[] rs = correlations.correlations(layer, quantity, feature);
        return unit < rs.length ? rs[unit] : Double.NaN;
    }
}
