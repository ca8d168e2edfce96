package org.charscope.explore;

import java.util.List;
import org.charscope.model.Signal;

/**
 * The second pass of a hypothesis: per layer, signal and unit, at its chosen threshold, how many
 * positive steps it called on (TP) and how many negative ones (FP). Each value is compared with the
 * unit's threshold as a float ({@link SignalBins#edge}), which decides exactly as its bin would.
 * Memory: two counters a unit.
 */
final class ThresholdCounts implements PassageStream.StepSink {

    private final FeatureLabels labels;
    private final List<Signal> signals;
    private final int hidden;
    private final float[][][] thresholds;  // [layer][signal index][unit] in the quantity's units
    private final boolean[][][] above;     // [layer][signal index][unit] on at or above, else below
    private final int[][][] onPositive;    // [layer][signal index][unit] TP
    private final int[][][] onNegative;    // [layer][signal index][unit] FP

    ThresholdCounts(FeatureLabels labels, List<Signal> signals, int hidden, ThresholdChoice[][][] chosen) {
        this.labels = labels;
        this.signals = signals;
        this.hidden = hidden;
        int layers = chosen.length;
        thresholds = new float[layers][signals.size()][hidden];
        above = new boolean[layers][signals.size()][hidden];
        for (int l = 0; l < layers; l++) {
            for (int s = 0; s < signals.size(); s++) {
                SignalBins bins = SignalBins.of(signals.get(s));
                for (int u = 0; u < hidden; u++) {
                    thresholds[l][s][u] = bins.edge(chosen[l][s][u].edge());
                    above[l][s][u] = chosen[l][s][u].direction() == Direction.ABOVE;
                }
            }
        }
        onPositive = new int[layers][signals.size()][hidden];
        onNegative = new int[layers][signals.size()][hidden];
    }

    @Override
    public void signal(int position, Signal signal, int layer, float[] from, int offset) {
        int s = signals.indexOf(signal);
        int[] on = (labels.isPositive(position) ? onPositive : onNegative)[layer][s];
        float[] threshold = thresholds[layer][s];
        boolean[] isAbove = above[layer][s];
        for (int u = 0; u < hidden; u++) {
            float value = from[offset + u];
            if (isAbove[u] ? value >= threshold[u] : value < threshold[u]) {
                on[u]++;
            }
        }
    }

    int truePositives(int layer, int signalIndex, int unit) {
        return onPositive[layer][signalIndex][unit];
    }

    int falsePositives(int layer, int signalIndex, int unit) {
        return onNegative[layer][signalIndex][unit];
    }
}
